package dev.policywatch.crawler.bench;

import com.sun.net.httpserver.HttpServer;
import dev.policywatch.crawler.publish.SnapshotPublisher;
import dev.policywatch.crawler.schedule.CrawlScheduler;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourceCatalog;
import dev.policywatch.crawler.status.StatusBoard;
import dev.policywatch.embedded.EmbeddedKafkaBroker;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Not a test: 1,000 page sources over 50 local hosts (127.0.0.10–59, one HTTP server each, 20
 * documents per host, ETag-aware), crawled by the real scheduler and crawler in a Micronaut context with
 * an embedded Kafka broker (per-host delay 0, one request per host at a time). Pass 1 fetches, extracts
 * and publishes everything; pass 2 is a manual crawl of every source answered by 304s. Then, if
 * {@code urlwatch} is installed, the same 1,000 URLs are checked twice by urlwatch for comparison.
 *
 * <p>Run (see docs/benchmarks.md): {@code ./mvnw -B -q -pl crawler test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test}, then in {@code crawler/}:
 * {@code java -Xmx1g -cp target/test-classes:target/classes:$(cat target/bench.cp)
 * dev.policywatch.crawler.bench.CrawlBenchmark [concurrency]} (default 10, urlwatch's worker count).
 */
public final class CrawlBenchmark {

    private static final int HOSTS = 50;
    private static final int PER_HOST = 20;

    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path work = Files.createTempDirectory("pw-crawl-bench");
        List<HttpServer> servers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            HttpServer server = site("127.0.0." + (10 + h));
            servers.add(server);
            for (int d = 0; d < PER_HOST; d++) {
                urls.add("http://127.0.0." + (10 + h) + ":" + server.getAddress().getPort() + "/doc/" + d + ".htm");
            }
        }
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < urls.size(); i++) {
            yaml.append("  - id: bench-").append(i).append("\n    url: ").append(urls.get(i))
                    .append("\n    kind: page\n    content: \"#BodyLabel\"\n    every: P1D\n");
        }
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, yaml);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).start()) {
            Map<String, Object> props = new HashMap<>();
            props.put("kafka.bootstrap.servers", broker.bootstrapServers());
            props.put("policywatch.sources", sources.toString());
            props.put("policywatch.crawler.enabled", false);
            props.put("policywatch.crawler.per-host-delay", "0s");
            props.put("policywatch.crawler.start-spread", "0s");
            props.put("policywatch.crawler.concurrency", concurrency);
            props.put("micronaut.server.port", -1);
            try (ApplicationContext ctx = ApplicationContext.run(props, "crawler")) {
                CrawlScheduler scheduler = ctx.getBean(CrawlScheduler.class);
                StatusBoard board = ctx.getBean(StatusBoard.class);
                SourceCatalog catalog = ctx.getBean(SourceCatalog.class);
                catalog.reload();
                ctx.getBean(SnapshotPublisher.class).start(); // topic + state rebuild outside the timing

                double cpu0 = os.getProcessCpuTime() / 1e9;
                long t0 = System.nanoTime();
                Instant pass1 = Instant.now();
                scheduler.start(); // start-spread 0: every source is due now
                awaitAll(catalog, board, pass1);
                double pass1Seconds = (System.nanoTime() - t0) / 1e9;
                double pass1Cpu = os.getProcessCpuTime() / 1e9 - cpu0;
                double crawlerCpu1 = crawlerCpu(threads);
                Map<String, Integer> outcomes1 = outcomes(catalog, board);

                double cpu1 = os.getProcessCpuTime() / 1e9;
                long t1 = System.nanoTime();
                Instant pass2 = Instant.now();
                for (Source s : catalog.sources()) {
                    scheduler.requestCrawl(s.id());
                }
                awaitAll(catalog, board, pass2);
                double pass2Seconds = (System.nanoTime() - t1) / 1e9;
                double pass2Cpu = os.getProcessCpuTime() / 1e9 - cpu1;
                double crawlerCpu2 = crawlerCpu(threads) - crawlerCpu1;
                Map<String, Integer> outcomes2 = outcomes(catalog, board);

                System.out.printf("%npolicywatch crawler, %d sources over %d hosts, concurrency %d, %d cores%n",
                        urls.size(), HOSTS, concurrency, Runtime.getRuntime().availableProcessors());
                System.out.printf("pass 1 (fetch+extract+publish): %.2f s, %.0f pages/s, process CPU %.2f s, crawler threads CPU %.2f s, %s%n",
                        pass1Seconds, urls.size() / pass1Seconds, pass1Cpu, crawlerCpu1, outcomes1);
                System.out.printf("pass 2 (all 304):               %.2f s, %.0f pages/s, process CPU %.2f s, crawler threads CPU %.2f s, %s%n",
                        pass2Seconds, urls.size() / pass2Seconds, pass2Cpu, crawlerCpu2, outcomes2);
            }
            urlwatch(work, urls);
        } finally {
            servers.forEach(s -> s.stop(0));
        }
        System.exit(0);
    }

    private static void awaitAll(SourceCatalog catalog, StatusBoard board, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (Source s : catalog.sources()) {
                StatusBoard.Entry e = board.view(s.id());
                if (e.running() || e.lastFetchAt() == null || e.lastFetchAt().isBefore(since) || e.lastOutcome() == null) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("pass did not finish within 10 minutes");
    }

    private static Map<String, Integer> outcomes(SourceCatalog catalog, StatusBoard board) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Source s : catalog.sources()) {
            counts.merge(board.view(s.id()).lastOutcome().name(), 1, Integer::sum);
        }
        return counts;
    }

    /** CPU of the threads doing the crawling: workers, the HTTP client, the Kafka producer. */
    private static double crawlerCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("crawler-") || name.startsWith("HttpClient") || name.startsWith("kafka-producer")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, t);
            }
        }
        return total / 1e9;
    }

    private static void urlwatch(Path work, List<String> urls) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/urlwatch"))) {
            System.out.println("urlwatch not installed (apt-get install -y urlwatch): comparison skipped");
            return;
        }
        StringBuilder jobs = new StringBuilder();
        for (String url : urls) {
            jobs.append("url: \"").append(url).append("\"\n---\n");
        }
        Path urlsFile = work.resolve("urls.yaml");
        Files.writeString(urlsFile, jobs);
        Path config = work.resolve("urlwatch.yaml");
        Files.writeString(config, "report:\n  stdout:\n    enabled: false\n");
        for (int pass = 1; pass <= 2; pass++) {
            Path timing = work.resolve("time-" + pass);
            Process p = new ProcessBuilder("/usr/bin/time", "-f", "%e %U %S", "-o", timing.toString(), "/usr/bin/urlwatch",
                    "--urls", urlsFile.toString(), "--config", config.toString(),
                    "--cache", work.resolve("cache.db").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("urlwatch-" + pass + ".log").toFile()).start();
            p.waitFor();
            String[] t = Files.readString(timing).trim().split("\\s+");
            double wall = Double.parseDouble(t[t.length - 3]);
            double cpu = Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1]);
            System.out.printf("urlwatch 2.x pass %d:             %.2f s, %.0f pages/s, CPU %.2f s (exit %d)%n", pass,
                    wall, urls.size() / wall, cpu, p.exitValue());
        }
    }

    private static HttpServer site(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            try (ex) {
                if (!path.startsWith("/doc/")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + address + path.hashCode() + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = page(address + path).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }

    private static String page(String id) {
        StringBuilder sb = new StringBuilder("<html><head><title>管理办法 ").append(id)
                .append("</title></head><body><div class=\"nav\">首页 &gt; 政策</div><div id=\"BodyLabel\">");
        sb.append("<h2>第一章 总则</h2>");
        for (int i = 1; i <= 20; i++) {
            sb.append("<p>第").append(i).append("条 为了规范生成式人工智能服务（").append(id)
                    .append("），保护国家安全和社会公共利益，保护公民、法人和其他组织的合法权益，制定本办法。</p>");
        }
        return sb.append("</div><div class=\"footer\">版权所有</div></body></html>").toString();
    }
}

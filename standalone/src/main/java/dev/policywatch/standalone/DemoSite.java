package dev.policywatch.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small local site of sample documents written for the project (fictional, not copied from any
 * real text), for {@code --demo}: a regulation whose draft later becomes the final text (one article
 * inserted, later articles renumbered, one rewritten), a listing of notices that later gains one, and
 * an English risk profile whose sections change. The site advances one stage every minute:
 * <ol start="0">
 *   <li>the draft regulation, two notices, the profile's first version;</li>
 *   <li>the final regulation (第五条 inserted, old 第七条 rewritten as 第八条, the rest renumbered);</li>
 *   <li>the notice listing gains a third notice;</li>
 *   <li>the profile's sections 3.2 and 4.1 are rewritten and 4.2 is added.</li>
 * </ol>
 * Every page also carries noise that changes on each request (a visit counter, a date) outside the
 * configured content, to show that such noise is not reported.
 */
public final class DemoSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
    public static final int LAST_STAGE = 3;

    private final HttpServer server;
    private final ScheduledExecutorService ticker;
    private final AtomicInteger stage = new AtomicInteger();
    private final AtomicLong visits = new AtomicLong(1000);
    private final Clock clock;

    private DemoSite(HttpServer server, ScheduledExecutorService ticker, Clock clock) {
        this.server = server;
        this.ticker = ticker;
        this.clock = clock;
    }

    /** Starts the site on 127.0.0.1 (a free port) and advances it every {@code step} (none if null). */
    public static DemoSite start(Duration step) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-site");
                t.setDaemon(true);
                return t;
            });
            DemoSite site = new DemoSite(server, ticker, Clock.system(ZoneId.of("Asia/Shanghai")));
            server.createContext("/", site::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "demo-site-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            if (step != null) {
                ticker.scheduleAtFixedRate(site::advance, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
            }
            LOG.info("Demo site at {} (stage 0 of {}; it advances every {} s)", site.baseUrl(), LAST_STAGE,
                    step == null ? "-" : step.toSeconds());
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int stage() {
        return stage.get();
    }

    /** Moves to the next stage (no-op after the last one). */
    public void advance() {
        int now = stage.updateAndGet(s -> Math.min(s + 1, LAST_STAGE));
        LOG.info("Demo site advanced to stage {}: {}", now, switch (now) {
            case 1 -> "the regulation's final text is published";
            case 2 -> "a new notice appears on the listing";
            case 3 -> "the risk profile is revised";
            default -> "no further changes";
        });
    }

    /** Writes the sources file that watches this site: three sources crawled every 30 s. */
    public Path writeSources(Path dir) {
        String yaml = """
                # Sources of the policywatch demo: a local site of fictional documents (see DemoSite).
                sources:
                  - id: demo-labeling-measures
                    name: 示例市人工智能生成内容标识管理办法
                    url: %1$s/regulations/labeling.html
                    publisher: 示例市网信办 (demo)
                    jurisdiction: CN
                    kind: page
                    content: "#BodyLabel"
                    every: PT30S
                  - id: demo-notices
                    name: 示例市网信办 通知公告
                    url: %1$s/notices/
                    publisher: 示例市网信办 (demo)
                    jurisdiction: CN
                    kind: listing
                    links: "a[href*='/notices/n']"
                    content: "#BodyLabel"
                    every: PT30S
                  - id: demo-risk-profile
                    name: Example Agency AI Risk Profile
                    url: %1$s/profile.html
                    publisher: Example Agency (demo)
                    jurisdiction: US
                    kind: page
                    content: main
                    every: PT30S
                """.formatted(baseUrl());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("demo-sources.yml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo sources file in " + dir, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int s = stage.get();
            String body = switch (path) {
                case "/robots.txt" -> "User-agent: *\nAllow: /\n";
                case "/regulations/labeling.html" -> page(s >= 1 ? "regulation-final.html" : "regulation-draft.html");
                case "/profile.html" -> page(s >= 3 ? "profile-v2.html" : "profile-v1.html");
                case "/notices/", "/notices/index.html" -> listing(s >= 2);
                case "/notices/n1.html" -> notice("关于开展人工智能生成内容标识专项检查的通知",
                        "一、检查范围：本市提供生成式人工智能服务的组织。", "二、检查时间：自通知发布之日起三个月。");
                case "/notices/n2.html" -> notice("关于征求《示例市人工智能生成内容标识管理办法》意见的通知",
                        "一、征求意见截止日期为通知发布之日起三十日。", "二、意见可以通过电子邮件提交。");
                case "/notices/n3.html" -> s >= 2 ? notice("关于发布人工智能生成内容标识典型案例的通知",
                        "一、本次发布典型案例五件。", "二、各服务提供者应当对照案例开展自查。") : null;
                default -> null;
            };
            if (body == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
                return;
            }
            String type = path.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
            send(exchange, 200, type, body);
        }
    }

    private String listing(boolean withThird) {
        StringBuilder items = new StringBuilder();
        if (withThird) {
            items.append("<li><a href=\"/notices/n3.html\">关于发布人工智能生成内容标识典型案例的通知</a></li>\n");
        }
        items.append("<li><a href=\"/notices/n2.html\">关于征求《示例市人工智能生成内容标识管理办法》意见的通知</a></li>\n");
        items.append("<li><a href=\"/notices/n1.html\">关于开展人工智能生成内容标识专项检查的通知</a></li>\n");
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>通知公告_示例市网信办</title></head>"
                + "<body><div class=\"main-content\"><h1>通知公告</h1><ul class=\"list\">\n" + items
                + "</ul></div><footer>访问量 " + visits.incrementAndGet() + "</footer></body></html>";
    }

    private String notice(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return page("notice.html").replace("NOTICE-TITLE", title).replace("NOTICE-BODY", body);
    }

    private String page(String resource) {
        try (InputStream in = DemoSite.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo page missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("DEMO-DATE", DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss").format(clock.instant().atZone(clock.getZone())))
                    .replace("DEMO-COUNTER", String.valueOf(visits.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
    }
}

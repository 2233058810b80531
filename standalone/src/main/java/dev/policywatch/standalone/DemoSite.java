package dev.policywatch.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
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
 * an English risk profile whose sections change. The site advances one stage every minute (a
 * configurable step):
 * <ol start="0">
 *   <li>the draft regulation, two notices, the profile's first version;</li>
 *   <li>the final regulation (第五条 inserted, old 第七条 rewritten as 第八条, the rest renumbered);</li>
 *   <li>the notice listing gains a third notice;</li>
 *   <li>the profile's sections 3.2 and 4.1 are rewritten and 4.2 is added;</li>
 *   <li>and then, forever, in turn: the listing gains one more notice (the results of one more round of
 *   inspections); the regulation's penalty article (第十条) is amended to a higher fine; the profile
 *   records one more quarterly review (section 5.n).</li>
 * </ol>
 * Every stage only adds or raises: no document ever returns to an earlier version's text.
 *
 * <p>With a state directory, the stage and the port are kept there ({@code demo-state.properties}),
 * so a restart on the same data directory resumes where it stopped on the same URLs: the documents
 * keep their ids (a discovered document's id depends on its URL) and nothing is announced twice.
 * Every page also carries noise that changes on each request (a visit counter, a date) outside the
 * configured content, to show that such noise is not reported.
 */
public final class DemoSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
    /** The last of the scripted stages; later stages repeat the cycle of three changes with new content. */
    public static final int SCRIPTED_STAGES = 3;
    private static final int MAX_ROUNDS_LISTED = 10;
    private static final String STATE_FILE = "demo-state.properties";
    private static final String PENALTY_ARTICLE = "第十条　违反本办法第八条规定的，由市网信部门责令改正，给予警告。";

    private final HttpServer server;
    private final ScheduledExecutorService ticker;
    private final AtomicInteger stage;
    private final AtomicLong visits = new AtomicLong(1000);
    private final Clock clock;
    private final Path stateFile;

    private DemoSite(HttpServer server, ScheduledExecutorService ticker, Clock clock, int stage, Path stateFile) {
        this.server = server;
        this.ticker = ticker;
        this.clock = clock;
        this.stage = new AtomicInteger(stage);
        this.stateFile = stateFile;
    }

    /** Starts the site on 127.0.0.1 (a free port) at stage 0, keeping no state; advances every {@code step} (none if null). */
    public static DemoSite start(Duration step) {
        return start(step, null);
    }

    /**
     * Starts the site on 127.0.0.1 and advances it every {@code step} (none if null). With a
     * {@code stateDir}, resumes at the stage and on the port kept there by an earlier run (a new port
     * only when that one is taken, with a warning), and keeps them there.
     */
    public static DemoSite start(Duration step, Path stateDir) {
        Path stateFile = stateDir == null ? null : stateDir.resolve(STATE_FILE);
        Properties state = load(stateFile);
        int stage = Integer.parseInt(state.getProperty("stage", "0"));
        int port = Integer.parseInt(state.getProperty("port", "0"));
        try {
            HttpServer server = bind(port);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-site");
                t.setDaemon(true);
                return t;
            });
            DemoSite site = new DemoSite(server, ticker, Clock.system(ZoneId.of("Asia/Shanghai")), stage, stateFile);
            server.createContext("/", site::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "demo-site-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            site.save();
            LOG.info("Demo site at {} (stage {})", site.baseUrl(), stage);
            if (step != null) {
                site.advanceEvery(step);
            }
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site", e);
        }
    }

    /**
     * Advances the site every {@code step} from now on (the standalone calls this once everything has
     * started, so that a slow start does not skip stages nobody crawled).
     */
    public void advanceEvery(Duration step) {
        ticker.scheduleAtFixedRate(this::advance, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Demo site: a new stage every {} ms", step.toMillis());
    }

    private static HttpServer bind(int port) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (port > 0) {
            try {
                return HttpServer.create(new InetSocketAddress(loopback, port), 0);
            } catch (BindException e) {
                LOG.warn("The demo site's port {} is taken: it moves to a new port, so the notices found on its "
                        + "listing get new URLs and are announced once more", port);
            }
        }
        return HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot read the demo state {} ({}); the demo starts from its first stage", file, e.getMessage());
                return new Properties();
            }
        }
        return p;
    }

    /** Writes stage and port to the state file, atomically (a crash leaves the old or the new state). */
    private synchronized void save() {
        if (stateFile == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("stage", String.valueOf(stage.get()));
        p.setProperty("port", String.valueOf(server.getAddress().getPort()));
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = stateFile.resolveSibling(STATE_FILE + ".tmp");
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "policywatch demo site: where it stopped");
            }
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot keep the demo state in {}: {}", stateFile, e.getMessage());
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int stage() {
        return stage.get();
    }

    /** Moves to the next stage and says what changed. */
    public void advance() {
        int now = stage.incrementAndGet();
        save();
        LOG.info("Demo site advanced to stage {}: {}", now, describe(now));
    }

    static String describe(int s) {
        return switch (s) {
            case 0 -> "the draft regulation, two notices and the risk profile";
            case 1 -> "the regulation's final text is published";
            case 2 -> "a new notice appears on the listing";
            case 3 -> "the risk profile is revised";
            default -> switch ((s - SCRIPTED_STAGES - 1) % 3) {
                case 0 -> "the results of inspection round " + rounds(s, 0) + " are published on the listing";
                case 1 -> "the regulation's penalty article is amended (amendment " + rounds(s, 1) + ")";
                default -> "the risk profile records quarterly review " + rounds(s, 2);
            };
        };
    }

    /** How many of the endless cycle's changes of kind {@code k} (0 notice, 1 amendment, 2 review) stage {@code s} includes. */
    static int rounds(int s, int k) {
        int first = SCRIPTED_STAGES + 1 + k;
        return s < first ? 0 : (s - first) / 3 + 1;
    }

    /** Writes the sources file that watches this site: three sources crawled every {@code every}. */
    public Path writeSources(Path dir) {
        return writeSources(dir, Duration.ofSeconds(30));
    }

    /** Writes the sources file that watches this site: three sources crawled every {@code every}. */
    public Path writeSources(Path dir, Duration every) {
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
                    every: %2$s
                  - id: demo-notices
                    name: 示例市网信办 通知公告
                    url: %1$s/notices/
                    publisher: 示例市网信办 (demo)
                    jurisdiction: CN
                    kind: listing
                    links: "a[href*='/notices/n']"
                    content: "#BodyLabel"
                    every: %2$s
                  - id: demo-risk-profile
                    name: Example Agency AI Risk Profile
                    url: %1$s/profile.html
                    publisher: Example Agency (demo)
                    jurisdiction: US
                    kind: page
                    content: main
                    every: %2$s
                """.formatted(baseUrl(), every);
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
                case "/regulations/labeling.html" -> s >= 1 ? amended(page("regulation-final.html"), rounds(s, 1))
                        : page("regulation-draft.html");
                case "/profile.html" -> s >= 3 ? reviewed(page("profile-v2.html"), rounds(s, 2)) : page("profile-v1.html");
                case "/notices/", "/notices/index.html" -> listing(s);
                case "/notices/n1.html" -> notice("关于开展人工智能生成内容标识专项检查的通知",
                        "一、检查范围：本市提供生成式人工智能服务的组织。", "二、检查时间：自通知发布之日起三个月。");
                case "/notices/n2.html" -> notice("关于征求《示例市人工智能生成内容标识管理办法》意见的通知",
                        "一、征求意见截止日期为通知发布之日起三十日。", "二、意见可以通过电子邮件提交。");
                case "/notices/n3.html" -> s >= 2 ? notice("关于发布人工智能生成内容标识典型案例的通知",
                        "一、本次发布典型案例五件。", "二、各服务提供者应当对照案例开展自查。") : null;
                default -> roundNotice(path, rounds(s, 0));
            };
            if (body == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
                return;
            }
            String type = path.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
            send(exchange, 200, type, body);
        }
    }

    /** The final regulation after {@code n} amendments of its penalty article, each raising the fine. */
    private static String amended(String page, int n) {
        if (n == 0) {
            return page;
        }
        return page.replace(PENALTY_ARTICLE, "第十条　违反本办法第八条规定的，由市网信部门责令改正，给予警告；拒不改正的，处"
                + n + "万元以上" + (3 * n) + "万元以下罚款。");
    }

    /** The revised profile with {@code n} quarterly reviews recorded in its section 5. */
    private static String reviewed(String page, int n) {
        if (n == 0) {
            return page;
        }
        StringBuilder reviews = new StringBuilder("<h2>5. Reviews</h2>\n");
        for (int i = 1; i <= n; i++) {
            reviews.append("<p>5.").append(i).append(" Quarterly review ").append(i)
                    .append(" confirmed this profile; owners re-test ").append(i + 1)
                    .append(" systems before the next review.</p>\n");
        }
        return page.replace("</main>", reviews + "</main>");
    }

    private static final java.util.regex.Pattern ROUND_NOTICE = java.util.regex.Pattern.compile("/notices/n(\\d{1,6})\\.html");

    /** The notice of inspection round {@code r} ({@code /notices/n<3 + r>.html}), once published. */
    private String roundNotice(String path, int published) {
        java.util.regex.Matcher m = ROUND_NOTICE.matcher(path);
        if (!m.matches()) {
            return null;
        }
        int r = Integer.parseInt(m.group(1)) - 3;
        if (r < 1 || r > published) {
            return null;
        }
        return notice(roundTitle(r), "一、本轮抽查服务提供者" + (4 + r) + "家，发现未按规定添加标识的" + r + "家。",
                "二、有关服务提供者应当自通知发布之日起十五日内完成整改。");
    }

    private static String roundTitle(int r) {
        return "关于第" + r + "轮人工智能生成内容标识抽查情况的通报";
    }

    private String listing(int s) {
        StringBuilder items = new StringBuilder();
        // newest first, as sites list them; only the latest rounds, so that a long-running demo's listing stays short
        int latest = rounds(s, 0);
        for (int r = latest; r >= 1 && r > latest - MAX_ROUNDS_LISTED; r--) {
            items.append("<li><a href=\"/notices/n").append(3 + r).append(".html\">").append(roundTitle(r)).append("</a></li>\n");
        }
        if (s >= 2) {
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

    /** Stops advancing (the site keeps serving its current stage until {@link #close()}). */
    public void stopAdvancing() {
        ticker.shutdownNow();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
    }
}

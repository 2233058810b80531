import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local fixture site for the benchmarks (not part of the product; run from source, no build needed):
 *
 * <pre>java standalone/bench/FixtureSite.java DIR PAGES [HOSTS=50] [EVERY=PT6H]</pre>
 *
 * serves PAGES small Chinese regulation pages (ten articles, about 1.7 KB) spread over HOSTS loopback
 * addresses (127.0.0.10, 127.0.0.11, …; one JDK HTTP server each on a free port, one shared pool of 8
 * threads), as {@code /reg/<n>.html}, each with an {@code ETag} and a {@code Last-Modified}, answering
 * {@code 304 Not Modified} to a matching {@code If-None-Match} or a not-older {@code If-Modified-Since},
 * like a real web server. {@code /robots.txt} allows everything. It writes
 *
 * <ul>
 *   <li>{@code DIR/sources.yml}: one policywatch {@code page} source per page ({@code every: EVERY});</li>
 *   <li>{@code DIR/urls.yaml}: the same URLs as urlwatch jobs;</li>
 *   <li>{@code DIR/stats-url}: the address of the counters;</li>
 *   <li>{@code DIR/ports}: the port of each host; a start on a DIR that has it serves the same URLs;</li>
 * </ul>
 *
 * and then {@code DIR/ready}. {@code GET /__stats} (on any host) returns the page requests seen since the
 * last {@code GET /__reset}: {@code requests ok notModified firstMs lastMs} (epoch milliseconds of the first
 * and the last page request, so a pass is timed by the server, the same way for every client).
 */
public final class FixtureSite {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Instant LAST_MODIFIED = Instant.parse("2026-11-02T08:00:00Z");
    private static final String LAST_MODIFIED_HEADER = DateTimeFormatter.RFC_1123_DATE_TIME
            .format(LAST_MODIFIED.atZone(ZoneOffset.UTC));

    private static final AtomicLong requests = new AtomicLong();
    private static final AtomicLong ok = new AtomicLong();
    private static final AtomicLong notModified = new AtomicLong();
    private static final AtomicLong firstMs = new AtomicLong();
    private static final AtomicLong lastMs = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java FixtureSite.java DIR PAGES [HOSTS=50] [EVERY=PT6H]");
            System.exit(2);
        }
        // the JDK server writes headers and body apart: without this each answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path dir = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String every = args.length > 3 ? args[3] : "PT6H";
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> bases = new ArrayList<>();
        // a restart on the same DIR serves the same URLs (the ports of the first start are kept in DIR/ports)
        Path portsFile = dir.resolve("ports");
        List<String> ports = Files.exists(portsFile) ? Files.readAllLines(portsFile) : List.of();
        for (int h = 0; h < hosts; h++) {
            String address = "127.0.0." + (10 + h);
            int port = h < ports.size() ? Integer.parseInt(ports.get(h).strip()) : 0;
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 200);
            server.setExecutor(pool);
            server.createContext("/", FixtureSite::handle);
            server.start();
            bases.add("http://" + address + ":" + server.getAddress().getPort());
        }
        StringBuilder sources = new StringBuilder("sources:\n");
        StringBuilder jobs = new StringBuilder();
        for (int n = 0; n < pages; n++) {
            String url = bases.get(n % hosts) + "/reg/" + n + ".html";
            sources.append(String.format("  - id: bench-%05d%n    name: 示例规定第%d号%n    url: %s%n    publisher: 示例机关%n"
                    + "    jurisdiction: CN%n    kind: page%n    content: \"#content\"%n    every: %s%n", n, n, url, every));
            jobs.append("url: \"").append(url).append("\"\n---\n");
        }
        Files.write(portsFile, bases.stream().map(b -> b.substring(b.lastIndexOf(':') + 1)).toList());
        Files.writeString(dir.resolve("sources.yml"), sources);
        Files.writeString(dir.resolve("urls.yaml"), jobs);
        Files.writeString(dir.resolve("stats-url"), bases.get(0) + "/__stats\n");
        Files.writeString(dir.resolve("ready"), ProcessHandle.current().pid() + "\n");
        System.out.println("fixture site: " + pages + " pages on " + hosts + " hosts, stats at " + bases.get(0) + "/__stats");
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n");
            } else if (path.equals("/__stats")) {
                send(ex, 200, "text/plain", requests.get() + " " + ok.get() + " " + notModified.get() + " "
                        + firstMs.get() + " " + lastMs.get() + "\n");
            } else if (path.equals("/__reset")) {
                requests.set(0);
                ok.set(0);
                notModified.set(0);
                firstMs.set(0);
                lastMs.set(0);
                send(ex, 200, "text/plain", "reset\n");
            } else if (path.startsWith("/reg/") && path.endsWith(".html") && path.length() > 10
                    && path.substring(5, path.length() - 5).chars().allMatch(Character::isDigit)) {
                page(ex, Integer.parseInt(path.substring(5, path.length() - 5)));
            } else {
                send(ex, 404, "text/plain", "not found\n");
            }
        }
    }

    private static void page(HttpExchange ex, int n) throws IOException {
        long now = System.currentTimeMillis();
        requests.incrementAndGet();
        firstMs.compareAndSet(0, now);
        lastMs.accumulateAndGet(now, Math::max);
        String etag = "\"reg-" + n + "-v1\"";
        ex.getResponseHeaders().set("ETag", etag);
        ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED_HEADER);
        if (notModified(ex, etag)) {
            notModified.incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            return;
        }
        ok.incrementAndGet();
        send(ex, 200, "text/html; charset=utf-8", html(n));
    }

    private static boolean notModified(HttpExchange ex, String etag) {
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false; // If-None-Match takes precedence over If-Modified-Since (RFC 9110)
        }
        String since = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (since == null) {
            return false;
        }
        try {
            Instant t = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !t.isBefore(LAST_MODIFIED.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String html(int n) {
        StringBuilder articles = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            articles.append("<p>第").append(NUMERALS.charAt(i)).append("条 第").append(n).append("号示例规定的第")
                    .append(i + 1).append("项要求：服务提供者应当按照本规定履行第").append(i + 1).append("项义务，并在")
                    .append((n + i) % 30 + 1).append("个工作日内报送材料。</p>\n");
        }
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示例规定第" + n
                + "号</title></head><body><div id=\"content\"><h1>示例规定第" + n + "号</h1>\n" + articles
                + "</div></body></html>";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

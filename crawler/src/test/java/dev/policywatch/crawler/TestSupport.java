package dev.policywatch.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import java.time.Duration;
import java.util.HashMap;

/** Test helpers: a real local HTTP server ({@link Site}) and fast crawler settings. */
public final class TestSupport {

    public static final String USER_AGENT = "policywatch-test/1.0 (+http://example.test/contact)";

    private TestSupport() {
    }

    /** A new site on 127.0.0.1. */
    public static Site site() throws IOException {
        return new Site();
    }

    /** No per-host delay, short timeouts and backoff, default caps. */
    public static CrawlerSettings fastSettings() {
        return new CrawlerSettings(true, Duration.ZERO, USER_AGENT, 4, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(3), 25L * 1024 * 1024, 50L * 1024 * 1024, 5, 2, Duration.ofMillis(50),
                Duration.ofSeconds(5), 3, 0.6, 3, 50, Duration.ofHours(24), Duration.ofMinutes(10), Duration.ZERO, 0.1,
                Duration.ofMillis(200), CrawlerSettings.DEFAULT_MEMORY_BUDGET, CrawlerSettings.DEFAULT_MAX_SNAPSHOT_BYTES,
                CrawlerSettings.DEFAULT_IDLE_CONNECTIONS);
    }

    /** The same as Micronaut properties, with an admin token. */
    public static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("policywatch.crawler.per-host-delay", "0s");
        p.put("policywatch.crawler.user-agent", USER_AGENT);
        p.put("policywatch.crawler.connect-timeout", "2s");
        p.put("policywatch.crawler.read-timeout", "1s");
        p.put("policywatch.crawler.total-timeout", "3s");
        p.put("policywatch.crawler.retry-backoff", "50ms");
        p.put("policywatch.crawler.max-retry-after", "5s");
        p.put("policywatch.crawler.start-spread", "0s");
        p.put("policywatch.crawler.sources-poll-interval", "200ms");
        p.put("policywatch.admin-token", ADMIN_TOKEN);
        return p;
    }

    public static final String ADMIN_TOKEN = "test-admin-token";

    public static void send(com.sun.net.httpserver.HttpExchange ex, int status, String contentType, String body)
            throws IOException {
        Site.send(ex, status, contentType, body);
    }

    public static void send(com.sun.net.httpserver.HttpExchange ex, int status, String contentType, byte[] body)
            throws IOException {
        Site.send(ex, status, contentType, body);
    }

    public static final class Site implements AutoCloseable {

        /** Answers one request. */
        public interface Handler {
            void handle(HttpExchange exchange) throws IOException;
        }

        /** A request as received; {@code remote} is the client's address and port (one per TCP connection). */
        public record Request(String path, String query, Map<String, List<String>> headers, long nanoTime,
                String remote) {
            public String header(String name) {
                for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                    if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                        return e.getValue().get(0);
                    }
                }
                return null;
            }
        }

        private final HttpServer server;
        private final String host;
        private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
        public final List<Request> requests = new CopyOnWriteArrayList<>();

        Site() throws IOException {
            this("127.0.0.1");
        }

        Site(String bindHost) throws IOException {
            this.host = bindHost;
            server = HttpServer.create(new InetSocketAddress(bindHost, 0), 50);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-site");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", ex -> {
                requests.add(new Request(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                        Map.copyOf(ex.getRequestHeaders()), System.nanoTime(), String.valueOf(ex.getRemoteAddress())));
                Handler h = handlers.get(ex.getRequestURI().getPath());
                try {
                    if (h == null) {
                        if (ex.getRequestURI().getPath().equals("/robots.txt")) {
                            send(ex, 404, "text/plain", "");
                        } else {
                            send(ex, 404, "text/html", "<html><body>not found</body></html>");
                        }
                    } else {
                        h.handle(ex);
                    }
                } catch (IOException e) {
                    // the client went away (cut by a cap or timeout): expected in some tests
                } finally {
                    ex.close();
                }
            });
            server.start();
        }

        public URI url(String path) {
            return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
        }

        public int port() {
            return server.getAddress().getPort();
        }

        public Site on(String path, Handler handler) {
            handlers.put(path, handler);
            return this;
        }

        public Site html(String path, String html) {
            return on(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
        }

        /**
         * An HTML page with an ETag: 304 to a request whose If-None-Match names the current ETag, else 200
         * with the ETag, the {@code Last-Modified} date when one is given, and the current HTML.
         */
        public Site etagged(String path, Supplier<String> etag, String lastModified, Supplier<String> html) {
            return on(path, ex -> {
                String current = etag.get();
                if (current.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    send(ex, 304, null, new byte[0]);
                    return;
                }
                ex.getResponseHeaders().set("ETag", current);
                if (lastModified != null) {
                    ex.getResponseHeaders().set("Last-Modified", lastModified);
                }
                send(ex, 200, "text/html; charset=utf-8", html.get());
            });
        }

        /** {@link #etagged(String, Supplier, String, Supplier)} with a fixed ETag and page, no date. */
        public Site etagged(String path, String etag, String html) {
            return etagged(path, () -> etag, null, () -> html);
        }

        public List<Request> requestsTo(String path) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }

        public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
            send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
            if (contentType != null) {
                ex.getResponseHeaders().set("Content-Type", contentType);
            }
            if (status == 304 || status == 204) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

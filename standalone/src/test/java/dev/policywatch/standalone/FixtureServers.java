package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real local HTTP servers for the end-to-end tests: a site that serves one regulation page, a site that
 * serves whatever a test puts at a path, and a Slack-like webhook receiver.
 */
final class FixtureServers {

    private FixtureServers() {
    }

    /** Serves {@code /regulation.html} with the current version and a visit counter in its footer (noise). */
    static final class Site implements AutoCloseable {
        private final HttpServer server;
        private final AtomicReference<String> page = new AtomicReference<>();
        private final AtomicLong visits = new AtomicLong();

        Site(String initialResource) {
            show(initialResource);
            server = create();
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    String body = switch (path) {
                        case "/robots.txt" -> "User-agent: *\nAllow: /\n";
                        case "/regulation.html" -> page.get().replace("COUNTER", String.valueOf(visits.incrementAndGet()));
                        default -> null;
                    };
                    byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type",
                            path.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            server.start();
        }

        void show(String resource) {
            try (InputStream in = FixtureServers.class.getResourceAsStream("/e2e/" + resource)) {
                page.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * Serves what was last {@link #put} at each path, {@code robots.txt} allowing everything; 404
     * elsewhere. Every request's path and query is recorded ({@link #hits}).
     */
    static final class Pages implements AutoCloseable {
        private record Body(byte[] bytes, String type) {
        }

        private final HttpServer server;
        private final Map<String, Body> bodies = new ConcurrentHashMap<>();
        private final List<String> hits = new CopyOnWriteArrayList<>();

        Pages() {
            put("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            server = create();
            server.createContext("/", exchange -> {
                try (exchange) {
                    hits.add(exchange.getRequestURI().toString());
                    Body body = bodies.get(exchange.getRequestURI().getPath());
                    byte[] bytes = body == null ? "not found".getBytes(StandardCharsets.UTF_8) : body.bytes();
                    exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : body.type());
                    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            server.start();
        }

        /** An HTML page at {@code path}. */
        void put(String path, String html) {
            put(path, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        }

        /** A file of a content type at {@code path}. */
        void put(String path, byte[] bytes, String contentType) {
            bodies.put(path, new Body(bytes, contentType));
        }

        /** The path and query of every request so far, in order. */
        List<String> hits() {
            return List.copyOf(hits);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Records every POST to {@code /hook} and answers 200 "ok" as Slack does. */
    static final class WebhookReceiver implements AutoCloseable {
        private final HttpServer server;
        private final List<String> bodies = new CopyOnWriteArrayList<>();

        WebhookReceiver() {
            server = create();
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                }
            });
            server.start();
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String url() {
            return origin() + "/hook";
        }

        List<String> bodies() {
            return List.copyOf(bodies);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The standalone's HTTP API as a test calls it: crawl a source now, GET JSON, POST JSON. */
    static final class Api {
        private final String base;
        private final String adminToken;
        private final HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();

        Api(String base, String adminToken) {
            this.base = base;
            this.adminToken = adminToken;
        }

        /** POST /api/sources/{id}/crawl with the admin token; expects 202. */
        void crawl(String sourceId) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/sources/" + sourceId + "/crawl"))
                    .header("Authorization", "Bearer " + adminToken)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }

        /** GET {@code path} (with the admin token), expecting 200; the JSON answer. */
        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(base + path)).header("Authorization", "Bearer " + adminToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
            return json.readTree(r.body());
        }

        /** POST JSON to {@code path} with extra headers (name, value, …), expecting {@code status}; the JSON answer. */
        JsonNode post(String path, String body, int status, String... headers)
                throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(status);
            return json.readTree(r.body());
        }
    }


    private static HttpServer create() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.policywatch.standalone;

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

    private static HttpServer create() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

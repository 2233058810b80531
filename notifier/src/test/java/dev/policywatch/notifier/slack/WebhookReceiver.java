package dev.policywatch.notifier.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real local HTTP server standing in for Slack: records each POST per path and answers as told. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String host, String body, long atNanos) {
    }

    /** An answer: status, body, extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer ok() {
            return new Answer(200, "ok", Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Function<Integer, Answer>> answers = new ConcurrentHashMap<>();

    public WebhookReceiver(int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<Received> list = received.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>());
            list.add(new Received(path, exchange.getRequestHeaders().getFirst("Host"), body, System.nanoTime()));
            Answer a = answers.getOrDefault(path, n -> Answer.ok()).apply(list.size());
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** How to answer the n-th (1-based) request to {@code path}. */
    public void answer(String path, Function<Integer, Answer> answer) {
        answers.put(path, answer);
    }

    public List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    public Map<String, List<Received>> all() {
        return received;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

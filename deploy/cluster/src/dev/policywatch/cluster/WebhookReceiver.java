package dev.policywatch.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Slack-like incoming webhook on 127.0.0.1: every POST body is kept as one file in a folder (written
 * to a temporary name, then renamed, so a reader never sees half a request) and answered {@code ok}.
 */
public final class WebhookReceiver {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        AtomicInteger count = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> receive(exchange, folder, count));
        server.start();
        System.out.println("webhook receiver on 127.0.0.1:" + port + " writing to " + folder);
    }

    private static void receive(HttpExchange exchange, Path folder, AtomicInteger count) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String name = String.format("hook-%06d.json", count.incrementAndGet());
            Path tmp = folder.resolve(name + ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }
}

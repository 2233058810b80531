package dev.policywatch.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The local site the crawler watches: {@code /docs/<i>.html} for i = 1..n, each a short regulation of
 * five articles in Chinese. Round r changes one article of every document ({@code POST /_control/round?r=}),
 * so each round is one change per document; {@code GET /_control/served} says which round each
 * document was last served in, so the driver knows the crawler has seen it. 127.0.0.1 only.
 */
public final class FixtureSite {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五"};

    private final int documents;
    private final AtomicInteger round = new AtomicInteger();
    private final AtomicIntegerArray served;

    private FixtureSite(int documents) {
        this.documents = documents;
        this.served = new AtomicIntegerArray(documents + 1);
        for (int i = 0; i <= documents; i++) {
            served.set(i, -1);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        FixtureSite site = new FixtureSite(Integer.parseInt(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", site::handle);
        server.start();
        System.out.println("fixture site on 127.0.0.1:" + port + " with " + site.documents + " documents");
    }

    /** The page of document {@code doc} as of round {@code r}: article k carries the rounds that touched it. */
    static String page(int doc, int r) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>")
                .append("集群测试第").append(doc).append("号管理办法</title></head><body><h1>集群测试第").append(doc)
                .append("号管理办法</h1><div id=\"content\">");
        for (int k = 1; k <= 5; k++) {
            html.append("<p>第").append(NUMERALS[k - 1]).append("条　本办法第").append(doc).append("号文件的第")
                    .append(k).append("项规定适用于集群中的每一个服务实例，运营者应当记录处理过程。");
            for (int touched = k; touched <= r; touched += 5) {
                html.append("第").append(touched).append("次修订增加：运营者应当在").append(touched + doc)
                        .append("日内报告。");
            }
            html.append("</p>");
        }
        return html.append("</div></body></html>").toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.equals("/_control/round") && "POST".equals(exchange.getRequestMethod()) && query != null) {
                round.set(Integer.parseInt(query.replace("r=", "")));
                send(exchange, 200, "text/plain", "round " + round.get());
            } else if (path.equals("/_control/served")) {
                StringBuilder body = new StringBuilder();
                for (int i = 1; i <= documents; i++) {
                    body.append(i).append(' ').append(served.get(i)).append('\n');
                }
                send(exchange, 200, "text/plain", body.toString());
            } else if (path.matches("/docs/\\d+\\.html")) {
                int doc = Integer.parseInt(path.substring(6, path.length() - 5));
                if (doc < 1 || doc > documents) {
                    send(exchange, 404, "text/plain", "no such document");
                    return;
                }
                int r = round.get();
                String html = page(doc, r);
                send(exchange, 200, "text/html; charset=utf-8", html);
                served.accumulateAndGet(doc, r, Math::max);
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

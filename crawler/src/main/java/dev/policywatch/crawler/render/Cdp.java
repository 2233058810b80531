package dev.policywatch.crawler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.net.HostResolver;
import dev.policywatch.net.OutboundHttp;
import dev.policywatch.net.UrlOrigin;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A connection to one Chromium's DevTools endpoint (the browser target, flat sessions): commands with
 * their answers, and events routed by session. The socket goes to the loopback port of a browser this
 * process started, through the {@code net} module's client trusting exactly that origin. Events are
 * delivered on the socket's reader thread: listeners must hand work off and return at once.
 */
final class Cdp implements AutoCloseable {

    /** A DevTools event. */
    record Event(String method, JsonNode params, String sessionId) {
    }

    /** A command that failed, timed out, or a connection that is gone. */
    static final class CdpException extends Exception {
        CdpException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Event>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile String closedBecause;

    private Cdp(URI endpoint, Duration timeout) throws CdpException {
        OkHttpClient client = new OutboundHttp(new OkHttpClient.Builder()
                .connectTimeout(timeout).readTimeout(Duration.ZERO).writeTimeout(timeout), HostResolver.system())
                .client(new UrlOrigin("http", endpoint.getHost(), endpoint.getPort()));
        this.socket = client.newWebSocket(new Request.Builder().url(endpoint.toString()).build(), new Listener());
        try {
            opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.cancel();
            throw new CdpException("interrupted while connecting to the browser");
        } catch (ExecutionException | TimeoutException e) {
            socket.cancel();
            throw new CdpException("cannot connect to the browser's DevTools endpoint: " + e);
        }
    }

    /** Connects to {@code ws://127.0.0.1:<port>/devtools/browser/<id>}. */
    static Cdp connect(URI endpoint, Duration timeout) throws CdpException {
        return new Cdp(endpoint, timeout);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Sends a command; the future completes with its {@code result} or exceptionally with a {@link CdpException}. */
    CompletableFuture<JsonNode> send(String method, ObjectNode params, String sessionId) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (closedBecause != null) {
            answer.completeExceptionally(new CdpException(closedBecause));
            return answer;
        }
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? params() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        pending.put(id, answer);
        if (!socket.send(message.toString())) {
            pending.remove(id);
            answer.completeExceptionally(new CdpException("the browser connection is closed"));
        }
        return answer;
    }

    /** Sends a command and waits for its result. */
    JsonNode call(String method, ObjectNode params, String sessionId, Duration timeout) throws CdpException {
        CompletableFuture<JsonNode> answer = send(method, params, sessionId);
        try {
            return answer.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("interrupted waiting for " + method);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new CdpException(method + " got no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CdpException c ? c : new CdpException(method + ": " + e.getCause());
        }
    }

    /** Routes the events of a session (null: the browser's own) to the listener. */
    void listen(String sessionId, Consumer<Event> listener) {
        listeners.put(sessionId == null ? "" : sessionId, listener);
    }

    void unlisten(String sessionId) {
        listeners.remove(sessionId == null ? "" : sessionId);
    }

    /** Whether the connection is still up. */
    boolean open() {
        return closedBecause == null;
    }

    @Override
    public void close() {
        closedBecause = "the browser connection was closed";
        socket.close(1000, null);
        socket.cancel();
        failPending(closedBecause);
    }

    private void failPending(String why) {
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonNode> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(new CdpException(why));
            }
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(null);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                return; // not DevTools JSON: nothing to route
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(message.get("id").asLong());
                if (f == null) {
                    return;
                }
                if (message.has("error")) {
                    f.completeExceptionally(new CdpException(message.get("error").path("message").asText("error")));
                } else {
                    f.complete(message.path("result"));
                }
                return;
            }
            String session = message.path("sessionId").asText("");
            Consumer<Event> l = listeners.get(session);
            if (l != null) {
                l.accept(new Event(message.path("method").asText(), message.path("params"),
                        session.isEmpty() ? null : session));
            }
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closedBecause = "the browser closed its DevTools connection";
            failPending(closedBecause);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closedBecause = "the browser connection failed: " + t;
            opened.completeExceptionally(t);
            failPending(closedBecause);
        }
    }
}

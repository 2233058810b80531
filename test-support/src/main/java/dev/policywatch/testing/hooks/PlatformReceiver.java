package dev.policywatch.testing.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real local HTTP server standing in for one platform's webhook. Each POST is checked as the platform
 * checks it; a message that fails a check is answered with the platform's error (and recorded as
 * rejected, with the reason); one that passes is answered with the scripted answer for its number (1 for
 * the first accepted, …), by default the platform's success. Thread-safe.
 */
public final class PlatformReceiver implements AutoCloseable {

    /** The platform imitated. */
    public enum Platform { SLACK, WECOM, DINGTALK, FEISHU, TEAMS, WEBHOOK }

    /** A request as received; {@code rejection} is null when every check passed. */
    public record Received(String path, String query, Map<String, String> headers, String body, JsonNode json,
            String rejection, Instant at) {
    }

    /** An answer: status and body. */
    public record Answer(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Platform platform;
    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile IntFunction<Answer> script;

    /** A receiver for {@code platform}; {@code secret} (nullable) is the signing secret it verifies. */
    public PlatformReceiver(Platform platform, String secret) {
        this.platform = platform;
        this.secret = secret;
        this.script = n -> success();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code scheme://host:port}: the entry to add to the allow-list. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The hook URL to subscribe, shaped as the platform's ({@code key}, {@code access_token}, {@code /bot/v2/hook/}). */
    public String url() {
        return origin() + switch (platform) {
            case SLACK -> "/services/T000/B000/XXXX";
            case WECOM -> "/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
            case DINGTALK -> "/robot/send?access_token=c3a1e2f0a9d84b7c";
            case FEISHU -> "/open-apis/bot/v2/hook/8d2f6a1e-0000-4c7b-9d1e-2b3c4d5e6f70";
            case TEAMS -> "/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=1&sig=abc";
            case WEBHOOK -> "/policywatch/events";
        };
    }

    /** How to answer the n-th (1-based) message that passes the checks. */
    public void script(IntFunction<Answer> answers) {
        this.script = answers;
    }

    /** Every request, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that passed every check. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.rejection() == null).toList();
    }

    /** The requests that failed a check, with the reason. */
    public List<Received> rejected() {
        return received.stream().filter(r -> r.rejection() != null).toList();
    }

    /** The platform's success answer. */
    public Answer success() {
        return switch (platform) {
            case SLACK -> new Answer(200, "ok");
            case WECOM, DINGTALK -> new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            case FEISHU -> new Answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
            case TEAMS -> new Answer(202, "");
            case WEBHOOK -> new Answer(204, "");
        };
    }

    /** The platform's answer carrying {@code code} and {@code message} in the body, with HTTP 200. */
    public Answer error(long code, String message) {
        String m = message.replace("\"", "'");
        return switch (platform) {
            case WECOM, DINGTALK -> new Answer(200, "{\"errcode\":" + code + ",\"errmsg\":\"" + m + "\"}");
            case FEISHU -> new Answer(200, "{\"code\":" + code + ",\"msg\":\"" + m + "\",\"data\":{}}");
            default -> new Answer((int) code, m);
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            JsonNode json = null;
            String rejection;
            try {
                json = JSON.readTree(body);
                rejection = "POST".equals(exchange.getRequestMethod()) ? check(query, headers, raw, json)
                        : "method " + exchange.getRequestMethod();
            } catch (IOException e) {
                rejection = "body is not JSON: " + e.getMessage();
            }
            received.add(new Received(exchange.getRequestURI().getPath(), query, headers, body, json, rejection,
                    Instant.now()));
            Answer a = rejection == null ? script.apply(accepted.incrementAndGet()) : refusal(rejection);
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** The platform's answer to a message that failed a check. */
    private Answer refusal(String why) {
        return switch (platform) {
            case WECOM -> error(40058, why);
            case DINGTALK -> error(why.startsWith("sign") ? 310000 : 40035, why);
            case FEISHU -> error(why.startsWith("sign") ? 19021 : 9499, why);
            case SLACK -> new Answer(400, "invalid_blocks");
            case TEAMS -> new Answer(400, why);
            case WEBHOOK -> new Answer(401, why);
        };
    }

    /** Null when the message passes the platform's checks, else why not. */
    private String check(String query, Map<String, String> headers, byte[] raw, JsonNode json) {
        Map<String, String> params = params(query);
        return switch (platform) {
            case SLACK -> json.path("blocks").isArray() && json.path("blocks").size() <= 50 && json.hasNonNull("text")
                    ? null : "not Block Kit within 50 blocks";
            case WECOM -> {
                if (!params.containsKey("key")) {
                    yield "no key";
                }
                if (!"markdown".equals(json.path("msgtype").asText())) {
                    yield "msgtype is not markdown";
                }
                String content = json.path("markdown").path("content").asText("");
                int bytes = content.getBytes(StandardCharsets.UTF_8).length;
                yield content.isEmpty() ? "empty content" : bytes > 4096 ? "content is " + bytes + " bytes (max 4096)"
                        : null;
            }
            case DINGTALK -> {
                if (!params.containsKey("access_token")) {
                    yield "no access_token";
                }
                if (secret != null) {
                    String why = dingTalkSignature(params);
                    if (why != null) {
                        yield why;
                    }
                }
                JsonNode md = json.path("markdown");
                yield "markdown".equals(json.path("msgtype").asText()) && !md.path("title").asText("").isEmpty()
                        && !md.path("text").asText("").isEmpty() ? null : "not a markdown message with title and text";
            }
            case FEISHU -> {
                if (raw.length > 20 * 1024) {
                    yield "body is " + raw.length + " bytes (max 20 KB)";
                }
                if (secret != null) {
                    String why = feishuSignature(json);
                    if (why != null) {
                        yield why;
                    }
                }
                String type = json.path("msg_type").asText();
                yield "interactive".equals(type) && json.path("card").isObject()
                        || "post".equals(type) && json.path("content").path("post").isObject()
                        ? null : "not an interactive card or a post";
            }
            case TEAMS -> {
                if (raw.length > 28 * 1024) {
                    yield "message is " + raw.length + " bytes (max 28 KB)";
                }
                JsonNode a = json.path("attachments").path(0);
                yield "message".equals(json.path("type").asText())
                        && "application/vnd.microsoft.card.adaptive".equals(a.path("contentType").asText())
                        && "AdaptiveCard".equals(a.path("content").path("type").asText())
                        ? null : "not a message with an Adaptive Card attachment";
            }
            case WEBHOOK -> secret == null ? null : standardWebhookSignature(headers, raw);
        };
    }

    /** DingTalk: timestamp (ms) within an hour; sign = urlencode(base64(HmacSHA256(secret, ts + "\n" + secret))). */
    private String dingTalkSignature(Map<String, String> params) {
        String ts = params.get("timestamp");
        String sign = params.get("sign");
        if (ts == null || sign == null) {
            return "sign missing";
        }
        if (Duration.between(Instant.ofEpochMilli(Long.parseLong(ts)), Instant.now()).abs().toHours() >= 1) {
            return "sign timestamp out of range";
        }
        String expected = hmac(secret.getBytes(StandardCharsets.UTF_8), (ts + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return equal(expected, URLDecoder.decode(sign, StandardCharsets.UTF_8)) ? null : "sign not match";
    }

    /** Feishu: timestamp (s) within an hour; sign = base64(HmacSHA256(key = ts + "\n" + secret, data = "")). */
    private String feishuSignature(JsonNode json) {
        String ts = json.path("timestamp").asText(null);
        String sign = json.path("sign").asText(null);
        if (ts == null || sign == null) {
            return "sign missing";
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(ts)), Instant.now()).abs().toHours() >= 1) {
            return "sign timestamp is not within one hour";
        }
        String expected = hmac((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return equal(expected, sign) ? null : "sign match fail";
    }

    /** Standard Webhooks: v1,base64(HmacSHA256(base64decode(secret minus whsec_), id.timestamp.body)), timestamp within 5 min. */
    private String standardWebhookSignature(Map<String, String> headers, byte[] raw) {
        String id = headers.get("webhook-id");
        String ts = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || ts == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(ts)), Instant.now()).abs().toMinutes() >= 5) {
            return "timestamp too far from now";
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] prefix = (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(raw, 0, signed, prefix.length, raw.length);
        String expected = hmac(key, signed);
        for (String s : signatures.split(" ")) {
            if (s.startsWith("v1,") && equal(expected, s.substring(3))) {
                return null;
            }
        }
        return "no valid v1 signature";
    }

    private static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            // values stay encoded: the signature check decodes sign itself, as DingTalk does
            out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

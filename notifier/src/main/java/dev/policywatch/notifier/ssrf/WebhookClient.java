package dev.policywatch.notifier.ssrf;

import dev.policywatch.net.OutboundHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Posts a payload to a {@link CheckedTarget} with the notifier's {@link OutboundHttp}: a client that may
 * reach a private address only when an allow-listed origin admitted the target, and otherwise connects
 * only to public addresses it resolved and checked itself. Redirects are not followed (a 3xx comes back
 * like any other status). OkHttp does framing, chunked bodies, TLS and connection reuse; it is told not
 * to retry a POST on its own (the outbox decides about retries, so a webhook is not posted to twice
 * behind its back). Thread-safe.
 */
public final class WebhookClient {

    /** Bytes of a reply body read at most: enough for an error code or Slack's error words, never a whole page. */
    static final int MAX_REPLY_BODY = 64 * 1024;

    private final OutboundHttp http;

    public WebhookClient(OutboundHttp http) {
        this.http = http;
    }

    /** The notifier's client: connect and read timeouts, a bound on the whole exchange, no silent retries. */
    public static WebhookClient create(Duration connectTimeout, Duration readTimeout) {
        return new WebhookClient(new OutboundHttp(new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout).plus(readTimeout))
                .retryOnConnectionFailure(false),
                dev.policywatch.net.HostResolver.system()));
    }

    /**
     * The reply: status, headers (lower-case names, first value) and up to 64 KB of body (WeCom, DingTalk
     * and Feishu answer HTTP 200 with an error code in the body, so a 2xx body is read too).
     */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    /** Posts; throws when no reply arrived (refused address, connection or timeout failure). */
    public Reply post(CheckedTarget target, byte[] payload, String contentType) throws IOException {
        return post(target, payload, contentType, Map.of());
    }

    /** Posts with extra request headers (a signature); throws when no reply arrived. */
    public Reply post(CheckedTarget target, byte[] payload, String contentType, Map<String, String> extraHeaders)
            throws IOException {
        HttpUrl url = HttpUrl.get(target.uri());
        Request.Builder builder = new Request.Builder().url(url)
                .header("User-Agent", "policywatch-notifier")
                .post(RequestBody.create(payload, MediaType.get(contentType)));
        extraHeaders.forEach(builder::header);
        Request request = builder.build();
        OkHttpClient client = http.client(target.trusted());
        try (Response response = client.newCall(request).execute()) {
            Map<String, String> headers = new HashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
            }
            String body = readSome(response.body());
            return new Reply(response.code(), headers, body);
        }
    }

    /** Up to {@link #MAX_REPLY_BODY} bytes; a body that breaks off keeps what arrived. */
    private static String readSome(ResponseBody body) {
        if (body == null) {
            return "";
        }
        Buffer read = new Buffer();
        try {
            BufferedSource source = body.source();
            while (read.size() < MAX_REPLY_BODY && source.read(read, MAX_REPLY_BODY - read.size()) != -1) {
                // keep reading up to the bound
            }
        } catch (IOException e) {
            // the status is what matters; a broken body keeps what arrived
        }
        return read.readUtf8();
    }
}

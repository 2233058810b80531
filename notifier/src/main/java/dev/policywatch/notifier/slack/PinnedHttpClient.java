package dev.policywatch.notifier.slack;

import dev.policywatch.notifier.ssrf.CheckedTarget;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 POST that connects to the address a {@link CheckedTarget} was checked against —
 * never resolving the host again, so DNS rebinding cannot redirect it — and sends the host name as the
 * Host header and TLS server name (the certificate is verified against it). It never follows
 * redirects: a 3xx is returned like any other status. One connection per request. Thread-safe.
 */
public final class PinnedHttpClient {

    private static final int MAX_BODY = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public PinnedHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The reply: status, headers (lower-case names) and up to 64 KB of body. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    public Reply post(CheckedTarget target, byte[] body, String contentType) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            raw.setSoTimeout((int) readTimeout.toMillis());
            Socket socket = raw;
            if (target.https()) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(raw, target.host(), target.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!target.host().startsWith("[") && !Character.isDigit(target.host().charAt(target.host().length() - 1))) {
                    params.setServerNames(List.of(new SNIHostName(target.host())));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
            int defaultPort = target.https() ? 443 : 80;
            String hostHeader = target.host() + (target.port() == defaultPort ? "" : ":" + target.port());
            String head = "POST " + target.pathAndQuery() + " HTTP/1.1\r\n"
                    + "Host: " + hostHeader + "\r\n"
                    + "User-Agent: policywatch-notifier\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } finally {
            raw.close();
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (body.size() < MAX_BODY) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                if (n == 0) {
                    break;
                }
                copy(in, body, n);
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            copy(in, body, (int) Math.min(MAX_BODY, Long.parseLong(headers.get("content-length"))));
        } else {
            copy(in, body, MAX_BODY);
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, int n) throws IOException {
        byte[] buf = new byte[8192];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 16 * 1024) {
                throw new IOException("HTTP header line too long");
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed before the response was complete");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}

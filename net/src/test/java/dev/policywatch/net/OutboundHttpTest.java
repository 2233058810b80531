package dev.policywatch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The clients against a real local server (on loopback: a non-public address, as an internal service is). */
class OutboundHttpTest {

    /** A DNS of a few names; "rebind.test" answers a public address first and loopback second. */
    private static final HostResolver DNS = host -> {
        Map<String, String> names = Map.of("public.test", "93.184.216.34", "internal.test", "127.0.0.1",
                "rebind.test", "93.184.216.34,127.0.0.1", "mapped.test", "::ffff:127.0.0.1");
        String a = names.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> out = new java.util.ArrayList<>();
        for (String s : a.split(",")) {
            out.add(InetAddress.getByName(s));
        }
        return out;
    };

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private OutboundHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "internal secret".getBytes(StandardCharsets.UTF_8);
            if (ex.getRequestURI().getPath().equals("/gz")) {
                java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
                    gz.write(body);
                }
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                body = z.toByteArray();
            }
            if (ex.getRequestURI().getPath().equals("/redirect")) {
                ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        http = new OutboundHttp(new OkHttpClient.Builder(), DNS);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private UrlOrigin local() {
        return new UrlOrigin("http", "127.0.0.1", port());
    }

    private static String get(OkHttpClient client, String url) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void theTrustedOriginMayBePrivate() throws IOException {
        assertThat(get(http.client(local()), "http://127.0.0.1:" + port() + "/x")).isEqualTo("200 internal secret");
        assertThat(http.refusal(URI.create("http://127.0.0.1:" + port() + "/x"), local())).isNull();
    }

    @Test
    void anotherPortOfTheTrustedHostIsAnotherOrigin() {
        UrlOrigin otherPort = new UrlOrigin("http", "127.0.0.1", port() + 1 > 65535 ? 1 : port() + 1);
        assertThatThrownBy(() -> get(http.client(otherPort), "http://127.0.0.1:" + port() + "/x"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("non-public address 127.0.0.1");
        assertThat(http.refusal(URI.create("http://127.0.0.1:" + port() + "/x"), otherPort)).contains("non-public");
        assertThat(hits).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/x", "http://localhost:%d/x", "http://internal.test:%d/x",
            "http://rebind.test:%d/x", "http://mapped.test:%d/x", "http://[::ffff:127.0.0.1]:%d/x",
            "http://2130706433:%d/x", "http://0x7f000001:%d/x", "http://017700000001:%d/x", "http://127.1:%d/x"})
    void anUntrustingClientNeverReachesALoopbackServer(String pattern) {
        String url = String.format(pattern, port());
        assertThat(http.refusal(URI.create(url), null)).as(url).isNotNull();
        assertThatThrownBy(() -> get(http.client(null), url)).as(url).isInstanceOf(IOException.class);
        assertThat(hits).as(url).hasValue(0);
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressChecked() throws UnknownHostException {
        // rebind.test answers a public address and loopback: refused whole, so the connection cannot
        // land on the second address after the first was checked
        assertThatThrownBy(() -> new GuardedDns(DNS, null).lookup("rebind.test"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("127.0.0.1");
        assertThat(new GuardedDns(DNS, "internal.test").lookup("internal.test"))
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void redirectsAreNeverFollowed() throws IOException {
        assertThat(get(http.client(local()), "http://127.0.0.1:" + port() + "/redirect")).startsWith("302");
        assertThat(hits).hasValue(1);
    }

    @Test
    void gzipIsDecodedTransparently() throws IOException {
        assertThat(get(http.client(local()), "http://127.0.0.1:" + port() + "/gz")).isEqualTo("200 internal secret");
    }

    @Test
    void schemesOtherThanHttpAreRefused() {
        assertThat(http.refusal(URI.create("file:///etc/passwd"), null)).contains("file:");
        assertThat(http.refusal(URI.create("gopher://127.0.0.1:70/"), local())).contains("gopher:");
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertThat(UrlOrigin.of(URI.create("https://Example.org/a"))).isEqualTo(UrlOrigin.of(URI.create("https://example.org:443/b")));
        assertThat(UrlOrigin.of(URI.create("http://example.org:18611/"))).isNotEqualTo(
                UrlOrigin.of(URI.create("http://example.org:18612/")));
        assertThat(UrlOrigin.of(URI.create("http://example.org/"))).isNotEqualTo(UrlOrigin.of(URI.create("https://example.org/")));
        assertThat(UrlOrigin.of(URI.create("http://[::1]:9000/")).toString()).isEqualTo("http://[::1]:9000");
    }
}

package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reviewer throws at a fresh system, over real HTTP (a raw socket, so malformed escapes and bytes no
 * HTTP library would send get through): odd ids in every path ({@code %00}, {@code ..}, {@code %2F}, unicode,
 * invalid UTF-8, 10 KB), generated query strings on every read endpoint (negative, huge and non-numeric
 * numbers, repeated and unknown parameters, unknown enum values, malformed dates, regex and SQL wildcards),
 * and hostile headers. Each answer is below 500; an API refusal is {@code application/problem+json} with a
 * detail, a page's refusal HTML or problem+json; no answer carries a stack trace. Found this way before the
 * fixes: {@code Accept-Charset: ;} was a 500 on every endpoint, {@code Content-Type: ...; charset=nope} a 500
 * on every body, a 10 KB path a 413 "Request Entity Too Large", a foreign {@code Origin} a bodiless 403.
 */
class HostileInputEndToEndTest {

    private static final List<String> IDS = List.of("%00", "a%00b", "..", "%2E%2E", "a%2Fb", "..%2F..%2Fetc%2Fpasswd",
            "%E4%B8%AD%E6%96%87", "%C0%AF", "%FF%FE", "%", "%zz", "a;b", "a%20b", "a%0D%0AX-Injected:%201", "~", ".",
            "x%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%25", "_", "*", "'%20OR%201=1--", "a".repeat(300),
            "a".repeat(10_000));
    private static final List<String> KEYS = List.of("limit", "cursor", "since", "until", "kind", "type", "q", "source",
            "jurisdiction", "significance", "fact", "from", "to", "fromDocument", "page", "token", "next", "to",
            "unknown", "limit[]", "q%00");
    private static final List<String> VALUES = List.of("", "-1", "0", "1", "500", "501", "99999999999999999999",
            "1e9", "1.5", "abc", "NaN", "%00", "%", "%zz", "%C0", "%ED%A0%80", "%25", "_", "%25_%25", ".*", "(((", "%5C",
            "'%3B%20drop%20table%20x%3B--", "2020-13-45", "2026-01-01", "0000-01-01", "%2B10000-01-01",
            "2020-01-01T00:00:00%2B99:00", "BASELINE", "baseline", "UPDATED,NOPE", ",,,", "ADDED", "EDITED", "SUBSTANTIVE",
            "FINE,DEADLINE", "%E4%B8%AD", "%F0%9F%98%80", "%E2%80%AE", "a%2Bb", "q".repeat(3000),
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "http://evil.example", "%2F%2Fevil.example");
    private static final List<String> ID_PATHS = List.of("/api/sources/{}", "/api/documents/{}",
            "/api/documents/{}/versions", "/api/documents/{}/versions/{}", "/api/documents/{}/diff?from={}&to={}",
            "/api/changes/{}", "/api/subscriptions/{}", "/documents/{}", "/changes/{}",
            "/documents/{}/versions/{}");
    private static final List<String> QUERY_PATHS = List.of("/api/changes", "/feeds/changes.atom", "/api/documents",
            "/api/sources", "/api/channels", "/", "/sources", "/subscribe", "/subscriptions/confirm", "/unsubscribe",
            "/language", "/api/documents/{doc}/diff", "/api/documents/{doc}", "/documents/{doc}");

    @TempDir
    Path dir;

    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();

    private URI base;

    private record Answer(int status, String contentType, String body, String request) {
    }

    @Test
    void noHostilePathQueryOrHeaderGetsA5xxOrAnUnexplainedRefusal() throws Exception {
        FixtureServers.Site site = parts.add(new FixtureServers.Site("regulation-v1.html"));
        Path sources = EndToEnd.sourcesFile(dir, EndToEnd.source("reg", "测试省算法推荐服务备案规定", "测试省网信办",
                site.url("/regulation.html")));
        EndToEnd.Api api = parts.start(EndToEnd.options(dir, sources, ""));
        base = URI.create(parts.system().url());
        api.crawl("reg");
        await().atMost(EndToEnd.WAIT).until(() -> api.get("/api/changes?kind=BASELINE").path("items").size() == 1);
        JsonNode baseline = api.get("/api/changes?kind=BASELINE").path("items").get(0);
        String doc = baseline.path("documentId").asText();

        List<Answer> answers = new ArrayList<>();
        for (String template : ID_PATHS) {
            for (String id : IDS) {
                // each {} in turn hostile, the others real, so the hostile part is the one checked
                answers.add(get(template.replaceFirst("\\{}", id).replace("{}", doc), List.of()));
                answers.add(get(template.replaceFirst("\\{}", doc).replace("{}", id), List.of()));
            }
        }
        Random random = new Random(20261202);
        for (String template : QUERY_PATHS) {
            String path = template.replace("{doc}", doc);
            for (int i = 0; i < 40; i++) {
                StringBuilder query = new StringBuilder();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    query.append(query.length() == 0 ? "" : random.nextInt(8) == 0 ? "&&" : "&")
                            .append(KEYS.get(random.nextInt(KEYS.size()))).append('=')
                            .append(VALUES.get(random.nextInt(VALUES.size())));
                }
                answers.add(get(path + "?" + query, List.of()));
            }
        }
        List<List<String>> headers = List.of(List.of("Accept-Charset: ;"), List.of("Accept-Language: ;;;"),
                List.of("Accept-Language: ,,,"), List.of("Accept: ;;;"), List.of("Accept: application/xml"),
                List.of("Content-Type: application/json; charset=nope"), List.of("Origin: http://evil.example"),
                List.of("Cookie: pw_lang=%00;;;"), List.of("If-Modified-Since: yesterday"), List.of("Range: bytes=-"),
                List.of("X-Big: " + "b".repeat(20_000)));
        for (List<String> header : headers) {
            for (String path : List.of("/api/changes?limit=1", "/", "/documents/" + doc, "/health", "/api/channels")) {
                answers.add(get(path, header));
            }
        }

        assertThat(answers).hasSizeGreaterThan(1000).allSatisfy(a -> {
            assertThat(a.status()).as(a.request() + " -> " + a.body()).isBetween(200, 499);
            assertThat(a.body()).as(a.request()).doesNotContain("\tat ", "Exception:", "SQL", "org.postgresql");
            if (a.status() >= 400) {
                boolean apiPath = a.request().startsWith("GET /api/") || a.request().startsWith("GET /feeds/");
                assertThat(a.contentType()).as(a.request() + " -> " + a.body())
                        .matches(apiPath ? "application/problem\\+json.*" : "(application/problem\\+json|text/html).*");
                if (a.contentType().startsWith("application/problem+json")) {
                    assertThat(a.body()).as(a.request()).contains("\"status\":" + a.status()).containsPattern(
                            "\"detail\":\"[^\"]{3,}");
                }
            }
        });
        // the system is still serving after all that
        assertThat(api.get("/api/changes?kind=BASELINE").path("items").size()).isEqualTo(1);
    }

    /** One GET over a raw socket: the request line exactly as given, then the headers. */
    private Answer get(String path, List<String> headers) throws Exception {
        String request = "GET " + path + (headers.isEmpty() ? "" : " [" + String.join(", ", headers).substring(0,
                Math.min(60, String.join(", ", headers).length())) + "]");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost()).append(':').append(base.getPort())
                    .append("\r\nAccept: text/html, application/json;q=0.9, */*;q=0.8\r\nConnection: close\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? response : response.substring(0, end)).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            return new Answer(status, contentType, end < 0 ? "" : response.substring(end + 4), request);
        }
    }
}

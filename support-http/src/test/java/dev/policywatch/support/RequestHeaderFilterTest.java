package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Headers the framework parses by itself used to answer 500 ({@code Content-Type: application/json;
 * charset=nope} on every endpoint that reads a body, {@code Accept-Language: ;;;} on every route with a
 * parameter). {@link RequestHeaderFilter} refuses the first with 415 and ignores the second; for any
 * header value a client can send, the answer is never a 5xx.
 */
class RequestHeaderFilterTest {

    @Controller("/hdr")
    @Requires(property = "spec.name", value = "RequestHeaderFilterTest")
    static class EchoController {

        @Post(value = "/body", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
        String body(@Body String body) {
            return body;
        }

        @Get(value = "/query", produces = MediaType.TEXT_PLAIN)
        String query(@Nullable @QueryValue String q, io.micronaut.http.HttpRequest<?> request) {
            return q + " " + request.getLocale().map(Object::toString).orElse("-");
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedServer server;

    @BeforeContainer
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", "RequestHeaderFilterTest"));
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/hdr/body"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/hdr/query?q=x"))
                .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Property(tries = 30)
    void anUnknownCharsetIs415NamingIt(@ForAll("unknownCharsets") String charset) throws Exception {
        HttpResponse<String> r = post("application/json; charset=" + charset, "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("charset").contains("UTF-8");
    }

    @Provide
    Arbitrary<String> unknownCharsets() {
        return Arbitraries.oneOf(Arbitraries.of("nope", "UTF-7", "", "\"\"", "x-unknown;;", "a b", "\"nope\""),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(12).ofMaxLength(30).map(s -> "x-" + s));
    }

    @Property(tries = 5)
    void aQuotedCharsetIsReadWithThatCharset(@ForAll("knownCharsets") String charset) throws Exception {
        HttpResponse<String> r = post("application/json; charset=\"" + charset + "\"", "{\"a\": \"ok\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"a\": \"ok\"}");
    }

    @Provide
    Arbitrary<String> knownCharsets() {
        return Arbitraries.of("utf-8", "UTF-8", "us-ascii", "ISO-8859-1");
    }

    @Property(tries = 20)
    void anAcceptLanguageThatNamesNothingIsIgnored(@ForAll("emptyPreferences") String value) throws Exception {
        for (String header : new String[] {"Accept-Language", "Accept-Charset"}) {
            HttpResponse<String> r = get(header, value);
            assertThat(r.statusCode()).as(header + ": " + value + " -> " + r.body()).isEqualTo(200);
            assertThat(r.body()).startsWith("x ");
        }
    }

    @Provide
    Arbitrary<String> emptyPreferences() {
        return Arbitraries.strings().withChars(';', ',', ' ').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 300)
    void noHeaderValueGivesA5xx(@ForAll("headerNames") String header, @ForAll("headerValues") String value)
            throws Exception {
        HttpResponse<String> g = get(header, value);
        assertThat(g.statusCode()).as(header + ": " + value + " -> " + g.body()).isLessThan(500);
        if (!header.equals("Content-Type")) {
            return;
        }
        HttpResponse<String> p = post(value, "{\"a\": 1}");
        assertThat(p.statusCode()).as(header + ": " + value + " -> " + p.body()).isLessThan(500);
        if (p.statusCode() >= 400) {
            assertThat(p.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("Content-Type", "Accept-Language", "Accept-Charset", "Accept", "Accept-Encoding",
                "If-Modified-Since", "If-None-Match", "Cookie", "Authorization", "Range", "Origin",
                "X-Forwarded-For", "X-Forwarded-Proto");
    }

    @Provide
    Arbitrary<String> headerValues() {
        Arbitrary<String> pieces = Arbitraries.of("application/json", "text/html", "*/*", "charset=", ";", ",",
                "q=", "0.5", "abc", "zh-CN", "\"", "=", " ", "utf-8", "nope", "*", "/", "1e9", "-", "%00");
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(8).map(l -> String.join("", l)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60))
                .map(String::strip).filter(s -> !s.isEmpty());
    }
}

package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #12 item 7: bad input answered 500 with PostgreSQL's message in the body, and the framework's
 * own 405/413/415 were not problem+json. Every one is now problem+json with the right status, and a
 * 5xx says nothing of the exception.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemErrorResponsesTest {

    @Controller("/bad")
    @Requires(property = "spec.name", value = "ProblemErrorResponsesTest")
    static class BadController {

        @Get("/items/{id}")
        String item(@PathVariable String id, @Nullable @QueryValue String cursor) {
            // what a database would say of a NUL, had it got one
            throw new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 (SQL: SELECT "
                    + id + ")");
        }

        @Post(value = "/json", consumes = MediaType.APPLICATION_JSON)
        String json(@Body Map<String, Object> body) {
            return "ok";
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", "ProblemErrorResponsesTest",
                "micronaut.server.max-request-size", "1048576"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET|/bad/items/a%00b||400|control characters",
        "GET|/bad/items/ok?cursor=x%00y||400|cursor must not contain control characters",
        "GET|/bad/items/ok?cursor=x%01||400|control characters",
        "GET|/bad/items/ok||500|internal error",
        "DELETE|/bad/items/ok||405|not allowed",
        "POST|/bad/json|text/xml|415|",
        "POST|/bad/json|application/json|413|",
        "GET|/no/such/route||404|no endpoint answers GET /no/such/route (the API is described at /openapi.yml)",
    })
    void everyErrorIsProblemJsonAndNoneCarriesDatabaseText(String method, String path, String contentType,
            int status, String detail) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", "application/json");
        if (contentType != null) {
            // 2 MB: over the 1 MB limit for the 413 case, a plain body for the 415 one
            String body = status == 413 ? "{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}" : "<a/>";
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).doesNotContain("SQL").doesNotContain("UTF8")
                .doesNotContain("invalid byte sequence");
        if (detail != null) {
            assertThat(r.body()).contains(detail);
        }
    }

    /** Netty's line and header limits used to answer 413 "Request Entity Too Large", as if a body were. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a 10 KB path|414|the request line (method, path and query) is longer than 4096 bytes",
        "a 10 KB query|414|the request line (method, path and query) is longer than 4096 bytes",
        "a 20 KB header|431|the request headers are larger than 8192 bytes",
    })
    void aTooLongRequestLineOrHeaderSaysWhichItIs(String what, int status, String detail) throws Exception {
        String big = "a".repeat(what.contains("20 KB") ? 20_000 : 10_000);
        String path = what.contains("path") ? "/bad/items/" + big
                : what.contains("query") ? "/bad/items/ok?cursor=" + big : "/bad/items/ok";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", "application/json");
        if (what.contains("header")) {
            b.header("X-Big", big);
        }
        HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"detail\":\"" + detail + "\"");
    }

    /** The framework's CORS guard refused a foreign Origin on localhost with a bare 403 and no body. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {"GET|/bad/items/ok", "POST|/bad/json", "OPTIONS|/bad/json"})
    void aRefusedCrossOriginRequestIsProblemJsonSayingWhy(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Origin", "http://attacker.example").header("Content-Type", "application/json")
                .header("Access-Control-Request-Method", "POST")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());

        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":403", "cross-origin request refused", "http://attacker.example");
    }
}

package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #12 item 7, on the real history API and PostgreSQL: a NUL in an id or a cursor, and a date
 * PostgreSQL cannot hold ({@code +300000-01-01T00:00:00Z}) in since, until or a cursor, used to reach the
 * database and come back as a 500 with its message. Each is a 400 in problem+json, with no database text.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryBadInputTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ApplicationContext context;
    private String base;

    @BeforeAll
    void start(TestInfra infra) throws Exception {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties());
        props.put("policywatch.topics.snapshots", infra.name("snapshots"));
        props.put("policywatch.topics.changes", infra.name("changes"));
        props.put("policywatch.topics.dead-letter", infra.name("dead-letter"));
        props.put("policywatch.diff.enabled", false);
        props.put("policywatch.diff.state-dir", Files.createTempDirectory("pw-bad-input").toString());
        props.put("policywatch.diff.history.group-id", infra.name("history"));
        props.put("micronaut.server.port", -1);
        context = ApplicationContext.run(props, "diff");
        base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/changes/c-%00abc",
        "/api/documents/law%00/versions",
        "/api/documents/law/versions/v-%00",
        "/api/documents/law/diff?from=v-1%00&to=v-2",
        "/api/changes?source=a%00b",
        "/api/changes?since=%2B300000-01-01T00:00:00Z",
        "/api/changes?until=%2B300000-01-01T00:00:00Z",
        "/api/changes?since=-099999-01-01T00:00:00Z",
        "/feeds/changes.atom?since=%2B300000-01-01T00:00:00Z",
        "CURSOR:+300000-01-01T00:00:00Z|c-0123",
        "CURSOR:2026-01-01T00:00:00Z|c-\u0000",
    })
    void badInputIsA400InProblemJsonWithoutDatabaseText(String path) throws Exception {
        String p = path.startsWith("CURSOR:") ? "/api/changes?cursor=" + cursor(path.substring(7)) : path;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + p)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(p + " " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).doesNotContain("ERROR:").doesNotContain("PSQL").doesNotContain("SQL")
                .doesNotContain("0x00").doesNotContain("timestamp");
    }
}

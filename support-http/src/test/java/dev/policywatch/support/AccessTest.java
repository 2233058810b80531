package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTest {

    @Controller("/probe")
    static class ProbeController {
        private final Access access;

        ProbeController(Access access) {
            this.access = access;
        }

        @Get("/admin")
        String admin(HttpRequest<?> request) {
            access.requireAdmin(request);
            return "ok";
        }

        @Get("/instant")
        java.util.Map<String, java.time.Instant> instant() {
            return java.util.Map.of("at", java.time.Instant.parse("2026-11-29T02:00:00Z"));
        }

        @Get("/read")
        String read(HttpRequest<?> request) {
            access.requireRead(request);
            return "ok";
        }
    }

    @Test
    void adminEndpointsAnswer401WithProblemJsonUntilATokenIsConfigured() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", "AccessTest"));
                HttpClient client = HttpClient.create(server.getURL())) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/probe/admin").bearerAuth("anything"), String.class));
            assertThat(e.getStatus().getCode()).isEqualTo(401);
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(
                    t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
            assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(
                    b -> assertThat(b).contains("policywatch.admin-token"));
            HttpResponse<String> read = client.toBlocking().exchange(HttpRequest.GET("/probe/read"), String.class);
            assertThat(read.body()).isEqualTo("ok");
        }
    }

    @Test
    void instantsAreWrittenAsIsoStringsLikeTheEvents() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class);
                HttpClient client = HttpClient.create(server.getURL())) {
            String body = client.toBlocking().retrieve(HttpRequest.GET("/probe/instant"));
            assertThat(body).isEqualTo("{\"at\":\"2026-11-29T02:00:00Z\"}");
        }
    }

    @Test
    void theAdminTokenOpensAdminAndReadEndpointsAndTheReadTokenOnlyReads() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "policywatch.admin-token", "s3cret-admin", "policywatch.read-token", "s3cret-read"));
                HttpClient client = HttpClient.create(server.getURL())) {
            var blocking = client.toBlocking();
            assertThat((String) blocking.retrieve(HttpRequest.GET("/probe/admin").bearerAuth("s3cret-admin"))).isEqualTo("ok");
            assertThat((String) blocking.retrieve(HttpRequest.GET("/probe/read").bearerAuth("s3cret-admin"))).isEqualTo("ok");
            assertThat((String) blocking.retrieve(HttpRequest.GET("/probe/read").bearerAuth("s3cret-read"))).isEqualTo("ok");
            assertThat(catchThrowableOfType(HttpClientResponseException.class,
                    () -> blocking.retrieve(HttpRequest.GET("/probe/admin").bearerAuth("s3cret-read"))).getStatus().getCode())
                    .isEqualTo(401);
            assertThat(catchThrowableOfType(HttpClientResponseException.class,
                    () -> blocking.retrieve(HttpRequest.GET("/probe/read"))).getStatus().getCode())
                    .isEqualTo(401);
        }
    }
}

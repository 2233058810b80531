package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 items 6 and 8, over HTTP on a real notifier with {@code policywatch.read-token} set: anyone
 * could subscribe an outside hook and so read every change; and PATCH {"mode": null} silently reset a
 * daily subscription to immediate.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedReadsTest {

    private static final String READ = "read-secret-token";
    private ApplicationContext context;
    private String base;
    private String hook;

    @BeforeAll
    void start(TestInfra infra) {
        int port = Ports.free();
        hook = "http://127.0.0.1:" + Ports.free() + "/hook";
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.read-token", READ);
        p.put("policywatch.notifier.webhook.allowed-hosts", hook.substring(0, hook.lastIndexOf('/')));
        context = Fixtures.start(p);
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private HttpResponse<String> subscribe(String... headers) {
        return Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\"" + hook
                + "\",\"mode\":\"daily\"}", headers);
    }

    @Test
    void subscribingNeedsTheReadTokenWhenReadsAreClosed() {
        HttpResponse<String> anonymous = subscribe();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(subscribe("Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(subscribe("Authorization", "Bearer " + READ).statusCode()).isEqualTo(201);
        assertThat(subscribe("Authorization", "Bearer " + Fixtures.ADMIN).statusCode()).isEqualTo(201);
    }

    @Test
    void patchingModeToNullIsABadRequestAndKeepsTheMode() throws Exception {
        JsonNode created = EventJson.mapper().readTree(subscribe("Authorization", "Bearer " + READ).body());
        String id = created.get("id").asText();
        String token = created.get("manageToken").asText();
        HttpResponse<String> patched = Fixtures.send("PATCH", base + "/api/subscriptions/" + id, "{\"mode\": null}",
                "X-Manage-Token", token);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(400);
        assertThat(patched.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(patched.body()).contains("mode");
        JsonNode view = EventJson.mapper().readTree(Fixtures.send("GET", base + "/api/subscriptions/" + id, null,
                "X-Manage-Token", token).body());
        assertThat(view.get("mode").asText()).isEqualTo("daily");
    }
}

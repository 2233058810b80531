package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over HTTP on a real notifier: signups posted by the web UI from this host (a trusted loopback peer)
 * are limited per visitor named in X-Forwarded-For, not all together; the limit is one per hour here.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignupClientAddressTest {

    private ApplicationContext context;
    private String base;
    private String webhook;

    @BeforeAll
    void start(TestInfra infra) {
        int port = Ports.free();
        webhook = "http://127.0.0.1:" + Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.signup.per-hour", 1);
        p.put("policywatch.notifier.webhook.allowed-hosts", webhook);
        context = Fixtures.start(p);
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private int signup(String forwardedFor) {
        String body = "{\"channel\":\"slack\",\"target\":\"" + webhook + "/hook\"}";
        return forwardedFor == null ? Fixtures.send("POST", base + "/api/subscriptions", body).statusCode()
                : Fixtures.send("POST", base + "/api/subscriptions", body, "X-Forwarded-For", forwardedFor)
                        .statusCode();
    }

    @Test
    void eachVisitorForwardedByTheLocalWebUiHasItsOwnLimit() {
        assertThat(signup("198.51.100.1")).isEqualTo(201);
        assertThat(signup("198.51.100.2")).isEqualTo(201);
        assertThat(signup("198.51.100.1")).isEqualTo(429);
        // a visitor cannot dodge its limit by sending its own X-Forwarded-For through the UI
        assertThat(signup("203.0.113.50, 198.51.100.2")).isEqualTo(429);
        // the local peer itself (no header) is one more client with its own limit
        assertThat(signup(null)).isEqualTo(201);
        assertThat(signup(null)).isEqualTo(429);
    }
}

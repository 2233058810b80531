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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #18: a server without email says so in plain words — in {@code GET /api/channels} and when an
 * email subscription is tried — in the reader's language, and never names a configuration key.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelCatalogTest {

    private ApplicationContext context;
    private String base;

    @BeforeAll
    void start(TestInfra infra) {
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.remove("policywatch.notifier.email.from");
        context = Fixtures.start(p);
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void theChannelsSayWhichAreAvailableAndWhyNotInPlainWords() throws Exception {
        HttpResponse<String> answer = Fixtures.send("GET", base + "/api/channels", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode channels = EventJson.mapper().readTree(answer.body());
        List<String> names = new ArrayList<>();
        channels.forEach(c -> names.add(c.get("channel").asText()));
        assertThat(names).contains("email", "slack").doesNotContain("console");
        JsonNode email = channels.get(names.indexOf("email"));
        assertThat(email.get("available").asBoolean()).isFalse();
        assertThat(email.get("reason").asText()).isEqualTo("Email alerts are not set up on this server.");
        JsonNode slack = channels.get(names.indexOf("slack"));
        assertThat(slack.get("available").asBoolean()).isTrue();
        assertThat(slack.get("reason").isNull()).isTrue();

        JsonNode chinese = EventJson.mapper().readTree(Fixtures.send("GET", base + "/api/channels", null,
                "Accept-Language", "zh-CN").body());
        assertThat(chinese.get(names.indexOf("email")).get("reason").asText()).isEqualTo("此服务器未开通邮件提醒。");
        assertThat(answer.body()).doesNotContain("policywatch.");
    }

    @Test
    void anEmailSubscriptionIsRefusedWithTheSameWordsAndNoSettingName() {
        String body = "{\"channel\":\"email\",\"target\":\"ana@example.org\",\"mode\":\"daily\"}";
        HttpResponse<String> refused = Fixtures.send("POST", base + "/api/subscriptions", body);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("Email alerts are not set up on this server.").doesNotContain("policywatch.");
        assertThat(Fixtures.send("POST", base + "/api/subscriptions", body, "Accept-Language", "zh-CN,zh;q=0.9").body())
                .contains("此服务器未开通邮件提醒。");
    }
}

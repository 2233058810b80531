package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import dev.policywatch.testing.hooks.PlatformReceiver;
import dev.policywatch.testing.hooks.PlatformReceiver.Platform;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subscriptions API for the chat channels over HTTP on a real notifier: locale from Accept-Language,
 * secrets never shown back, a generated Standard Webhooks secret answered once, clear 400s for a URL in
 * the wrong channel or a secret where nothing is signed; and through the outbox, a DingTalk robot that
 * answers a rate-limit code is retried and one whose token was revoked disables the subscription.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelSubscriptionsTest {

    private static final String SECRET = "SEC0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978";
    private ApplicationContext context;
    private KafkaProducer<byte[], byte[]> producer;
    private String changes;
    private String base;
    private PlatformReceiver dingtalk;
    private PlatformReceiver wecom;

    @BeforeAll
    void start(TestInfra infra) {
        dingtalk = new PlatformReceiver(Platform.DINGTALK, SECRET);
        wecom = new PlatformReceiver(Platform.WECOM, null);
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.webhook.allowed-hosts", dingtalk.origin() + "," + wecom.origin());
        changes = (String) p.get("policywatch.topics.changes");
        context = Fixtures.start(p);
        base = "http://127.0.0.1:" + port;
        producer = Fixtures.producer(infra);
    }

    @AfterAll
    void stop() {
        producer.close();
        context.close();
        dingtalk.close();
        wecom.close();
    }

    private HttpResponse<String> subscribe(String body, String... headers) {
        return Fixtures.send("POST", base + "/api/subscriptions", body, headers);
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return EventJson.mapper().readTree(r.body());
    }

    private JsonNode view(String id) throws Exception {
        return json(Fixtures.send("GET", base + "/api/subscriptions/" + id, null, "Authorization", "Bearer " + Fixtures.ADMIN));
    }

    @Test
    void theLocaleFollowsAcceptLanguageAndTheSecretIsNeverShownBack() throws Exception {
        HttpResponse<String> r = subscribe("""
                {"channel":"dingtalk","target":"%s","secret":"%s","filters":{"keywords":["nomatch-locale"]}}"""
                .formatted(dingtalk.url(), SECRET), "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).path("locale").asText()).isEqualTo("zh-CN");
        assertThat(r.body()).doesNotContain(SECRET);
        String id = json(r).path("id").asText();

        String read = Fixtures.send("GET", base + "/api/subscriptions/" + id, null, "Authorization",
                "Bearer " + Fixtures.ADMIN).body();
        assertThat(read).doesNotContain(SECRET).doesNotContain("access_token");
        assertThat(view(id).path("signed").asBoolean()).isTrue();
        assertThat(view(id).path("target").asText()).isEqualTo(dingtalk.origin() + "/…");
        assertThat(Fixtures.send("GET", base + "/api/subscriptions", null, "Authorization", "Bearer " + Fixtures.ADMIN)
                .body()).doesNotContain(SECRET);

        HttpResponse<String> english = subscribe("""
                {"channel":"wecom","target":"%s","filters":{"keywords":["nomatch-locale"]}}""".formatted(wecom.url()),
                "Accept-Language", "fr-FR,fr;q=0.9");
        assertThat(json(english).path("locale").asText()).isEqualTo("en");
        String wid = json(english).path("id").asText();
        String token = json(english).path("manageToken").asText();
        HttpResponse<String> patched = Fixtures.send("PATCH", base + "/api/subscriptions/" + wid, "{\"locale\":\"zh-CN\"}",
                "X-Manage-Token", token);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("locale").asText()).isEqualTo("zh-CN");
    }

    @Test
    void aGenericWebhookGetsAGeneratedSecretOnce() throws Exception {
        HttpResponse<String> r = subscribe("""
                {"channel":"webhook","target":"%s/events","locale":"en","filters":{"keywords":["nomatch"]}}"""
                .formatted(wecom.origin()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String secret = json(r).path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Fixtures.send("GET", base + "/api/subscriptions/" + json(r).path("id").asText(), null,
                "X-Manage-Token", json(r).path("manageToken").asText()).body()).doesNotContain(secret);
    }

    @Test
    void aUrlOfTheWrongShapeOrASecretWhereNothingIsSignedIsABadRequest() {
        assertThat(subscribe("{\"channel\":\"wecom\",\"target\":\"" + wecom.origin() + "/cgi-bin/webhook/send\"}").body())
                .contains("key");
        HttpResponse<String> secret = subscribe("{\"channel\":\"wecom\",\"target\":\"" + wecom.url()
                + "\",\"secret\":\"x\"}");
        assertThat(secret.statusCode()).isEqualTo(400);
        assertThat(secret.body()).contains("secret").doesNotContain("\"x\"");
        assertThat(subscribe("{\"channel\":\"webhook\",\"target\":\"" + wecom.origin() + "/h\",\"secret\":\"plain\"}")
                .body()).contains("whsec_");
        assertThat(subscribe("{\"channel\":\"feishu\",\"target\":\"" + wecom.origin() + "/hook\"}").statusCode())
                .isEqualTo(400);
        assertThat(subscribe("{\"channel\":\"wecom\",\"target\":\"" + wecom.url() + "\",\"locale\":\"fr\"}").body())
                .contains("locale");
        // SSRF at subscribe time: a host outside the allow-list, the metadata address
        HttpResponse<String> metadata = subscribe(
                "{\"channel\":\"dingtalk\",\"target\":\"http://169.254.169.254/robot/send?access_token=x\"}");
        assertThat(metadata.statusCode()).isEqualTo(400);
        assertThat(metadata.body()).contains("allowed-hosts");
    }

    @Test
    void aRateLimitCodeIsRetriedAndARevokedTokenDisablesTheSubscriptionWithTheReason() throws Exception {
        dingtalk.script(n -> n == 1 ? dingtalk.error(130101, "send too fast, exceed 20 times per minute")
                : n == 2 ? dingtalk.success() : dingtalk.error(300001, "token is not exist"));
        HttpResponse<String> r = subscribe("""
                {"channel":"dingtalk","target":"%s","secret":"%s","locale":"zh-CN","filters":{"keywords":["限流测试"]}}"""
                .formatted(dingtalk.url(), SECRET));
        String id = json(r).path("id").asText();

        Fixtures.publish(producer, changes, Fixtures.change("rl1", "限流测试 一", "旧", "新"));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(id).path("deliveries").path("sent").asInt() == 1);
        assertThat(dingtalk.accepted()).hasSize(2);
        assertThat(view(id).path("deliveries").path("lastError").asText()).contains("130101");
        assertThat(dingtalk.accepted().get(1).json().path("markdown").path("text").asText()).contains("查看变更");

        Fixtures.publish(producer, changes, Fixtures.change("rl2", "限流测试 二", "旧", "新"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "broken".equals(view(id).path("status").asText()));
        assertThat(view(id).path("statusReason").asText()).contains("300001").contains("token is not exist");
        assertThat(view(id).path("deliveries").path("failed").asInt()).isEqualTo(1);
    }
}

package dev.policywatch.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Topics;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Slack alerts end to end: real broker, database and a real local HTTP server as the webhook. */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAlertsTest {

    private WebhookReceiver slack;
    private ApplicationContext context;
    private KafkaProducer<byte[], byte[]> producer;
    private String base;
    private String changesTopic;
    private String deadLetterTopic;
    private TestInfra infra;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        slack = new WebhookReceiver(4);
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.webhook.allowed-hosts", "hooks.slack.com," + slack.origin());
        p.put("policywatch.notifier.delivery.max-attempts", "3");
        changesTopic = (String) p.get("policywatch.topics.changes");
        deadLetterTopic = (String) p.get("policywatch.topics.dead-letter");
        context = Fixtures.start(p);
        base = "http://localhost:" + port;
        producer = Fixtures.producer(infra);
    }

    @AfterAll
    void stop() {
        producer.close();
        context.close();
        slack.close();
    }

    private String subscribe(String path, String keyword) throws Exception {
        HttpResponse<String> r = Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\""
                + slack.origin() + path + "\",\"filters\":{\"keywords\":[\"" + keyword + "\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = EventJson.mapper().readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("active");
        return body.get("id").asText();
    }

    private JsonNode view(String id) throws Exception {
        return EventJson.mapper().readTree(Fixtures.send("GET", base + "/api/subscriptions/" + id, null,
                "Authorization", "Bearer " + Fixtures.ADMIN).body());
    }

    @Test
    void aChangeWith200ProvisionsArrivesAsBlockKitWithinLimitsAndEscaped() throws Exception {
        subscribe("/services/big", "bigchange");
        DocumentChange c = Fixtures.change("big", "<!channel> Big bigchange regulation",
                Fixtures.provisions(200, "<!here> " + "long text ".repeat(300)));
        Fixtures.publish(producer, changesTopic, c);
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.received("/services/big").size() == 1);
        WebhookReceiver.Received r = slack.received("/services/big").get(0);
        assertThat(r.host()).isEqualTo("127.0.0.1:" + slack.port());
        JsonNode payload = EventJson.mapper().readTree(r.body());
        SlackMessagesTest.assertWithinSlackLimits(payload);
        assertThat(payload.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(payload.get("text").asText()).contains("CAC:");
        assertThat(r.body()).doesNotContain("<!here>").contains("more provisions")
                .contains("/changes/" + c.changeId() + "|see all>");
    }

    @Test
    void aServerErrorIsRetriedAndA429WaitsRetryAfterForThatWebhookOnly() throws Exception {
        slack.answer("/services/flaky", n -> n == 1 ? new WebhookReceiver.Answer(500, "oops", Map.of())
                : WebhookReceiver.Answer.ok());
        slack.answer("/services/limited", n -> n == 1 ? new WebhookReceiver.Answer(429, "rate_limited",
                Map.of("Retry-After", "2")) : WebhookReceiver.Answer.ok());
        String flaky = subscribe("/services/flaky", "retrytest");
        String limited = subscribe("/services/limited", "retrytest");
        subscribe("/services/other", "retrytest");
        Fixtures.publish(producer, changesTopic, Fixtures.change("retry", "retrytest one", "a", "b"));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.received("/services/flaky").size() == 2
                && slack.received("/services/limited").size() == 2);
        List<WebhookReceiver.Received> limitedCalls = slack.received("/services/limited");
        assertThat(Duration.ofNanos(limitedCalls.get(1).atNanos() - limitedCalls.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        // the other webhook was not held up by the 429
        assertThat(slack.received("/services/other").get(0).atNanos()).isLessThan(limitedCalls.get(1).atNanos());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(view(flaky).get("deliveries").get("sent").asInt()).isEqualTo(1);
            assertThat(view(limited).get("deliveries").get("sent").asInt()).isEqualTo(1);
        });
        assertThat(view(flaky).get("deliveries").get("lastError").asText()).contains("HTTP 500");
    }

    @Test
    void aGoneWebhookMarksTheSubscriptionBrokenAndDeadLettersTheDelivery() throws Exception {
        slack.answer("/services/gone", n -> new WebhookReceiver.Answer(404, "no_service", Map.of()));
        String gone = subscribe("/services/gone", "gonetest");
        Fixtures.publish(producer, changesTopic, Fixtures.change("gone1", "gonetest one", "a", "b"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "broken".equals(view(gone).get("status").asText()));
        assertThat(view(gone).get("deliveries").get("failed").asInt()).isEqualTo(1);
        assertThat(view(gone).get("statusReason").asText()).contains("no_service");
        Fixtures.publish(producer, changesTopic, Fixtures.change("gone2", "gonetest two", "a", "b"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.received("/services/gone").size() == 1);
        List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(r -> header(r, Topics.HEADER_ORIGINAL_TOPIC)
                .equals("notifier.outbox") && new String(r.value(), StandardCharsets.UTF_8).contains(gone));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), Topics.HEADER_FAILED_BY)).isEqualTo("notifier");
    }

    @Test
    void anUnreadableChangeRecordIsDeadLetteredAndTheNextOneIsStillDelivered() throws Exception {
        subscribe("/services/poison", "poisontest");
        producer.send(new ProducerRecord<>(changesTopic, "doc".getBytes(), "{not a change".getBytes())).get();
        Fixtures.publish(producer, changesTopic, Fixtures.change("poison", "poisontest after", "a", "b"));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.received("/services/poison").size() == 1);
        // keyed "doc": the poisons of the test below share the topic
        List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(r -> header(r, Topics.HEADER_ORIGINAL_TOPIC)
                .equals(changesTopic) && r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals("doc"));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not a change");
        assertThat(header(dead.get(0), Topics.HEADER_ERROR_MESSAGE)).contains("DocumentChange");
    }

    /**
     * Every kind of record the notifier cannot read as a DocumentChange is a dead letter naming why, and the
     * change after them is still delivered: no poison stalls the consumer or is dropped without a trace.
     */
    @Test
    void everyKindOfUnreadableChangeIsADeadLetterWithItsReasonAndTheNextOneIsStillDelivered() throws Exception {
        subscribe("/services/poisons", "poisonkinds");
        byte[][] poisons = {null, new byte[0], "null".getBytes(), "[1, 2]".getBytes(), "{}".getBytes(),
            "{\"changeId\": \"c-1\"}".getBytes(), new byte[] {(byte) 0xC0, (byte) 0xFF, '{'},
            "{\"schemaVersion\": \"two\"}".getBytes(), ("{\"changeId\": \"" + "x".repeat(1 << 19)).getBytes()};
        for (int i = 0; i < poisons.length; i++) {
            producer.send(new ProducerRecord<>(changesTopic, ("poisonkind-" + i).getBytes(), poisons[i])).get();
        }
        Fixtures.publish(producer, changesTopic, Fixtures.change("poisonkinds", "poisonkinds after", "a", "b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.received("/services/poisons").size() == 1);

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, infra.name("dlq-kinds-" + System.nanoTime()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(deadLetterTopic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith("poisonkind-")) {
                        dead.add(r);
                    }
                });
                return dead.size() >= poisons.length;
            });
        }
        assertThat(dead).hasSize(poisons.length).allSatisfy(r -> {
            int i = Integer.parseInt(new String(r.key(), StandardCharsets.UTF_8).substring("poisonkind-".length()));
            assertThat(r.value()).isEqualTo(poisons[i]);
            assertThat(header(r, Topics.HEADER_ORIGINAL_TOPIC)).isEqualTo(changesTopic);
            assertThat(header(r, Topics.HEADER_FAILED_BY)).isEqualTo("notifier");
            assertThat(header(r, Topics.HEADER_ERROR_MESSAGE)).contains("DocumentChange").hasSizeLessThan(2000);
        });
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, infra.name("dlq-" + System.nanoTime()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(deadLetterTopic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (which.test(r)) {
                        out.add(r);
                    }
                });
                return !out.isEmpty();
            });
            c.poll(Duration.ofMillis(500)).forEach(r -> {
                if (which.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? "" : new String(r.headers().lastHeader(name).value(),
                StandardCharsets.UTF_8);
    }
}

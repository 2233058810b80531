package dev.policywatch.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.events.Topics;
import dev.policywatch.support.Liveness;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one sink-consumer loop of the services (issue #14 item 3), on a real broker: an outage of what
 * the sink writes to is retried until it ends, with no restart (issue #12 item 3: the notifier's
 * consumer used to end its thread on the first database error); what the sink finished before the
 * failure is not handed over again; a poison record is a dead letter; a JVM Error makes the loop dead.
 */
@ExtendWith(RealInfrastructure.class)
class SinkConsumerLoopTest {

    @Test
    void anOutageOfTheSinkIsRetriedUntilItEndsAndNothingFinishedIsHandedOverTwice(TestInfra infra) {
        String topic = infra.topic("outage", 1);
        KafkaSettings kafka = kafka(infra, topic);
        produce(infra, topic, "a", "b", "c");
        AtomicBoolean down = new AtomicBoolean(true);
        List<String> written = new CopyOnWriteArrayList<>();
        Liveness liveness = Liveness.detached("test");
        SinkConsumerLoop loop = new SinkConsumerLoop(kafka, infra.name("outage-group"), "test", List.of(topic), "test",
                batch -> {
                    for (ConsumerRecord<byte[], byte[]> r : batch.records()) {
                        String v = new String(r.value(), StandardCharsets.UTF_8);
                        if (down.get() && v.equals("b")) {
                            throw new IllegalStateException("database is down");
                        }
                        written.add(v);
                        batch.done(r);
                    }
                }, liveness, Duration.ofMillis(100), Duration.ofMillis(400));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> liveness.retries() >= 3);
            assertThat(liveness.state()).isEqualTo(Liveness.State.FAILING);
            assertThat(liveness.down(java.time.Instant.now().plusSeconds(120), Duration.ofMinutes(1))).isTrue();
            assertThat(written).containsExactly("a");
            down.set(false);
            produce(infra, topic, "d");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(written).containsExactly("a", "b", "c", "d"));
            assertThat(liveness.state()).isEqualTo(Liveness.State.RUNNING);
            assertThat(liveness.failingSince()).isNull();
        } finally {
            loop.close();
        }
        // committed: a new loop of the same group gets nothing of it again
        List<String> again = new CopyOnWriteArrayList<>();
        produce(infra, topic, "e");
        SinkConsumerLoop second = new SinkConsumerLoop(kafka, infra.name("outage-group"), "test", List.of(topic),
                "test", batch -> batch.records().forEach(r -> again.add(new String(r.value(), StandardCharsets.UTF_8))),
                Liveness.detached("second"), Duration.ofMillis(100), Duration.ofMillis(400));
        second.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> again.contains("e"));
            assertThat(again).containsExactly("e");
        } finally {
            second.close();
        }
    }

    @Test
    void aPoisonRecordIsADeadLetterAndAnErrorMakesTheLoopDead(TestInfra infra) {
        String topic = infra.topic("poison", 1);
        KafkaSettings kafka = kafka(infra, topic);
        produce(infra, topic, "good", "poison", "fatal");
        List<String> written = new CopyOnWriteArrayList<>();
        Liveness liveness = Liveness.detached("poison");
        SinkConsumerLoop loop = new SinkConsumerLoop(kafka, infra.name("poison-group"), "test", List.of(topic),
                "test/sink", batch -> {
                    for (ConsumerRecord<byte[], byte[]> r : batch.records()) {
                        String v = new String(r.value(), StandardCharsets.UTF_8);
                        if (v.equals("poison")) {
                            batch.deadLetter(r, new IllegalArgumentException("not a record of ours"));
                        } else if (v.equals("fatal")) {
                            throw new OutOfMemoryError("simulated");
                        } else {
                            written.add(v);
                        }
                        batch.done(r);
                    }
                }, liveness, Duration.ofMillis(100), Duration.ofMillis(400));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> liveness.state() == Liveness.State.DEAD);
            assertThat(written).containsExactly("good");
            assertThat(liveness.lastError()).contains("simulated");
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            TopicReplay.readToEnd(kafka, kafka.deadLetterTopic(), "test-reader", Duration.ofSeconds(30), dead::add);
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(new String(dead.get(0).headers().lastHeader(Topics.HEADER_FAILED_BY).value(),
                    StandardCharsets.UTF_8)).isEqualTo("test/sink");
            assertThat(new String(dead.get(0).headers().lastHeader(Topics.HEADER_ERROR_MESSAGE).value(),
                    StandardCharsets.UTF_8)).isEqualTo("not a record of ours");
        } finally {
            loop.close();
        }
    }

    private static KafkaSettings kafka(TestInfra infra, String topic) {
        return new KafkaSettings(infra.kafkaBootstrap(), infra.name("snapshots"), topic,
                infra.topic(topic.substring(topic.lastIndexOf('.') + 1) + "-dead-letter", 1), 1, null, null);
    }

    private static void produce(TestInfra infra, String topic, String... values) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrap()),
                new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, v, v));
            }
            p.flush();
        }
    }
}

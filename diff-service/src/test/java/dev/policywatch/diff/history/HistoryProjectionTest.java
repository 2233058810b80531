package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.diff.replay.Generation;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.Topics;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The projection on the real broker and database: duplicates are harmless, poison goes to the dead-letter topic. */
@ExtendWith(RealInfrastructure.class)
class HistoryProjectionTest {

    @Test
    void poisonRecordsAreDeadLetteredAndDuplicatesWrittenOnce(TestInfra infra) throws Exception {
        KafkaSettings kafka = new KafkaSettings(infra.kafkaBootstrap(), infra.topic("snapshots", 1),
                infra.topic("changes", 1), infra.topic("dead-letter", 1), 1, null, null);
        PageSnapshot snapshot = Fixtures.snapshot("law", Origin.CONFIGURED, Fixtures.T0, Fixtures.chineseLaw(Fixtures.V1));
        VersionRef v = VersionRef.of(snapshot);
        DocumentChange change = new DocumentChange(1, Ids.changeId("law", null, v.versionId()), "law", "cn-data", null,
                snapshot.url(), snapshot.title(), null, "CN", "zh", ChangeKind.BASELINE, null, v, Fixtures.T0,
                List.of(), List.of(), ChangeSummary.EMPTY);
        byte[] poison = "{\"changeId\": 42".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(kafka.changesTopic(), bytes("law"), EventJson.write(change)));
            producer.send(new ProducerRecord<>(kafka.changesTopic(), bytes("law"), poison));
            producer.send(new ProducerRecord<>(kafka.changesTopic(), bytes("law"), EventJson.write(change)));
            producer.send(new ProducerRecord<>(kafka.snapshotsTopic(), bytes("law"), EventJson.write(snapshot)));
            producer.send(new ProducerRecord<>(kafka.snapshotsTopic(), bytes("law"), bytes("not a snapshot")));
        }
        PolicywatchSettings policywatch = new PolicywatchSettings(null, null, null, 8080, "./data");
        DiffSettings settings = new DiffSettings(policywatch, true, "unused", null, 100L, 1, true, infra.name("history"), 1,
                null, null, null);
        HistoryStore store = new HistoryStore(infra.dataSource(), new Generation(1));
        HistoryProjection projection = new HistoryProjection(kafka, settings, store);
        projection.start();
        try {
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(infra),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(kafka.deadLetterTopic()));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                    return dead.size() >= 2;
                });
            }
            assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("{\"changeId\": 42", "not a snapshot");
            assertThat(dead).allSatisfy(r -> {
                assertThat(header(r, Topics.HEADER_FAILED_BY)).isEqualTo("diff-service/history");
                assertThat(header(r, Topics.HEADER_ERROR_CLASS)).isEqualTo("dev.policywatch.events.EventFormatException");
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> store.content("law", v.contentHash()).isPresent());
            assertThat(store.change(change.changeId())).isPresent();
            assertThat(store.versions("law")).extracting(HistoryStore.VersionRow::version).containsExactly(v);
            assertThat(projection.projected()).isEqualTo(2);
        } finally {
            projection.close();
        }
    }

    private static Properties consumerProps(TestInfra infra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, infra.name("dead-reader"));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

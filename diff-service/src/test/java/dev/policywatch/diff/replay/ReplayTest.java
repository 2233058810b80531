package dev.policywatch.diff.replay;

import static dev.policywatch.diff.Fixtures.T0;
import static dev.policywatch.diff.Fixtures.V1;
import static dev.policywatch.diff.Fixtures.V2_MODIFIED;
import static dev.policywatch.diff.Fixtures.V3_INSERTED;
import static dev.policywatch.diff.Fixtures.chineseLaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented replay: raise {@code policywatch.diff.generation} and point the changes topic at a
 * new one; the snapshots are processed again by a new Streams application, the history is emptied
 * once and projected again, and every changeId comes out the same.
 */
@ExtendWith(RealInfrastructure.class)
class ReplayTest {

    @Test
    void replayWithANewGenerationRebuildsChangesAndHistoryWithTheSameChangeIds(TestInfra infra) throws Exception {
        List<PageSnapshot> snapshots = List.of(
                Fixtures.snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)),
                Fixtures.snapshot("law", Origin.CONFIGURED, T0.plusSeconds(3600), chineseLaw(V2_MODIFIED)),
                Fixtures.snapshot("law", Origin.CONFIGURED, T0.plusSeconds(7200), chineseLaw(V2_MODIFIED)),
                Fixtures.snapshot("law", Origin.CONFIGURED, T0.plusSeconds(9000), chineseLaw(V3_INSERTED)),
                Fixtures.snapshot("found", Origin.DISCOVERED, T0, chineseLaw(V1)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (PageSnapshot s : snapshots) {
                producer.send(new ProducerRecord<>(infra.topic("snapshots", 3), null, s.fetchedAt().toEpochMilli(),
                        s.documentId(), EventJson.write(s))).get();
            }
        }

        List<String> first;
        try (ApplicationContext gen1 = ApplicationContext.run(properties(infra, 1, "changes"), "diff")) {
            assertThat(gen1.getBean(DiffSettings.class).applicationId()).isEqualTo(infra.name("diff"));
            await().atMost(Duration.ofSeconds(60)).until(() -> historyChangeIds(infra).size() == 4);
            first = historyChangeIds(infra);
        }
        // what an older engine left behind: a stale payload that the replay must not keep
        execute(infra, "UPDATE history_changes SET search_text = 'stale' WHERE true");

        try (ApplicationContext gen2 = ApplicationContext.run(properties(infra, 2, "changes-g2"), "diff")) {
            assertThat(gen2.getBean(DiffSettings.class).applicationId()).isEqualTo(infra.name("diff") + "-g2");
            assertThat(gen2.getBean(DiffSettings.class).historyGroupId()).isEqualTo(infra.name("history") + "-g2");
            await().atMost(Duration.ofSeconds(60)).until(() -> historyChangeIds(infra).size() == 4);
            assertThat(historyChangeIds(infra)).containsExactlyInAnyOrderElementsOf(first);
            assertThat(count(infra, "SELECT count(*) FROM history_changes WHERE search_text = 'stale'")).isZero();
            assertThat(readCommittedIds(infra, infra.name("changes-g2"))).containsExactlyInAnyOrderElementsOf(first);
        }
        assertThat(readCommittedIds(infra, infra.name("changes"))).containsExactlyInAnyOrderElementsOf(first);

        // starting generation 2 again keeps the history; going back to 1 is refused
        assertThat(HistoryGenerations.ensure(infra.dataSource(), new Generation(2))).isFalse();
        assertThat(historyChangeIds(infra)).hasSize(4);
        assertThatThrownBy(() -> HistoryGenerations.ensure(infra.dataSource(), new Generation(1)))
                .hasMessageContaining("generation 2");
    }

    private static Map<String, Object> properties(TestInfra infra, int generation, String changesTopic) throws Exception {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties());
        props.put("policywatch.topics.snapshots", infra.name("snapshots"));
        props.put("policywatch.topics.changes", infra.name(changesTopic));
        props.put("policywatch.topics.dead-letter", infra.name("dead-letter"));
        props.put("policywatch.diff.application-id", infra.name("diff"));
        props.put("policywatch.diff.state-dir", Files.createTempDirectory("pw-replay").toString());
        props.put("policywatch.diff.history.group-id", infra.name("history"));
        props.put("policywatch.diff.generation", generation);
        props.put("micronaut.server.enabled", false);
        return props;
    }

    private static List<String> historyChangeIds(TestInfra infra) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement()) {
            if (count(infra, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_name = 'history_changes'") == 0) {
                return ids;
            }
            try (ResultSet rs = st.executeQuery("SELECT change_id FROM history_changes")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(TestInfra infra, String sql) throws Exception {
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(TestInfra infra, String sql) throws Exception {
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> readCommittedIds(TestInfra infra, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> ids.add(EventJson.read(r.value(), DocumentChange.class).changeId()));
            }
        }
        return ids;
    }
}

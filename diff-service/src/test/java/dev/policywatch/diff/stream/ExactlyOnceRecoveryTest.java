package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.diff.EngineComparer;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.diff.history.HistoryProjection;
import dev.policywatch.diff.history.HistoryStore;
import dev.policywatch.diff.replay.Generation;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The streams application crashes in the middle of 200 snapshots (an Error thrown inside a
 * transaction, the client shut down without cleaning its state) and is restarted with the same
 * application id and state directory: the changes topic, read committed, holds each expected change
 * exactly once, and the history projected from it matches.
 */
@ExtendWith(RealInfrastructure.class)
class ExactlyOnceRecoveryTest {

    private static final int DOCUMENTS = 20;
    private static final int VERSIONS = 10;

    @Test
    void crashInTheMiddleOf200SnapshotsStillGivesEachChangeExactlyOnce(TestInfra infra) throws Exception {
        ChangeTopology.TopicNames topics = new ChangeTopology.TopicNames(infra.topic("snapshots", 3),
                infra.topic("changes", 3), infra.topic("dead-letter", 1));
        List<String> expected = produceSnapshots(infra, topics.snapshots());
        Path stateDir = Files.createTempDirectory("pw-eos");
        String applicationId = infra.name("diff");

        // first run: crashes on the 70th comparison, mid-transaction
        AtomicInteger comparisons = new AtomicInteger();
        EngineComparer engine = new EngineComparer();
        DocumentComparer crashing = (a, b) -> {
            if (comparisons.incrementAndGet() == 70) {
                throw new SimulatedCrash();
            }
            return engine.compare(a, b);
        };
        KafkaStreams first = streams(infra, topics, crashing, applicationId, stateDir);
        first.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        first.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.ERROR);
        DiffStreams.closeLeavingGroup(first, Duration.ofSeconds(10));
        int committedBeforeRestart;
        try (CommittedReader reader = new CommittedReader(infra, topics.changes())) {
            committedBeforeRestart = reader.pollFor(Duration.ofSeconds(2)).size();
        }
        assertThat(committedBeforeRestart).as("the crash happened in the middle").isBetween(1, expected.size() - 1);

        // second run: same application id, same state directory, no cleanUp()
        KafkaStreams second = streams(infra, topics, engine, applicationId, stateDir);
        second.start();
        try (CommittedReader reader = new CommittedReader(infra, topics.changes())) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(reader.poll().size()).as("changes readable; streams " + second.state())
                            .isGreaterThanOrEqualTo(expected.size()));
            reader.pollFor(Duration.ofSeconds(2)); // anything beyond the expected would be a duplicate
            assertThat(reader.ids()).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            DiffStreams.closeLeavingGroup(second, Duration.ofSeconds(30));
        }

        // and the history projected from the changes topic holds each change once
        KafkaSettings kafka = new KafkaSettings(infra.kafkaBootstrap(), topics.snapshots(), topics.changes(),
                topics.deadLetter(), 3, null, null);
        PolicywatchSettings policywatch = new PolicywatchSettings(null, null, null, 8080, stateDir.toString());
        DiffSettings settings = new DiffSettings(policywatch, true, applicationId, stateDir.toString(), 100L, 1, true,
                infra.name("history"), 1, null, null, null);
        HistoryStore store = new HistoryStore(infra.dataSource(), new Generation(1));
        HistoryProjection projection = new HistoryProjection(kafka, settings, store);
        projection.start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(historyChangeIds(infra)).containsExactlyInAnyOrderElementsOf(expected));
            assertThat(count(infra, "history_versions")).isEqualTo(expected.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> count(infra, "history_contents") == expected.size());
        } finally {
            projection.close();
        }
    }

    /** What a killed JVM would do to the stream thread: an Error nobody catches. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash in the middle of a transaction");
        }
    }

    private static KafkaStreams streams(TestInfra infra, ChangeTopology.TopicNames topics, DocumentComparer comparer,
            String applicationId, Path stateDir) {
        Properties config = DiffStreams.config(infra.kafkaBootstrap(), applicationId, stateDir.toString(), 100);
        // the crashed client does not leave the group: a short session lets the restart take over quickly
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        KafkaStreams streams = new KafkaStreams(ChangeTopology.build(new StreamsBuilder(), topics, comparer, Instant::now), config);
        streams.setStateListener((now, before) -> System.out.println("streams " + applicationId + ": " + before + " -> " + now));
        return streams;
    }

    /** 20 documents × 10 versions, each version different; returns the changeIds they must give. */
    private static List<String> produceSnapshots(TestInfra infra, String topic) throws Exception {
        List<String> expected = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all", "linger.ms", 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int v = 0; v < VERSIONS; v++) {
                for (int d = 0; d < DOCUMENTS; d++) {
                    String documentId = "doc-" + d;
                    PageSnapshot s = snapshot(documentId, v);
                    producer.send(new ProducerRecord<>(topic, null, s.fetchedAt().toEpochMilli(), documentId,
                            EventJson.write(s)));
                    String from = v == 0 ? null : VersionRef.of(snapshot(documentId, v - 1)).versionId();
                    expected.add(Ids.changeId(documentId, from, VersionRef.of(s).versionId()));
                }
            }
            producer.flush();
        }
        return expected;
    }

    private static PageSnapshot snapshot(String documentId, int version) {
        return Fixtures.snapshot(documentId, Origin.CONFIGURED, Fixtures.T0.plus(Duration.ofHours(version)),
                Fixtures.chineseLaw("为了规范数据处理活动，制定本办法。",
                        "数据处理者应当在" + (version + 1) + "个工作日内报告数据安全事件。",
                        "重要数据的处理者应当明确数据安全负责人。"));
    }

    /** A read_committed reader of the whole topic (no group), accumulating what it has seen. */
    private static final class CommittedReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<DocumentChange> seen = new ArrayList<>();

        CommittedReader(TestInfra infra, String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<DocumentChange> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(EventJson.read(r.value(), DocumentChange.class)));
            return seen;
        }

        List<DocumentChange> pollFor(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                poll();
            }
            return seen;
        }

        List<String> ids() {
            return seen.stream().map(DocumentChange::changeId).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static List<String> historyChangeIds(TestInfra infra) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT change_id FROM history_changes")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long count(TestInfra infra, String table) throws Exception {
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.diff.EngineComparer;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The known issue of 2026-12-02 reproduced on purpose (docs/diff-service.md, "Exactly once"): the broker
 * aborts a transaction of the topology because it outlived {@code transaction.timeout.ms} while a record
 * was being processed: a comparison that stalls, with two BASELINEs already sent in the same transaction
 * (as a huge document's BASELINE was with its first, slow comparison). The stream thread only learns of
 * the abort at its next send or commit, after it already wrote the versions into its stores. Every snapshot must still give exactly one committed change (the
 * BASELINE included), and the stores must hold what the committed changes say, nothing of the aborted
 * transaction.
 */
@ExtendWith(RealInfrastructure.class)
class AbortedTransactionTest {

    /**
     * The commit interval, and the transaction timeout (Streams refuses a shorter one): long enough that
     * the snapshots before the stalled one are in its transaction (as a huge document's BASELINE was with
     * its first comparison). The broker aborts the transaction within this plus its 10 s abort sweep.
     */
    private static final int TRANSACTION_TIMEOUT_MS = 20_000;

    @Test
    void aTransactionTheBrokerAbortsLeavesNoTraceInTheStoresAndEverySnapshotGivesItsChangeOnce(TestInfra infra)
            throws Exception {
        ChangeTopology.TopicNames topics = new ChangeTopology.TopicNames(infra.topic("snapshots", 1),
                infra.topic("changes", 1), infra.topic("dead-letter", 1));
        String applicationId = infra.name("diff-abort");
        // doc-a's first comparison stalls; doc-b's and doc-a's BASELINEs are in its transaction
        List<PageSnapshot> snapshots = List.of(
                snapshot("doc-b", 0), snapshot("doc-a", 0), snapshot("doc-a", 1), snapshot("doc-b", 1),
                snapshot("doc-a", 2), snapshot("doc-c", 0));
        produce(infra, topics.snapshots(), snapshots);

        List<String> aborted = new CopyOnWriteArrayList<>();
        AtomicBoolean stalled = new AtomicBoolean();
        EngineComparer engine = new EngineComparer();
        DocumentComparer stallingOnce = (before, after) -> {
            if (stalled.compareAndSet(false, true)) {
                // the comparison outlives the transaction: wait until the broker has aborted it
                aborted.addAll(await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> abortedTransactions(infra, applicationId), l -> !l.isEmpty()));
            }
            return engine.compare(before, after);
        };
        Properties config = DiffStreams.config(infra.kafkaBootstrap(), applicationId,
                Files.createTempDirectory("pw-abort").toString(), TRANSACTION_TIMEOUT_MS);
        config.put(DeadLetterHandlers.TOPIC_CONFIG, topics.deadLetter());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
        KafkaStreams streams = new KafkaStreams(ChangeTopology.build(new StreamsBuilder(), topics, stallingOnce,
                Instant::now), config);
        ThreadFailures failures = new ThreadFailures(5, Duration.ofMinutes(10), e -> { });
        streams.setUncaughtExceptionHandler(failures::onUncaught);
        streams.start();
        try {
            Map<String, DocumentChange> expected = expectedChanges(snapshots);
            List<DocumentChange> committed = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> readCommitted(infra, topics.changes()), l -> l.size() >= expected.size());
            assertThat(stalled).as("the lookup stalled").isTrue();
            assertThat(aborted).as("the broker aborted the stalled transaction").isNotEmpty();
            // every snapshot's offset committed: anything beyond the expected (a duplicate) is readable by now
            await().atMost(Duration.ofSeconds(90)).until(() -> committedOffset(infra, applicationId, topics.snapshots())
                    == snapshots.size());
            committed = readCommitted(infra, topics.changes());
            assertThat(committed).extracting(DocumentChange::changeId)
                    .as("each snapshot's change exactly once, the stalled BASELINE included")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(committed).filteredOn(c -> c.documentId().equals("doc-a"))
                    .extracting(DocumentChange::kind)
                    .containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED, ChangeKind.UPDATED);
            assertThat(readCommitted(infra, topics.deadLetter(), b -> b)).as("no dead letter").isEmpty();
            assertThat(read(infra, topics.changes(), "read_uncommitted", b -> EventJson.read(b, DocumentChange.class)))
                    .extracting(DocumentChange::changeId).as("the aborted transaction held changes, doc-a's BASELINE")
                    .hasSizeGreaterThan(committed.size()).contains(committed.get(0).changeId())
                    .containsAll(expected.keySet());

            // the stores hold the versions the committed changes end at, nothing else
            ReadOnlyKeyValueStore<String, DocumentHead> heads = streams.store(StoreQueryParameters.fromNameAndType(
                    ChangeTopology.VERSIONS_STORE, QueryableStoreTypes.<String, DocumentHead>keyValueStore()));
            Map<String, String> latest = new LinkedHashMap<>();
            committed.forEach(c -> latest.put(c.documentId(), c.toVersion().versionId()));
            for (Map.Entry<String, String> e : latest.entrySet()) {
                assertThat(heads.get(e.getKey()).version().versionId()).as("stored head of " + e.getKey())
                        .isEqualTo(e.getValue());
            }
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            DiffStreams.closeLeavingGroup(streams, Duration.ofSeconds(30));
        }
    }

    /** The transactions of this application that the broker aborted (or is aborting). */
    private static List<String> abortedTransactions(TestInfra infra, String applicationId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            Set<TransactionState> aborting = Set.of(TransactionState.PREPARE_ABORT, TransactionState.COMPLETE_ABORT,
                    TransactionState.PREPARE_EPOCH_FENCE);
            return admin.listTransactions().all().get().stream()
                    .filter(t -> t.transactionalId().startsWith(applicationId) && aborting.contains(t.state()))
                    .map(TransactionListing::transactionalId).collect(Collectors.toList());
        }
    }

    private static long committedOffset(TestInfra infra, String groupId, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            var offset = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static PageSnapshot snapshot(String documentId, int version) {
        return Fixtures.snapshot(documentId, Origin.CONFIGURED, Fixtures.T0.plus(Duration.ofHours(version)),
                Fixtures.chineseLaw("为了规范数据处理活动，制定本办法。",
                        "数据处理者应当在" + (version + 1) + "个工作日内报告数据安全事件。",
                        "重要数据的处理者应当明确数据安全负责人。"));
    }

    /** changeId → change kind of every snapshot in order (each one differs from its document's previous). */
    private static Map<String, DocumentChange> expectedChanges(List<PageSnapshot> snapshots) {
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, DocumentChange> out = new LinkedHashMap<>();
        for (PageSnapshot s : snapshots) {
            String to = VersionRef.of(s).versionId();
            out.put(Ids.changeId(s.documentId(), last.get(s.documentId()), to), null);
            last.put(s.documentId(), to);
        }
        return out;
    }

    private static void produce(TestInfra infra, String topic, List<PageSnapshot> snapshots) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (PageSnapshot s : snapshots) {
                producer.send(new ProducerRecord<>(topic, null, s.fetchedAt().toEpochMilli(), s.documentId(),
                        EventJson.write(s)));
            }
            producer.flush();
        }
    }

    private static List<DocumentChange> readCommitted(TestInfra infra, String topic) {
        return readCommitted(infra, topic, b -> EventJson.read(b, DocumentChange.class));
    }

    private static <T> List<T> readCommitted(TestInfra infra, String topic, Function<byte[], T> parse) {
        return read(infra, topic, "read_committed", parse);
    }

    private static <T> List<T> read(TestInfra infra, String topic, String isolation, Function<byte[], T> parse) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(parse.apply(r.value())));
            }
        }
        return out;
    }
}

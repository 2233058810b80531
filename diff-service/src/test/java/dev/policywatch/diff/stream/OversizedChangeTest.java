package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.diff.EngineComparer;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.Topics;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 item 1, on a real broker: one huge change used to fail its stream thread forever
 * (RecordTooLargeException, thread replaced, same snapshot again) and every later snapshot of that
 * partition waited behind it. Topics have one partition, so "later" is "behind it".
 */
@ExtendWith(RealInfrastructure.class)
class OversizedChangeTest {

    @Test
    void fortyThousandEditedArticlesGiveATruncatedChangeAndLaterSnapshotsStillGiveChanges(TestInfra infra)
            throws Exception {
        ChangeTopology.TopicNames topics = topics(infra, "huge");
        Instant t0 = Fixtures.T0;
        PageSnapshot before = Fixtures.english("huge-rule", t0, rule(40_000, "five"));
        PageSnapshot after = Fixtures.english("huge-rule", t0.plusSeconds(3600), rule(40_000, "seven"));
        assertThat(EventJson.write(after).length).as("the snapshot itself fits").isLessThan(Topics.MAX_MESSAGE_BYTES);
        produce(infra, topics.snapshots(), before, after,
                Fixtures.english("small-rule", t0.plusSeconds(7200), rule(3, "five")),
                Fixtures.english("small-rule", t0.plusSeconds(10800), rule(3, "seven")));

        KafkaStreams streams = start(infra, topics, DiffStreams.config(infra.kafkaBootstrap(), infra.name("diff-huge"),
                Files.createTempDirectory("pw-huge").toString(), 100), ChangeBudget.defaults());
        try {
            List<ConsumerRecord<String, byte[]>> out = await().atMost(Duration.ofMinutes(4))
                    .until(() -> readAll(infra, topics.changes()), l -> l.size() >= 4);
            assertThat(out).hasSize(4);
            DocumentChange huge = EventJson.read(out.get(1).value(), DocumentChange.class);
            assertThat(huge.documentId()).isEqualTo("huge-rule");
            assertThat(huge.kind()).isEqualTo(ChangeKind.UPDATED);
            assertThat(huge.truncated()).isTrue();
            assertThat(huge.summary().modified()).as("the summary counts every edit").isEqualTo(40_000);
            assertThat(huge.changes()).isNotEmpty().hasSizeLessThan(40_000);
            assertThat(huge.fullDiff()).isEqualTo("/api/documents/huge-rule/diff?from="
                    + huge.fromVersion().versionId() + "&to=" + huge.toVersion().versionId());
            assertThat(out.get(1).value().length).isLessThanOrEqualTo(ChangeBudget.DEFAULT_MAX_BYTES);
            DocumentChange small = EventJson.read(out.get(3).value(), DocumentChange.class);
            assertThat(small.documentId()).isEqualTo("small-rule");
            assertThat(small.kind()).isEqualTo(ChangeKind.UPDATED);
            assertThat(small.truncated()).isFalse();
            assertThat(small.fullDiff()).isNull();
            assertThat(small.changes()).hasSize(3);
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            DiffStreams.closeLeavingGroup(streams, Duration.ofSeconds(30));
        }
    }

    @Test
    void aChangeTheProducerRefusesIsADeadLetterWithItsReasonAndThePartitionMovesOn(TestInfra infra) throws Exception {
        ChangeTopology.TopicNames topics = topics(infra, "refused");
        Instant t0 = Fixtures.T0;
        PageSnapshot edit = Fixtures.english("big-rule", t0.plusSeconds(3600), rule(1_000, "seven"));
        produce(infra, topics.snapshots(), Fixtures.english("big-rule", t0, rule(1_000, "five")), edit,
                Fixtures.english("next-rule", t0.plusSeconds(7200), rule(3, "five")),
                Fixtures.english("next-rule", t0.plusSeconds(10800), rule(3, "seven")));
        Properties config = DiffStreams.config(infra.kafkaBootstrap(), infra.name("diff-refused"),
                Files.createTempDirectory("pw-refused").toString(), 100);
        // the document's blocks (~150 KB) still fit, its change (~400 KB) does not
        config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 300 * 1024);
        config.put(DeadLetterHandlers.TOPIC_CONFIG, topics.deadLetter());

        KafkaStreams streams = start(infra, topics, config, new ChangeBudget(Topics.MAX_MESSAGE_BYTES, 300 * 1024));
        try {
            List<ConsumerRecord<String, byte[]>> out = await().atMost(Duration.ofMinutes(2))
                    .until(() -> readAll(infra, topics.changes()), l -> l.size() >= 3);
            assertThat(out).extracting(r -> EventJson.read(r.value(), DocumentChange.class))
                    .extracting(DocumentChange::documentId, DocumentChange::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("big-rule", ChangeKind.BASELINE),
                            org.assertj.core.groups.Tuple.tuple("next-rule", ChangeKind.BASELINE),
                            org.assertj.core.groups.Tuple.tuple("next-rule", ChangeKind.UPDATED));
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> readAll(infra, topics.deadLetter()), l -> !l.isEmpty());
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, byte[]> letter = dead.get(0);
            assertThat(EventJson.read(letter.value(), PageSnapshot.class)).as("the snapshot that made it")
                    .isEqualTo(edit);
            assertThat(header(letter, Topics.HEADER_ERROR_CLASS)).endsWith("RecordTooLargeException");
            assertThat(header(letter, Topics.HEADER_ERROR_MESSAGE)).contains("cannot produce to the changes topic");
            assertThat(header(letter, Topics.HEADER_ORIGINAL_TOPIC)).isEqualTo(topics.snapshots());
            assertThat(header(letter, Topics.HEADER_ORIGINAL_OFFSET)).isEqualTo("1");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            DiffStreams.closeLeavingGroup(streams, Duration.ofSeconds(30));
        }
    }

    /** A rule of {@code n} sections, each saying how long records of its kind are kept. */
    private static List<Block> rule(int n, String years) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(1, "Data Retention Rule"));
        for (int i = 1; i <= n; i++) {
            blocks.add(Block.heading(2, "Section " + i + ". Records of kind " + i));
            blocks.add(Block.paragraph("A covered entity shall keep the records of kind " + i
                    + " described in this section for " + years + " years after the end of the fiscal year."));
        }
        return blocks;
    }

    private static ChangeTopology.TopicNames topics(TestInfra infra, String base) {
        return new ChangeTopology.TopicNames(infra.topic(base + "-snapshots", 1), infra.topic(base + "-changes", 1),
                infra.topic(base + "-dead-letter", 1));
    }

    private static KafkaStreams start(TestInfra infra, ChangeTopology.TopicNames topics, Properties config,
            ChangeBudget budget) {
        config.put(DeadLetterHandlers.TOPIC_CONFIG, topics.deadLetter());
        KafkaStreams streams = new KafkaStreams(ChangeTopology.build(new StreamsBuilder(), topics,
                new EngineComparer(), Instant::now, budget), config);
        streams.setUncaughtExceptionHandler(new ThreadFailures(5, Duration.ofMinutes(10))::onUncaught);
        streams.start();
        return streams;
    }

    private static void produce(TestInfra infra, String topic, PageSnapshot... snapshots) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all", "max.request.size", Topics.MAX_MESSAGE_BYTES,
                "compression.type", "zstd"), new StringSerializer(), new ByteArraySerializer())) {
            for (PageSnapshot s : snapshots) {
                producer.send(new ProducerRecord<>(topic, null, s.fetchedAt().toEpochMilli(), s.documentId(),
                        EventJson.write(s)));
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(TestInfra infra, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

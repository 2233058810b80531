package dev.policywatch.diff.stream;

import static dev.policywatch.diff.Fixtures.T0;
import static dev.policywatch.diff.Fixtures.V1;
import static dev.policywatch.diff.Fixtures.V2_MODIFIED;
import static dev.policywatch.diff.Fixtures.V3_INSERTED;
import static dev.policywatch.diff.Fixtures.chineseLaw;
import static dev.policywatch.diff.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.policywatch.diff.EngineComparer;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Topics;
import dev.policywatch.events.VersionRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production topology, driven by {@link TopologyTestDriver}: whole outputs, then empty topics. */
class ChangeTopologyTest {

    private static final Instant DETECTED = Instant.parse("2026-11-29T09:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> snapshots;
    private TestOutputTopic<String, byte[]> changes;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        ChangeTopology.TopicNames topics = ChangeTopology.TopicNames.defaults();
        driver = new TopologyTestDriver(
                ChangeTopology.build(new StreamsBuilder(), topics, new EngineComparer(), () -> DETECTED),
                DiffStreams.config("unused:9092", "topology-test", stateDir.toString(), 100));
        snapshots = driver.createInputTopic(topics.snapshots(), new StringSerializer(), new ByteArraySerializer());
        changes = driver.createOutputTopic(topics.changes(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void firstSnapshotOfAConfiguredDocumentIsABaselineWithNoChanges() {
        PageSnapshot v1 = snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1));
        send(v1, T0.plusSeconds(5));

        List<DocumentChange> out = readChanges();
        VersionRef version = VersionRef.of(v1);
        assertThat(out).containsExactly(new DocumentChange(DocumentChange.SCHEMA_VERSION, Ids.changeId("law", null, version.versionId()), "law",
                "cn-data", "数据安全管理办法", v1.url(), "数据安全管理办法", "Cyberspace Administration of China", "CN", "zh",
                ChangeKind.BASELINE, null, version, T0.plusSeconds(5), List.of(), List.of(), ChangeSummary.EMPTY));
        assertThat(changes.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void backfilledDocumentIsABaselineAndDiscoveredOneIsNew() {
        send(snapshot("old", Origin.BACKFILL, T0, chineseLaw(V1)), T0);
        send(snapshot("new", Origin.DISCOVERED, T0, chineseLaw(V1)), T0);

        assertThat(readChanges()).extracting(DocumentChange::documentId, DocumentChange::kind, DocumentChange::fromVersion)
                .containsExactly(tuple("old", ChangeKind.BASELINE, null), tuple("new", ChangeKind.NEW_DOCUMENT, null));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void modifiedArticleGivesOneUpdatedChangeFromTheStoredVersion() {
        PageSnapshot v1 = snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1));
        PageSnapshot v2 = snapshot("law", Origin.CONFIGURED, T0.plusSeconds(3600), chineseLaw(V2_MODIFIED));
        send(v1, T0);
        send(v2, T0.plusSeconds(3600));

        List<DocumentChange> out = readChanges();
        assertThat(out).hasSize(2);
        DocumentChange updated = out.get(1);
        assertThat(updated.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(updated.fromVersion()).isEqualTo(VersionRef.of(v1));
        assertThat(updated.toVersion()).isEqualTo(VersionRef.of(v2));
        assertThat(updated.changeId()).isEqualTo(Ids.changeId("law", VersionRef.of(v1).versionId(),
                VersionRef.of(v2).versionId()));
        assertThat(updated.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(tuple(ChangeType.MODIFIED, "第二条", "第二条"));
        assertThat(updated.changes().get(0).newText()).contains("组织开展数据安全教育培训");
        assertThat(updated.summary()).usingRecursiveComparison().ignoringFields("headline")
                .isEqualTo(new ChangeSummary(0, 0, 1, 0, 2, 1, 0, null));
        assertThat(updated.summary().headline()).startsWith("第二条：");
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void insertedArticleIsAddedAndTheLaterOnesRenumbered() {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V2_MODIFIED)), T0);
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(60), chineseLaw(V3_INSERTED)), T0.plusSeconds(60));

        List<DocumentChange> out = readChanges();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(tuple(ChangeType.ADDED, null, "第二条"),
                        tuple(ChangeType.RENUMBERED, "第二条", "第三条"), tuple(ChangeType.RENUMBERED, "第三条", "第四条"));
        assertThat(out.get(1).summary()).usingRecursiveComparison().ignoringFields("headline")
                .isEqualTo(new ChangeSummary(1, 0, 0, 2, 1, 1, 2, null));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void identicalResendPublishesNothingAndIsCounted() {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0);
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(600), chineseLaw(V1)), T0.plusSeconds(600));

        assertThat(readChanges()).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(metric("snapshots-identical-total")).isEqualTo(1.0);
    }

    @Test
    void lateOlderSnapshotPublishesNothingAndIsCounted() {
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(3600), chineseLaw(V2_MODIFIED)), T0.plusSeconds(3600));
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0.plusSeconds(3700));
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(7200), chineseLaw(V3_INSERTED)), T0.plusSeconds(7200));

        List<DocumentChange> out = readChanges();
        assertThat(out).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED);
        // the late V1 did not replace the stored V2: the update is measured from V2
        assertThat(out.get(1).fromVersion().fetchedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(changes.isEmpty()).isTrue();
        assertThat(metric("snapshots-late-total")).isEqualTo(1.0);
    }

    @Test
    void goneSnapshotIsRemovedFromTheLastVersion() {
        PageSnapshot v1 = snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1));
        send(v1, T0);
        send(Fixtures.gone("law", T0.plusSeconds(86_400)), T0.plusSeconds(86_400));
        send(Fixtures.gone("law", T0.plusSeconds(2 * 86_400)), T0.plusSeconds(2 * 86_400));

        List<DocumentChange> out = readChanges();
        assertThat(out).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.REMOVED);
        assertThat(out.get(1).fromVersion()).isEqualTo(VersionRef.of(v1));
        assertThat(out.get(1).changes()).isEmpty();
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void documentBackAfterBeingGoneIsUpdatedWithEveryProvisionAdded() {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0);
        send(Fixtures.gone("law", T0.plusSeconds(60)), T0.plusSeconds(60));
        PageSnapshot back = snapshot("law", Origin.CONFIGURED, T0.plusSeconds(120), chineseLaw(V1));
        send(back, T0.plusSeconds(120));

        List<DocumentChange> out = readChanges();
        assertThat(out).extracting(DocumentChange::kind)
                .containsExactly(ChangeKind.BASELINE, ChangeKind.REMOVED, ChangeKind.UPDATED);
        assertThat(out.get(2).fromVersion()).isEqualTo(out.get(1).toVersion());
        assertThat(out.get(2).changes()).extracting(ProvisionChange::type, ProvisionChange::newLabel)
                .containsExactly(tuple(ChangeType.ADDED, "第一条"), tuple(ChangeType.ADDED, "第二条"),
                        tuple(ChangeType.ADDED, "第三条"));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void flippingABABGivesFourDistinctChanges() {
        for (int i = 0; i < 4; i++) {
            Instant at = T0.plusSeconds(60L * i);
            send(snapshot("law", Origin.CONFIGURED, at, chineseLaw(i % 2 == 0 ? V1 : V2_MODIFIED)), at);
        }
        List<DocumentChange> out = readChanges();
        assertThat(out).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED,
                ChangeKind.UPDATED, ChangeKind.UPDATED);
        assertThat(out).extracting(DocumentChange::changeId).doesNotHaveDuplicates();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithHeadersAndTheNextSnapshotIsProcessed() {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0);
        byte[] poison = "{\"documentId\": \"law\", \"fetchedAt\": not json".getBytes(StandardCharsets.UTF_8);
        snapshots.pipeInput("law", poison, T0.plusSeconds(1));
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(60), chineseLaw(V2_MODIFIED)), T0.plusSeconds(60));

        assertThat(readChanges()).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED);
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("law");
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(header(dead, Topics.HEADER_ORIGINAL_TOPIC)).isEqualTo(Topics.SNAPSHOTS);
        assertThat(header(dead, Topics.HEADER_ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(header(dead, Topics.HEADER_FAILED_BY)).isEqualTo("diff-service");
        assertThat(header(dead, Topics.HEADER_ERROR_CLASS)).isEqualTo("dev.policywatch.events.EventFormatException");
        assertThat(header(dead, Topics.HEADER_ERROR_MESSAGE)).contains("PageSnapshot");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(changes.isEmpty()).isTrue();
        assertThat(metric("snapshots-dead-lettered-total")).isEqualTo(1.0);
    }

    @Test
    void snapshotWhoseKeyIsNotItsDocumentIdIsADeadLetter() {
        snapshots.pipeInput("other", EventJson.write(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1))), T0);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(header(deadLetters.readRecord(), Topics.HEADER_ERROR_MESSAGE)).contains("not the snapshot's documentId");
    }

    /**
     * Each kind of unreadable record on the snapshots topic is a dead letter with the reason in its headers,
     * and the snapshot after it is processed: no poison stops the loop or is dropped silently.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"null value", "empty value", "json null",
        "json array", "empty object", "not utf-8", "number for a string", "schemaVersion as text", "1 MB of junk"})
    void everyKindOfPoisonIsADeadLetterWithAReasonAndTheNextSnapshotIsProcessed(String poison) {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0);
        String good = new String(EventJson.write(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1))),
                StandardCharsets.UTF_8);
        byte[] value = switch (poison) {
            case "null value" -> null;
            case "empty value" -> new byte[0];
            case "json null" -> "null".getBytes(StandardCharsets.UTF_8);
            case "json array" -> "[1, 2]".getBytes(StandardCharsets.UTF_8);
            case "empty object" -> "{}".getBytes(StandardCharsets.UTF_8);
            case "not utf-8" -> new byte[] {(byte) 0xC0, (byte) 0xFF, '{', (byte) 0x80};
            case "number for a string" -> good.replace("\"documentId\":\"law\"", "\"documentId\":42")
                    .getBytes(StandardCharsets.UTF_8);
            case "schemaVersion as text" -> good.replaceFirst("\"schemaVersion\":\\d+", "\"schemaVersion\":\"one\"")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("{\"documentId\": \"" + "x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
        };
        snapshots.pipeInput("law", value, T0.plusSeconds(1));
        send(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(60), chineseLaw(V2_MODIFIED)), T0.plusSeconds(60));

        assertThat(readChanges()).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED);
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(value);
        assertThat(header(dead, Topics.HEADER_ORIGINAL_TOPIC)).isEqualTo(Topics.SNAPSHOTS);
        assertThat(header(dead, Topics.HEADER_FAILED_BY)).isEqualTo("diff-service");
        assertThat(header(dead, Topics.HEADER_ERROR_MESSAGE)).isNotBlank().hasSizeLessThan(2000);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    /** A snapshot with no key is read as keyed by its documentId: its change is keyed by the documentId. */
    @Test
    void aSnapshotWithoutAKeyIsTakenAsKeyedByItsDocumentId() {
        send(snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)), T0);
        snapshots.pipeInput(null, EventJson.write(snapshot("law", Origin.CONFIGURED, T0.plusSeconds(60),
                chineseLaw(V2_MODIFIED))), T0.plusSeconds(60));

        assertThat(readChanges()).extracting(DocumentChange::kind).containsExactly(ChangeKind.BASELINE, ChangeKind.UPDATED);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private void send(PageSnapshot snapshot, Instant timestamp) {
        snapshots.pipeInput(snapshot.documentId(), EventJson.write(snapshot), timestamp);
    }

    private List<DocumentChange> readChanges() {
        return changes.readRecordsToList().stream().map(r -> {
            DocumentChange c = EventJson.read(r.value(), DocumentChange.class);
            assertThat(r.key()).isEqualTo(c.documentId());
            return c;
        }).toList();
    }

    private double metric(String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals(ChangeProcessor.METRIC_GROUP)) {
                return ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no metric " + name + " in " + driver.metrics().keySet());
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

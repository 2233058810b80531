package dev.policywatch.diff.stream;

import static dev.policywatch.diff.Fixtures.T0;
import static dev.policywatch.diff.Fixtures.V1;
import static dev.policywatch.diff.Fixtures.V2_MODIFIED;
import static dev.policywatch.diff.Fixtures.chineseLaw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.diff.EngineComparer;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Correction;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.ProvisionChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.VersionRef;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lineage and title changes in the production topology, driven by {@link TopologyTestDriver}. */
class LineageTopologyTest {

    private static final Instant DRAFT_AT = T0;
    private static final Instant FINAL_AT = T0.plus(Duration.ofDays(90));

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> snapshots;
    private TestOutputTopic<String, byte[]> changes;
    private TestInputTopic<String, byte[]> corrections;
    private TestOutputTopic<String, byte[]> deadLetters;
    /**
     * The history's part the topology reads (HistoryPredecessorIndex in production, tested against
     * PostgreSQL in LineageApiTest): every snapshot sent, the latest per document.
     */
    private final Map<String, PageSnapshot> history = new ConcurrentHashMap<>();
    private final PredecessorIndex index = (jurisdiction, documentId, title, identifiers, before) ->
            history.values().stream()
                    .filter(s -> Objects.equals(s.jurisdiction(), jurisdiction) && !s.documentId().equals(documentId)
                            && s.fetchedAt().isBefore(before))
                    .map(s -> new PredecessorIndex.Candidate(new PredecessorMatcher.Document(s.documentId(),
                            VersionRef.of(s).versionId(), s.jurisdiction(), s.title(), s.blocks()), s.url(), s.fetchedAt()))
                    .toList();

    @BeforeEach
    void startDriver() {
        ChangeTopology.TopicNames topics = ChangeTopology.TopicNames.defaults();
        driver = new TopologyTestDriver(
                ChangeTopology.build(new StreamsBuilder(), topics, new EngineComparer(), () -> FINAL_AT,
                        ChangeBudget.defaults(), index),
                DiffStreams.config("unused:9092", "lineage-test", stateDir.toString(), 100));
        snapshots = driver.createInputTopic(topics.snapshots(), new StringSerializer(), new ByteArraySerializer());
        changes = driver.createOutputTopic(topics.changes(), new StringDeserializer(), new ByteArrayDeserializer());
        corrections = driver.createInputTopic(topics.corrections(), new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    static PageSnapshot doc(String id, String jurisdiction, String title, String language, Origin origin,
            Instant at, List<Block> blocks) {
        return PageSnapshot.present(id, "cac", "CAC", "Cyberspace Administration of China", jurisdiction,
                "https://example.gov.cn/" + id + ".htm", at, "text/html", title, language, origin, blocks);
    }

    @Test
    void theFinalTextAtANewUrlIsANewDocumentDiffedFromItsDraft() {
        send(doc("cac.draft", "CN", "数据安全管理办法（征求意见稿）", "zh", Origin.BACKFILL, DRAFT_AT, chineseLaw(V1)));
        send(doc("cac.final", "CN", "数据安全管理办法", "zh", Origin.DISCOVERED, FINAL_AT, chineseLaw(V2_MODIFIED)));

        List<DocumentChange> out = readChanges();
        assertThat(out).extracting(DocumentChange::documentId).containsExactly("cac.draft", "cac.final");
        assertThat(out.get(0).predecessor()).isNull();
        DocumentChange fin = out.get(1);
        assertThat(fin.kind()).isEqualTo(ChangeKind.NEW_DOCUMENT);
        assertThat(fin.fromVersion()).isNull();
        assertThat(fin.predecessor()).satisfies(p -> {
            assertThat(p.documentId()).isEqualTo("cac.draft");
            assertThat(p.versionId()).isEqualTo(out.get(0).toVersion().versionId());
            assertThat(p.fetchedAt()).isEqualTo(DRAFT_AT);
            assertThat(p.title()).isEqualTo("数据安全管理办法（征求意见稿）");
            assertThat(p.similarity()).isGreaterThan(0.9);
            assertThat(p.reason()).contains("same title");
        });
        assertThat(fin.changes()).extracting(ProvisionChange::type, ProvisionChange::newLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "第二条"));
        assertThat(fin.summary().modified()).isEqualTo(1);
        assertThat(fin.structureChanges()).extracting(ProvisionChange::newLabel).contains("title");
        assertThat(fin.statusChange()).isNotNull();
        assertThat(fin.statusChange().headline()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        // the draft → final headline takes precedence over the engine's
        assertThat(fin.summary().headline()).startsWith("草案成为正式文本（原为征求意见稿）；");
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void anUnrelatedNoticeWithABoilerplateTitleOrAnotherJurisdictionDoesNotLink() {
        send(doc("cac.draft", "CN", "数据安全管理办法（征求意见稿）", "zh", Origin.BACKFILL, DRAFT_AT, chineseLaw(V1)));
        send(doc("cac.n1", "CN", "关于开展数据安全检查工作的通知", "zh", Origin.DISCOVERED, FINAL_AT, List.of(
                Block.heading(1, "关于开展数据安全检查工作的通知"),
                Block.paragraph("各有关单位：为落实数据安全管理办法，现就开展数据安全检查有关事项通知如下。"),
                Block.paragraph("一、请于6月30日前报送自查报告。"))));
        send(doc("sh.final", "CN-SH", "数据安全管理办法", "zh", Origin.DISCOVERED, FINAL_AT, chineseLaw(V2_MODIFIED)));

        assertThat(readChanges()).allSatisfy(c -> assertThat(c.predecessor()).isNull()).hasSize(3);
    }

    @Test
    void aTitleOnlyChangeOnOneUrlIsAStructureChangeWithTheHeadline() {
        send(doc("cac.rule", "CN", "数据安全管理办法（征求意见稿）", "zh", Origin.CONFIGURED, DRAFT_AT, chineseLaw(V1)));
        send(doc("cac.rule", "CN", "数据安全管理办法", "zh", Origin.CONFIGURED, FINAL_AT, chineseLaw(V1)));

        List<DocumentChange> out = readChanges();
        assertThat(out).hasSize(2);
        DocumentChange updated = out.get(1);
        assertThat(updated.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(updated.changes()).isEmpty();
        assertThat(updated.structureChanges()).singleElement().satisfies(c -> {
            assertThat(c.newLabel()).isEqualTo("title");
            assertThat(c.oldText()).isEqualTo("数据安全管理办法（征求意见稿）");
            assertThat(c.newText()).isEqualTo("数据安全管理办法");
        });
        assertThat(updated.statusChange().headline()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        assertThat(updated.summary().headline()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        // the same title again is an identical resend
        send(doc("cac.rule", "CN", "数据安全管理办法", "zh", Origin.CONFIGURED, FINAL_AT.plusSeconds(60), chineseLaw(V1)));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void aProposedRuleLinksToItsFinalRuleByItsRin() {
        List<Block> proposed = List.of(Block.heading(1, "Payment Account Fees: Proposed Rule"),
                Block.paragraph("AGENCY: Consumer Financial Protection Bureau. RIN 3170-AA40."),
                Block.heading(2, "Section 1. Scope"), Block.paragraph("This part applies to covered payment accounts."),
                Block.heading(2, "Section 2. Fees"), Block.paragraph("A covered institution shall not charge a fee above $5."),
                Block.heading(2, "Section 3. Disclosures"), Block.paragraph("Fees shall be disclosed before account opening."));
        List<Block> fin = List.of(Block.heading(1, "Fees for Payment Accounts (Regulation P)"),
                Block.paragraph("AGENCY: Consumer Financial Protection Bureau. RIN 3170-AA40."),
                Block.heading(2, "Section 1. Scope"), Block.paragraph("This part applies to covered payment accounts held by consumers."),
                Block.heading(2, "Section 2. Fees"), Block.paragraph("A covered institution shall not charge a fee above $3."),
                Block.heading(2, "Section 3. Disclosures"), Block.paragraph("Fees shall be disclosed before account opening."));
        send(doc("fr.2024-001", "US", "Payment Account Fees: Proposed Rule", "en", Origin.BACKFILL, DRAFT_AT, proposed));
        send(doc("fr.2024-999", "US", "Fees for Payment Accounts (Regulation P)", "en", Origin.DISCOVERED, FINAL_AT, fin));

        DocumentChange fr = readChanges().get(1);
        assertThat(fr.predecessor().documentId()).isEqualTo("fr.2024-001");
        assertThat(fr.predecessor().reason()).contains("RIN 3170-AA40");
        assertThat(fr.summary().modified()).isEqualTo(2);
        assertThat(fr.statusChange().headline()).startsWith("draft became final");
    }

    @Test
    void anAdministratorsCorrectionIsRelayedToTheChangesAndAnythingElseIsADeadLetter() {
        send(doc("cac.draft", "CN", "数据安全管理办法（征求意见稿）", "zh", Origin.BACKFILL, DRAFT_AT, chineseLaw(V1)));
        send(doc("cac.final", "CN", "数据安全管理办法", "zh", Origin.DISCOVERED, FINAL_AT, chineseLaw(V2_MODIFIED)));
        DocumentChange linked = readChanges().get(1);
        Instant at = FINAL_AT.plusSeconds(600);
        DocumentChange cleared = Lineage.withoutPredecessor(linked).corrected("c-correction", at,
                new Correction(linked.changeId(), "cac.draft", "wrong link", at));

        corrections.pipeInput("cac.final", EventJson.write(cleared), at);
        corrections.pipeInput("cac.final", EventJson.write(linked), at); // not a correction
        corrections.pipeInput("cac.draft", EventJson.write(cleared), at); // keyed by another document
        corrections.pipeInput("cac.final", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), at);

        assertThat(readChanges()).singleElement().satisfies(c -> {
            assertThat(c.changeId()).isEqualTo("c-correction");
            assertThat(c.predecessor()).isNull();
            assertThat(c.correction().supersedes()).isEqualTo(linked.changeId());
        });
        assertThat(deadLetters.readRecordsToList()).hasSize(3);
    }

    private void send(PageSnapshot snapshot) {
        snapshots.pipeInput(snapshot.documentId(), EventJson.write(snapshot), snapshot.fetchedAt());
        history.put(snapshot.documentId(), snapshot);
    }

    private List<DocumentChange> readChanges() {
        return changes.readRecordsToList().stream().map(r -> {
            DocumentChange c = EventJson.read(r.value(), DocumentChange.class);
            assertThat(r.key()).isEqualTo(c.documentId());
            return c;
        }).toList();
    }
}

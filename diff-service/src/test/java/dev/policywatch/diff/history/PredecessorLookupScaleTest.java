package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.diff.Fixtures;
import dev.policywatch.diff.replay.Generation;
import dev.policywatch.diff.stream.PredecessorIndex;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lineage lookup is an indexed query: with 5,000 other documents in the history — every one with a
 * title near the new document's (the same words, another number) and a RIN of its own — one lookup
 * reads a bounded number of candidate rows and texts, and still finds the draft (near title) and the
 * proposed rule (shared RIN). Real PostgreSQL, the store's own writes.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredecessorLookupScaleTest {

    private static final int OTHERS = 5_000;
    private static final Instant LATER = Fixtures.T0.plus(Duration.ofDays(90));

    private HistoryStore store;
    private HistoryPredecessorIndex index;

    @BeforeAll
    void fill(TestInfra infra) throws Exception {
        store = new HistoryStore(infra.dataSource(), new Generation(1));
        index = new HistoryPredecessorIndex(store);
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < OTHERS; i++) {
                Instant at = Fixtures.T0.plusSeconds(i);
                write(c, "cn-other-" + i, "CN", "生成式人工智能服务管理办法（第" + (i + 1) + "号）", at,
                        law("第" + (i + 1) + "号", "本办法第" + i + "条适用于其他事项。"));
                write(c, "us-other-" + i, "US", "Data Retention Rule " + (i + 1), at,
                        List.of(Block.heading(1, "Data Retention Rule " + (i + 1)),
                                Block.paragraph("RIN 3170-A" + (char) ('A' + i % 26) + String.format("%02d", i % 100)),
                                Block.paragraph("Section 1. Records of unit " + i + " are kept for " + i + " days.")));
            }
            write(c, "cn-draft", "CN", "生成式人工智能服务管理办法（征求意见稿）", Fixtures.T0.minusSeconds(60),
                    law("草案", "提供生成式人工智能服务应当遵守法律法规。"));
            write(c, "us-proposed", "US", "Proposed Rule: Consumer Records", Fixtures.T0.minusSeconds(60),
                    List.of(Block.heading(1, "Consumer Records"), Block.paragraph("RIN 3170-ZZ99"),
                            Block.paragraph("Section 1. Consumer records are kept for five years.")));
            c.commit();
        }
    }

    @Test
    void aNearTitleIsFoundReadingBoundedRowsAmongThousands() {
        HistoryPredecessorIndex.Reads reads = new HistoryPredecessorIndex.Reads();
        List<PredecessorIndex.Candidate> found = index.candidates("CN", "cn-final", "生成式人工智能服务管理暂行办法", Set.of(),
                LATER, reads);

        assertThat(store.trigramSchema()).as("pg_trgm is installed in the embedded PostgreSQL").isNotNull();
        assertThat(found).extracting(f -> f.document().documentId()).containsExactly("cn-draft");
        // at most the same-key and the near-key index each propose PER_BRANCH documents, whatever the history
        assertThat(reads.rows).isPositive().isLessThanOrEqualTo(2 * HistoryPredecessorIndex.PER_BRANCH);
        // the 5,000 near titles carry other numbers: rejected on their stored title, no text read
        assertThat(reads.texts).isEqualTo(1);
    }

    @Test
    void aSharedIdentifierIsFoundReadingBoundedRowsAmongThousands() {
        HistoryPredecessorIndex.Reads reads = new HistoryPredecessorIndex.Reads();
        List<PredecessorIndex.Candidate> found = index.candidates("US", "us-final", "Consumer Records",
                Set.of("RIN:3170-ZZ99"), LATER, reads);

        assertThat(found).extracting(f -> f.document().documentId()).containsExactly("us-proposed");
        assertThat(reads.rows).isPositive().isLessThanOrEqualTo(3 * HistoryPredecessorIndex.PER_BRANCH);
        assertThat(reads.texts).isEqualTo(1);
    }

    @Test
    void nothingNearReadsNoText() {
        HistoryPredecessorIndex.Reads reads = new HistoryPredecessorIndex.Reads();
        List<PredecessorIndex.Candidate> found = index.candidates("CN", "cn-new", "网络安全审查办法", Set.of(), LATER, reads);

        assertThat(found).isEmpty();
        assertThat(reads.rows).isLessThanOrEqualTo(2 * HistoryPredecessorIndex.PER_BRANCH);
        assertThat(reads.texts).isZero();
    }

    @Test
    void textsStoredBeforeTheIndexAreIndexedAtStart(TestInfra infra) throws Exception {
        try (Connection c = store.connection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE history_contents SET title_key = NULL, title_gram = NULL, identifiers = NULL "
                    + "WHERE document_id IN ('cn-draft', 'us-proposed')");
        }
        HistoryStore restarted = new HistoryStore(infra.dataSource(), new Generation(1));
        HistoryPredecessorIndex again = new HistoryPredecessorIndex(restarted);

        assertThat(again.candidates("CN", "cn-final", "生成式人工智能服务管理暂行办法", Set.of(), LATER))
                .extracting(f -> f.document().documentId()).containsExactly("cn-draft");
        assertThat(again.candidates("US", "us-final", "Consumer Records", Set.of("RIN:3170-ZZ99"), LATER))
                .extracting(f -> f.document().documentId()).containsExactly("us-proposed");
    }

    private static List<Block> law(String tag, String article) {
        return List.of(Block.heading(1, tag), Block.paragraph("第一条 " + article),
                Block.paragraph("第二条 本办法自发布之日起施行。"));
    }

    private void write(Connection c, String documentId, String jurisdiction, String title, Instant at,
            List<Block> blocks) throws Exception {
        PageSnapshot s = PageSnapshot.present(documentId, "src-" + jurisdiction, "source", "publisher", jurisdiction,
                "https://example.gov/" + documentId, at, "text/html", title, "zh", Origin.CONFIGURED, blocks);
        VersionRef v = VersionRef.of(s);
        DocumentChange change = new DocumentChange(1, Ids.changeId(documentId, null, v.versionId()), documentId,
                s.sourceId(), null, s.url(), title, null, jurisdiction, "zh", ChangeKind.BASELINE, null, v, at,
                List.of(), List.of(), ChangeSummary.EMPTY);
        store.writeContent(c, s);
        store.writeChange(c, change, EventJson.writeString(change));
    }
}

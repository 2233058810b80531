package dev.policywatch.diff.history;

import dev.policywatch.diff.replay.Generation;
import dev.policywatch.embedded.EmbeddedPostgresServer;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lineage lookup over a first pass, as diff-service meets it (docs/benchmarks.md): N new documents
 * of one jurisdiction in turn, each first asks {@link HistoryPredecessorIndex#candidates} for its
 * predecessor, then is written to the history as the projection would. Titles and texts are those of
 * {@code standalone/bench/FixtureSite.java} (示例规定第N号, ten articles). Prints the lookups per second
 * of each block of 500. Not a test: {@code java -cp <test classpath> ...PredecessorLookupBenchmark [N]}.
 */
public final class PredecessorLookupBenchmark {

    private PredecessorLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path dir = Files.createTempDirectory("pw-lookup-bench");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().dataDir(dir.resolve("pg")).start()) {
            HistoryStore store = new HistoryStore(pg.dataSource(), new Generation(1));
            HistoryPredecessorIndex index = new HistoryPredecessorIndex(store);
            store.ensureSchema();
            Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
            long blockStart = System.nanoTime();
            long total = 0;
            for (int i = 1; i <= n; i++) {
                String id = "doc-" + i;
                String title = "示例规定第" + i + "号";
                List<Block> blocks = new ArrayList<>();
                blocks.add(Block.heading(1, title));
                for (int a = 1; a <= 10; a++) {
                    blocks.add(Block.paragraph("第" + a + "条 第" + i + "号规定的第" + a + "条：有关单位应当按照本规定履行相应的管理职责，"
                            + "建立健全内部制度，做好记录并按期报送。"));
                }
                Instant at = t0.plusSeconds(i);
                long s = System.nanoTime();
                index.candidates("CN", id, title, Set.of(), at);
                total += System.nanoTime() - s;
                PageSnapshot snap = PageSnapshot.present(id, "src-" + i, "source", "publisher", "CN",
                        "http://127.0.0.10/p/" + i, at, "text/html", title, "zh", Origin.CONFIGURED, blocks);
                VersionRef v = VersionRef.of(snap);
                DocumentChange change = new DocumentChange(1, Ids.changeId(id, null, v.versionId()), id, snap.sourceId(),
                        null, snap.url(), title, null, "CN", "zh", ChangeKind.BASELINE, null, v, at, List.of(), List.of(),
                        ChangeSummary.EMPTY);
                try (Connection c = store.connection()) {
                    store.writeContent(c, snap);
                    store.writeChange(c, change, EventJson.writeString(change));
                }
                if (i % 500 == 0) {
                    double secs = (System.nanoTime() - blockStart) / 1e9;
                    System.out.printf("documents %d: last 500 at %.1f documents/s; mean lookup so far %.2f ms%n", i,
                            500 / secs, total / 1e6 / i);
                    blockStart = System.nanoTime();
                }
            }
        }
    }
}

package dev.policywatch.diff.stream;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.engine.diff.TitleDiff;
import dev.policywatch.engine.lineage.DraftMarkers;
import dev.policywatch.engine.lineage.Identifiers;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Predecessor;
import dev.policywatch.events.StatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a document that appears to the earlier document it replaces (docs/lineage.md). Reads every
 * change keyed by jurisdiction (so all candidate predecessors of a document are in this task's
 * stores), and:
 * <ol>
 *   <li>for a {@code NEW_DOCUMENT} or {@code BASELINE}, asks {@link PredecessorMatcher} among the
 *       documents of the same jurisdiction whose latest version was fetched before this one, and when
 *       one is found sets {@code predecessor} and (for {@code NEW_DOCUMENT}) diffs {@code changes}
 *       against the predecessor's latest version; a draft that became final sets {@code statusChange};</li>
 *   <li>keeps the document's latest version, title and identifiers as a candidate for later ones;</li>
 *   <li>forwards the change's JSON keyed by documentId.</li>
 * </ol>
 * Under exactly-once the stores, their changelogs and the output commit together, so a crash never
 * links twice or loses an index entry; a replay rebuilds the index in the same per-document order.
 * A failure to link is logged and the change goes out unlinked: lineage never holds a change back.
 */
final class LineageProcessor implements Processor<String, LineageHop, String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(LineageProcessor.class);
    private static final char SEPARATOR = '\u001f';

    private final DocumentComparer comparer;
    private final ChangeBudget budget;
    private final PredecessorMatcher matcher = new PredecessorMatcher();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, LineageEntry> index;
    private KeyValueStore<String, VersionBlocks> texts;

    LineageProcessor(DocumentComparer comparer, ChangeBudget budget) {
        this.comparer = comparer;
        this.budget = budget;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.index = context.getStateStore(ChangeTopology.LINEAGE_INDEX_STORE);
        this.texts = context.getStateStore(ChangeTopology.LINEAGE_BLOCKS_STORE);
    }

    @Override
    public void process(Record<String, LineageHop> record) {
        LineageHop hop = record.value();
        DocumentChange change = hop.change();
        String jurisdiction = LineageHop.key(change);
        if ((change.kind() == ChangeKind.NEW_DOCUMENT || change.kind() == ChangeKind.BASELINE)
                && change.predecessor() == null && !hop.blocks().isEmpty()) {
            try {
                change = link(jurisdiction, change, hop.blocks());
            } catch (RuntimeException e) {
                LOG.warn("Lineage of {} not computed, change {} goes out unlinked: {}", change.documentId(),
                        change.changeId(), e.toString());
            }
        }
        remember(jurisdiction, change, hop.blocks());
        context.forward(new Record<>(change.documentId(), EventJson.write(change), record.timestamp(),
                new RecordHeaders()));
    }

    private DocumentChange link(String jurisdiction, DocumentChange change, List<Block> blocks) {
        Set<String> ids = Identifiers.of(change.title(), blocks);
        List<PredecessorMatcher.Document> candidates = new ArrayList<>();
        List<LineageEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, LineageEntry> it = index.prefixScan(jurisdiction + SEPARATOR,
                Serdes.String().serializer())) {
            while (it.hasNext()) {
                KeyValue<String, LineageEntry> kv = it.next();
                LineageEntry e = kv.value;
                if (e.gone() || e.documentId().equals(change.documentId())
                        || !e.version().fetchedAt().isBefore(change.toVersion().fetchedAt())
                        || !PredecessorMatcher.plausible(change.jurisdiction(), change.title(), ids,
                                change.jurisdiction(), e.title(), e.identifiers())) {
                    continue;
                }
                VersionBlocks text = texts.get(kv.key);
                if (text != null && !text.blocks().isEmpty()) {
                    candidates.add(new PredecessorMatcher.Document(e.documentId(), e.version().versionId(),
                            change.jurisdiction(), e.title(), text.blocks()));
                    entries.add(e);
                }
            }
        }
        if (candidates.isEmpty()) {
            return change;
        }
        Optional<PredecessorMatcher.Match> match = matcher.find(new PredecessorMatcher.Document(change.documentId(),
                null, change.jurisdiction(), change.title(), blocks), candidates);
        if (match.isEmpty()) {
            return change;
        }
        PredecessorMatcher.Match m = match.get();
        LineageEntry pred = entries.stream().filter(e -> e.documentId().equals(m.documentId())).findFirst().orElseThrow();
        List<Block> predBlocks = candidates.stream().filter(c -> c.documentId().equals(m.documentId())).findFirst()
                .orElseThrow().blocks();
        Predecessor predecessor = new Predecessor(pred.documentId(), pred.version().versionId(), m.similarity(),
                m.reason(), pred.title(), pred.url(), pred.version().fetchedAt());
        LOG.info("{} {} replaces {} ({})", change.kind(), change.documentId(), pred.documentId(), m.reason());
        return Lineage.withPredecessor(change, predecessor, predBlocks, blocks, comparer, budget);
    }

    private void remember(String jurisdiction, DocumentChange change, List<Block> blocks) {
        String key = jurisdiction + SEPARATOR + change.documentId();
        boolean gone = change.kind() == ChangeKind.REMOVED;
        index.put(key, new LineageEntry(change.documentId(), change.toVersion(), change.title(), change.url(),
                gone ? Set.of() : Identifiers.of(change.title(), blocks), gone));
        if (gone || blocks.isEmpty()) {
            texts.delete(key);
        } else {
            texts.put(key, new VersionBlocks(blocks));
        }
    }

    /** The status change of a final text replacing a draft: "draft became final", else null. */
    static StatusChange statusOf(Predecessor predecessor, DocumentChange change) {
        Optional<String> marker = DraftMarkers.marker(predecessor.title());
        if (marker.isEmpty() || DraftMarkers.isDraft(change.title())) {
            return null;
        }
        return new StatusChange(marker.get(), TitleDiff.headline(marker.get(), change.title(), change.language()));
    }
}

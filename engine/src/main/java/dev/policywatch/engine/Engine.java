package dev.policywatch.engine;

import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.diff.DocumentDiff;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.engine.segment.Segmenter;
import dev.policywatch.engine.significance.ChangeMeaning;
import dev.policywatch.events.Block;
import java.util.List;
import java.util.Objects;

/**
 * The front door of the diff engine: which provisions changed between two versions of a document.
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * DiffResult result = engine.compare(oldSnapshot.blocks(), newSnapshot.blocks()); // with significance, facts, notes
 * Segmentation provisions = engine.segment(newSnapshot.blocks());   // to store a version's provisions
 * }</pre>
 *
 * Stateless and thread-safe: one instance can serve every thread. It does not fetch, store or
 * publish anything.
 */
public final class Engine {

    private final Extractor extractor = new Extractor();
    private final Segmenter segmenter = new Segmenter();

    /** Extracts a document's blocks (see {@link Extractor#extract}). */
    public ExtractedDocument extract(byte[] bytes, String contentType, String url, ExtractOptions options) {
        return extractor.extract(bytes, contentType, url, options);
    }

    /** Cuts one version's blocks into provisions and structure. */
    public Segmentation segment(List<Block> blocks) {
        return segmenter.segment(Objects.requireNonNull(blocks, "blocks"));
    }

    /** The changes between two versions given as blocks (as carried by snapshots), with what they mean. */
    public DiffResult compare(List<Block> oldBlocks, List<Block> newBlocks) {
        return compare(segment(oldBlocks), segment(newBlocks));
    }

    /** The changes between two extracted versions. */
    public DiffResult compare(ExtractedDocument oldDocument, ExtractedDocument newDocument) {
        return compare(oldDocument.blocks(), newDocument.blocks());
    }

    /**
     * The changes between two segmented versions, each with what it means (significance, facts, note;
     * see {@link ChangeMeaning}) and the summary's substantive and editorial counts and headline.
     */
    public DiffResult compare(Segmentation oldVersion, Segmentation newVersion) {
        return ChangeMeaning.annotate(DocumentDiff.between(oldVersion, newVersion));
    }
}

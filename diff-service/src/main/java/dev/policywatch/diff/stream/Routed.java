package dev.policywatch.diff.stream;

import dev.policywatch.events.Block;
import dev.policywatch.events.DocumentChange;
import java.util.List;

/**
 * What {@link ChangeProcessor} hands downstream: a change (its JSON, the change itself and the blocks
 * of its new version, which {@link LineageProcessor} indexes), or the bytes of a dead letter.
 */
record Routed(boolean deadLetter, byte[] bytes, DocumentChange change, List<Block> blocks) {

    static Routed change(byte[] json, DocumentChange change, List<Block> blocks) {
        return new Routed(false, json, change, blocks);
    }

    static Routed deadLetter(byte[] original) {
        return new Routed(true, original, null, List.of());
    }

    /** What goes on the lineage repartition topic, keyed by jurisdiction. */
    LineageHop hop() {
        return new LineageHop(change, blocks);
    }
}

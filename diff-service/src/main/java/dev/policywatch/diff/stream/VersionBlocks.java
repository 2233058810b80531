package dev.policywatch.diff.stream;

import dev.policywatch.events.Block;
import java.util.List;

/** The blocks of a document's latest version, as kept in the {@value ChangeTopology#BLOCKS_STORE} store. */
public record VersionBlocks(List<Block> blocks) {

    public VersionBlocks {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}

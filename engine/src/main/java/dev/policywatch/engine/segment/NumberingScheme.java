package dev.policywatch.engine.segment;

import dev.policywatch.events.Block;
import java.util.List;

/**
 * One way documents number their provisions (第X条, identifier headings, Article/Section/§,
 * decimal sections, numbered points, plain headings). Each implementation finds, in the document
 * itself, the labels of its kind that form an increasing sequence at one level, and says what
 * every block is under that reading. {@link Segmenter} keeps the reading that explains most.
 */
interface NumberingScheme {

    /** The document read under this scheme, or null when the scheme does not occur in it. */
    Reading read(List<Block> blocks);

    /** A non-provision role for a block: its heading, or content. */
    static Role plain(Block b) {
        return b.type() == dev.policywatch.events.BlockType.HEADING ? Role.heading(b.text(), b.level()) : Role.CONTENT;
    }
}

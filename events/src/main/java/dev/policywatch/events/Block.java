package dev.policywatch.events;

import java.util.Objects;

/**
 * One block of a document's text, in reading order: a heading (with its level, 1 = outermost), a
 * paragraph, a list item or a table cell. Text is already normalised (white space collapsed, NBSP,
 * full-width spaces and zero-width characters removed) by the extraction.
 */
public record Block(BlockType type, int level, String text) {

    public Block {
        Objects.requireNonNull(type, "block type");
        Objects.requireNonNull(text, "block text");
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("block level must be 0..9, was " + level);
        }
        if (type != BlockType.HEADING && type != BlockType.LIST_ITEM) {
            level = 0;
        }
    }

    public static Block heading(int level, String text) {
        return new Block(BlockType.HEADING, level, text);
    }

    public static Block paragraph(String text) {
        return new Block(BlockType.PARAGRAPH, 0, text);
    }

    public static Block listItem(String text) {
        return new Block(BlockType.LIST_ITEM, 0, text);
    }

    public static Block tableCell(String text) {
        return new Block(BlockType.TABLE_CELL, 0, text);
    }
}

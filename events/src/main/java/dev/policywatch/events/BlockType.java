package dev.policywatch.events;

/** What kind of text a {@link Block} holds. */
public enum BlockType {
    HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL
}

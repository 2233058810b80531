package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkdownExtractorTest {

    @Test
    void headingsListsAdmonitionsAndInlineMarkupBecomeRenderedText() {
        String md = """
                # Title
                <!-- a comment -->
                ## ABC-01 Logging
                !!! quote ""
                    Providers **MUST** log _all_ changes &amp; keep [records](https://example.org).

                    1. First item
                    1. Second item
                - bullet
                ---
                | a | b |
                |---|---|
                """;

        ExtractedDocument doc = new MarkdownExtractor().extract(md.getBytes(StandardCharsets.UTF_8), null);

        assertThat(doc.title()).isEqualTo("Title");
        assertThat(doc.blocks()).extracting(Block::type, Block::text).containsExactly(
                tuple(BlockType.HEADING, "Title"),
                tuple(BlockType.HEADING, "ABC-01 Logging"),
                tuple(BlockType.PARAGRAPH, "Providers MUST log all changes & keep records."),
                tuple(BlockType.LIST_ITEM, "1. First item"),
                tuple(BlockType.LIST_ITEM, "2. Second item"),
                tuple(BlockType.LIST_ITEM, "bullet"),
                tuple(BlockType.TABLE_CELL, "a"),
                tuple(BlockType.TABLE_CELL, "b"));
    }

    @Test
    void setextHeadingsAreHeadingsAndBackslashEscapesAreLiteral() {
        String md = """
                海關管理進出口貨棧辦法
                ======================

                第一章 總則
                -----------

                第 98\\-1 條

                貨棧業者違反第 29 條規定者，處新臺幣三萬元以上罰鍰\\。

                Section 4\\.2 applies \\*only\\* to \\_records\\_ kept \\[by hand\\] \\(see \\#3\\)\\.

                1\\. Not a list item

                | a \\| b | c |

                A first line of a paragraph
                wrapped onto a second
                ---
                """;

        ExtractedDocument doc = new MarkdownExtractor().extract(md.getBytes(StandardCharsets.UTF_8), null);

        assertThat(doc.title()).isEqualTo("海關管理進出口貨棧辦法");
        assertThat(doc.blocks()).extracting(Block::type, Block::level, Block::text).containsExactly(
                tuple(BlockType.HEADING, 1, "海關管理進出口貨棧辦法"),
                tuple(BlockType.HEADING, 2, "第一章 總則"),
                tuple(BlockType.PARAGRAPH, 0, "第 98-1 條"),
                // only ASCII punctuation can be escaped (CommonMark): a backslash before 。 is printed
                tuple(BlockType.PARAGRAPH, 0, "貨棧業者違反第 29 條規定者，處新臺幣三萬元以上罰鍰\\。"),
                tuple(BlockType.PARAGRAPH, 0, "Section 4.2 applies *only* to _records_ kept [by hand] (see #3)."),
                tuple(BlockType.PARAGRAPH, 0, "1. Not a list item"),
                tuple(BlockType.TABLE_CELL, 0, "a | b"),
                tuple(BlockType.TABLE_CELL, 0, "c"),
                tuple(BlockType.HEADING, 2, "A first line of a paragraph wrapped onto a second"));
    }

    @Test
    void aRuleAfterABlankLineOrAListStaysARule() {
        String md = "Text\n\n---\n\n- item\n---\nMore\n";

        ExtractedDocument doc = new MarkdownExtractor().extract(md.getBytes(StandardCharsets.UTF_8), null);

        assertThat(doc.blocks()).extracting(Block::type, Block::text).containsExactly(
                tuple(BlockType.PARAGRAPH, "Text"),
                tuple(BlockType.LIST_ITEM, "item"),
                tuple(BlockType.PARAGRAPH, "More"));
    }
}

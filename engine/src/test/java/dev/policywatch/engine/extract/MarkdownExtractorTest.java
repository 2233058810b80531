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
}

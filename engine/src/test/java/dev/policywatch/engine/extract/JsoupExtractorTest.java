package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsoupExtractorTest {

    private final Extractor extractor = new Extractor();

    private ExtractedDocument html(String html, ExtractOptions options) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", null, options);
    }

    @Test
    void dropsNoiseAndKeepsHeadingsParagraphsListsAndCells() {
        ExtractedDocument doc = html("""
                <html><head><title>Rules</title><style>p{}</style></head><body>
                <header>Site header</header><nav>Menu</nav><script>alert(1)</script>
                <h1>Rules</h1><p>Intro <b>bold</b> text.</p>
                <h3>Section 1</h3><ol><li>First</li><li>Second</li></ol><ul><li>Bullet</li></ul>
                <table><tr><td>Cell A</td><th>Cell B</th></tr></table>
                <footer>Footer</footer><noscript>enable js</noscript></body></html>""", ExtractOptions.NONE);

        assertThat(doc.title()).isEqualTo("Rules");
        assertThat(doc.language()).isEqualTo("en");
        assertThat(doc.blocks()).extracting(Block::type, Block::level, Block::text).containsExactly(
                tuple(BlockType.HEADING, 1, "Rules"),
                tuple(BlockType.PARAGRAPH, 0, "Intro bold text."),
                tuple(BlockType.HEADING, 3, "Section 1"),
                tuple(BlockType.LIST_ITEM, 1, "1. First"),
                tuple(BlockType.LIST_ITEM, 1, "2. Second"),
                tuple(BlockType.LIST_ITEM, 1, "Bullet"),
                tuple(BlockType.TABLE_CELL, 0, "Cell A"),
                tuple(BlockType.TABLE_CELL, 0, "Cell B"));
    }

    @Test
    void brSeparatedLinesStaySeparateBlocks() {
        ExtractedDocument doc = html("<body><p>第一条 甲。<br>第二条 乙。<br/>第三条 丙。</p></body>", ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("第一条 甲。", "第二条 乙。", "第三条 丙。");
        assertThat(doc.language()).isNull(); // too little text to guess
    }

    @Test
    void contentSelectorAndExcludeSelectorsChooseTheText() {
        ExtractedDocument doc = html("<body><div class=side>Related</div><div id=main><p>Keep me</p>"
                + "<div class=share>Share this</div></div></body>", new ExtractOptions("#main", List.of(".share")));

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("Keep me");
    }

    @Test
    void nbspFullWidthAndZeroWidthSpacesAreNormalised() {
        ExtractedDocument doc = html("<p>第一条&nbsp;&nbsp;为了\u3000保护\u200B环境，\u00A0制定本法。</p>", ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("第一条 为了 保护环境， 制定本法。");
    }

    @Test
    void textAfterTheFirstClosingHtmlTagIsKept() {
        ExtractedDocument doc = html("<html><body><p>第一条 甲。</p></body></html><p>第二条 乙。</p></html>", ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("第一条 甲。", "第二条 乙。");
    }

    @Test
    void nestedTablesYieldTheInnerCells() {
        ExtractedDocument doc = html("<table><tr><td>Outer<table><tr><td>Inner 1</td><td>Inner 2</td></tr></table></td>"
                + "<td>Right</td></tr></table>", ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("Outer", "Inner 1", "Inner 2", "Right");
        assertThat(doc.blocks()).extracting(Block::type).containsOnly(BlockType.TABLE_CELL);
    }
}

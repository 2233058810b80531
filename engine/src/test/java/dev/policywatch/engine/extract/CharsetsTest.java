package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Block;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private final Extractor extractor = new Extractor();

    @Test
    void gb2312LabelledPageWithGbkOnlyCharactersDecodesWithoutReplacementCharacters() {
        // 镕 and 堃 are in GBK but not in GB2312: strict GB2312 decoding would give U+FFFD
        String text = "第一条 朱镕基和王堃的名字。";
        byte[] html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + text + "</p></body></html>").getBytes(Charset.forName("GBK"));

        ExtractedDocument doc = extractor.extract(html, "text/html", null, ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly(text);
        assertThat(doc.blocks().get(0).text()).doesNotContain("\uFFFD");
    }

    @Test
    void httpHeaderCharsetWinsOverMeta() {
        byte[] html = "<meta charset=\"utf-8\"><p>第一条 甲。</p>".getBytes(Charset.forName("GB18030"));

        assertThat(Charsets.detect(html, "text/html; charset=GBK", true).name()).isEqualTo("GB18030");
        assertThat(extractor.extract(html, "text/html; charset=GBK", null, ExtractOptions.NONE).blocks())
                .extracting(Block::text).containsExactly("第一条 甲。");
    }

    @Test
    void byteOrderMarkWinsOverEverything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes("<p>Hello 世界</p>".getBytes(StandardCharsets.UTF_16LE));

        ExtractedDocument doc = extractor.extract(out.toByteArray(), "text/html; charset=iso-8859-1", null, ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("Hello 世界");
    }

    @Test
    void unlabelledGbkTextIsRecognised() {
        byte[] text = "第一条 为了保护环境，制定本法。".getBytes(Charset.forName("GBK"));

        assertThat(Charsets.detect(text, null, false).name()).isEqualTo("GB18030");
        assertThat(Charsets.forLabel("gb2312").name()).isEqualTo("GB18030");
        assertThat(Charsets.forLabel("x-gbk").name()).isEqualTo("GB18030");
        assertThat(Charsets.forLabel("no-such-charset")).isNull();
    }
}

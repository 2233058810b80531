package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Block;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Unlabelled Big5 (a .txt from Taiwan, a page with no meta) used to be read as GB18030: nonsense. */
    @ParameterizedTest
    @ValueSource(strings = {
        "第一條 主管機關應於每年公告資料處理之檢查結果。",
        "第二條　本辦法所稱業者，指提供網路服務之事業。\n第三條　業者應保存紀錄一年。",
        "一、適用範圍\n二、名詞定義：本規範所稱個人資料，係指可識別個人之資料。",
        "Article 1 (總則) 本法依憲法制定之。",
    })
    void unlabelledBig5TextIsRecognised(String text) {
        byte[] bytes = text.getBytes(Charset.forName("Big5"));

        Charset detected = Charsets.detect(bytes, null, false);

        assertThat(Charsets.decode(bytes, detected)).isEqualTo(text);
        assertThat(Charsets.forLabel("big5")).isEqualTo(detected);
    }

    /** Simplified Chinese in GB2312 or GBK is never taken for Big5, whatever its characters. */
    @Property(tries = 200)
    void gbTextIsNeverTakenForBig5(@ForAll("gb2312Text") String text, @ForAll boolean gbk) {
        byte[] bytes = text.getBytes(Charset.forName(gbk ? "GBK" : "GB2312"));

        // a few GB bytes can also be valid UTF-8 (隆 is C2 A1, ¡ in UTF-8): UTF-8 wins those, as before
        net.jqwik.api.Assume.that(!isUtf8(bytes));
        Charset detected = Charsets.detect(bytes, null, false);

        assertThat(detected.name()).isEqualTo("GB18030");
        assertThat(Charsets.decode(bytes, detected)).isEqualTo(text);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> gb2312Text() {
        // any GB2312 character (rows 0xB0-0xF7: the hanzi), mixed with ASCII and full-width punctuation
        Arbitrary<String> hanzi = Arbitraries.integers().between(0xB0, 0xF7).flatMap(lead -> Arbitraries.integers()
                .between(0xA1, 0xFE).map(trail -> new String(new byte[] {(byte) (int) lead, (byte) (int) trail},
                        Charset.forName("GB2312"))))
                .filter(c -> !c.contains("\uFFFD"));
        Arbitrary<String> other = Arbitraries.of("，", "。", "、", "（一）", "第十条", " ", "\n", "2025", "a");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, hanzi), net.jqwik.api.Tuple.of(1, other))
                .list().ofMinSize(1).ofMaxSize(60).map(l -> String.join("", l));
    }
}

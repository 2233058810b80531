package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.segment.Provision;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    /** The cross-reference expression as it was run before the prefilter: find() over every position. */
    private static final Pattern REFERENCE = Pattern.compile(
            "第([零〇一二两三四五六七八九十百千万0-9]+)条(之[一二三四五六七八九十]+)?"
                    + "|(?i:\\b(article|section|sec\\.|art\\.))\\s*(\\d+[a-z]?(?:\\.\\d+)*)"
                    + "|§{1,2}\\s*(\\d+[a-z]?(?:\\.\\d+)*)");

    private static final String[] PIECES = {
        "第十条", "第二十四条之一", "第3条", "第十", "条", "依照本法", "第", "十", "之二", "Article 5", "article 12a",
        "ARTICLE 3.2", "Art. 7", "art.7", "particle 5", "Section 2", "sections 4", "Sec. 9.1", "sec 9", "§ 1.2", "§§3",
        "§", " ", "  ", "\n", "本Article 4", "_section 3", "a", "s", "A", "S", "rt", "ec", "5", "，", "。", "（一）", "Ｓｅｃｔｉｏｎ ３",
        "é", "ﬁ", "①", "㈠", "\u3000", "　", "“引号”", "—", "x\u0301", "\uD840\uDC00",
    };

    @Test
    void maskedFindsTheSameReferencesAsTheUnfilteredExpression() {
        Random random = new Random(11);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random);

            assertThat(CanonicalText.masked(text)).as(text).isEqualTo(maskedByFind(text));
            assertThat(CanonicalText.referencesInFolded(text)).as(text).isEqualTo(referencesByFind(text));
        }
    }

    @Test
    void fastNfkcAgreesWithTheJdkNormaliser() {
        Random random = new Random(5);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random);
            assertThat(CanonicalText.nfkc(text)).as(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFKC));
        }
        for (char c : CanonicalText.NFKC_STABLE.toCharArray()) {
            assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC)).as("U+%04X", (int) c).isTrue();
        }
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
            assertThat(CanonicalText.nfkc("甲" + c + "乙")).isEqualTo(Normalizer.normalize("甲" + c + "乙", Normalizer.Form.NFKC));
        }
    }

    @Test
    void formsAreComputedOnceAndMatchTheTextFunctions() {
        Provision p = new Provision("第十条", List.of("第十条"), "标题", "违反本法第二十七条规定的，依照第 三 条处罚。", false);

        CanonicalForms forms = CanonicalForms.of(p);

        assertThat(forms.canonical()).isEqualTo(CanonicalText.canonical(p.fullText()));
        assertThat(forms.masked()).isEqualTo("标题违反本法第#条规定的,依照第#条处罚.");
        assertThat(forms.references()).containsExactly("第二十七条");
        assertThat(forms.tokenSource()).isEqualTo(CanonicalText.masked(CanonicalText.folded(p.fullText())));
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int k = 0; k < pieces; k++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String maskedByFind(String canonical) {
        Matcher m = REFERENCE.matcher(canonical);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(canonical, last, m.start());
            if (m.group(1) != null) {
                sb.append("第#条");
            } else if (m.group(3) != null) {
                sb.append(m.group(3).toLowerCase(java.util.Locale.ROOT)).append('#');
            } else {
                sb.append("§#");
            }
            last = m.end();
        }
        return sb.append(canonical, last, canonical.length()).toString();
    }

    private static List<String> referencesByFind(String folded) {
        List<String> refs = new ArrayList<>();
        Matcher m = REFERENCE.matcher(folded);
        while (m.find()) {
            if (m.group(1) != null) {
                refs.add("第" + m.group(1) + "条" + (m.group(2) == null ? "" : m.group(2)));
            } else if (m.group(3) != null) {
                refs.add((m.group(3).toLowerCase(java.util.Locale.ROOT).startsWith("art") ? "Article" : "Section") + " " + m.group(4));
            } else {
                refs.add("§ " + m.group(5));
            }
        }
        return refs;
    }
}

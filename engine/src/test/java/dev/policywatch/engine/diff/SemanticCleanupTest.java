package dev.policywatch.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.DiffOp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Readable inline diffs: before (the minimal diff) and after (what {@link WordDiff#diff} returns). */
class SemanticCleanupTest {

    @Test
    void chineseConfettiOfSingleCharacterEqualitiesBecomesOneEdit() {
        String old = "行政机关应当向社会公开政府信息，但是涉及国家秘密的除外。";
        String neu = "行政机关应当主动公开本行政机关的政府信息，涉及国家秘密的不予公开。";

        assertThat(inline(WordDiff.minimal(old, neu)))
                .isEqualTo("行政机关应当[-向社会-]{+主动+}公开{+本行+}政{+机关的政+}府信息，[-但是-]涉及国家秘密的[-除外-]{+不予公开+}。");
        assertThat(inline(WordDiff.diff(old, neu)))
                .isEqualTo("行政机关应当[-向社会公开-]{+主动公开本行政机关的+}政府信息，[-但是-]涉及国家秘密的[-除外-]{+不予公开+}。");
    }

    @Test
    void englishWordsRewrittenInARowReadAsOnePhrase() {
        String old = "Providers MUST notify all parties within 30 days.";
        String neu = "Providers SHOULD promptly tell all affected parties within 10 business days.";

        assertThat(inline(WordDiff.minimal(old, neu)))
                .isEqualTo("Providers [-MUST-]{+SHOULD+} [-notify-]{+promptly+} {+tell +}all {+affected +}parties within [-30-]{+10 business+} days.");
        assertThat(inline(WordDiff.diff(old, neu)))
                .isEqualTo("Providers [-MUST notify all-]{+SHOULD promptly tell all affected+} parties within [-30-]{+10 business+} days.");
    }

    @Test
    void anInsertedClauseSlidesToTheClauseBoundary() {
        String old = "应当报告，及时处理。";
        String neu = "应当报告，及时报告，及时处理。";

        assertThat(inline(WordDiff.minimal(old, neu))).isEqualTo("应当报告，及时{+报告，及时+}处理。");
        assertThat(inline(WordDiff.diff(old, neu))).isEqualTo("应当报告，{+及时报告，+}及时处理。");
    }

    @Test
    void anEqualityLongerThanTheEditsAroundItStays() {
        String old = "甲方应当在三十日内书面通知乙方。";
        String neu = "丙方应当在三十日内书面通知丁方。";

        assertThat(inline(WordDiff.diff(old, neu))).isEqualTo("[-甲-]{+丙+}方应当在三十日内书面通知[-乙-]{+丁+}方。");
    }

    @Test
    void boundariesScoreLineBreaksAboveSentencesAboveSpacesAbovePunctuationAboveWords() {
        assertThat(SemanticCleanup.score("", "x")).isEqualTo(6);
        assertThat(SemanticCleanup.score("a\n\n", "b")).isEqualTo(5);
        assertThat(SemanticCleanup.score("a\n", "b")).isEqualTo(4);
        assertThat(SemanticCleanup.score("end.", " Next")).isEqualTo(3);
        assertThat(SemanticCleanup.score("报告，", "并")).isEqualTo(3);
        assertThat(SemanticCleanup.score("word", " next")).isEqualTo(2);
        assertThat(SemanticCleanup.score("word", "-next")).isEqualTo(1);
        assertThat(SemanticCleanup.score("wo", "rd")).isZero();
        assertThat(SemanticCleanup.score("报", "告")).isZero();
    }

    @Test
    void similarityIsMeasuredOnTheMinimalDiffNotTheReadableOne() {
        String old = "行政机关应当向社会公开政府信息，但是涉及国家秘密的除外。";
        String neu = "行政机关应当主动公开本行政机关的政府信息，涉及国家秘密的不予公开。";

        WordDiff.Comparison comparison = WordDiff.compare(old, neu);

        assertThat(comparison.ops()).isEqualTo(WordDiff.diff(old, neu));
        assertThat(comparison.similarity()).isEqualTo(WordDiff.similarity(WordDiff.minimal(old, neu)))
                .isGreaterThan(WordDiff.similarity(comparison.ops()));
    }

    @Test
    void opsSpellBothTextsExactlyForManyRandomPairs() {
        Random random = new Random(20_26);
        String[] alphabet = {"申", "请", "人", "应", "当", "提", "交", "，", "。", "第十条", " ", "\n", "the ", "provider ",
            "must", "notify", ".", ", ", "MUST", "\uD840\uDC00", "\uD840\uDC01", "a", "ab"};
        for (int round = 0; round < 3_000; round++) {
            String old = randomText(random, alphabet, random.nextInt(40));
            String neu = random.nextInt(4) == 0 ? randomText(random, alphabet, random.nextInt(40)) : edit(random, old, alphabet);

            for (List<DiffOp> ops : List.of(WordDiff.minimal(old, neu), WordDiff.diff(old, neu))) {
                assertThat(spell(ops, DiffOp.Op.INSERT)).as("old of %s → %s: %s", old, neu, ops).isEqualTo(old);
                assertThat(spell(ops, DiffOp.Op.DELETE)).as("new of %s → %s: %s", old, neu, ops).isEqualTo(neu);
                for (int k = 0; k < ops.size(); k++) {
                    DiffOp op = ops.get(k);
                    assertThat(op.text()).as("%s", ops).isNotEmpty();
                    assertThat(Character.isLowSurrogate(op.text().charAt(0))).as("cut surrogate pair in %s", ops).isFalse();
                    if (k > 0) {
                        assertThat(op.op()).as("adjacent runs of one kind in %s", ops).isNotEqualTo(ops.get(k - 1).op());
                    }
                }
            }
        }
    }

    @Test
    void theMinimalDiffKeepsALongestCommonSubsequenceOfTokens() {
        Random random = new Random(7);
        String[] alphabet = {"甲", "乙", "丙", "丁", "，", "word", " ", "other"};
        for (int round = 0; round < 500; round++) {
            String old = randomText(random, alphabet, random.nextInt(60));
            String neu = edit(random, old, alphabet);
            List<String> ta = WordDiff.tokens(old);
            List<String> tb = WordDiff.tokens(neu);

            // equal runs start and end on token boundaries, so re-cutting them gives the kept tokens
            int kept = 0;
            for (DiffOp op : WordDiff.minimal(old, neu)) {
                if (op.op() == DiffOp.Op.EQUAL) {
                    kept += WordDiff.tokens(op.text()).size();
                }
            }

            assertThat(kept).as("%s → %s", old, neu).isEqualTo(lcs(ta, tb));
        }
    }

    private static String inline(List<DiffOp> ops) {
        StringBuilder sb = new StringBuilder();
        for (DiffOp op : ops) {
            switch (op.op()) {
                case EQUAL -> sb.append(op.text());
                case DELETE -> sb.append("[-").append(op.text()).append("-]");
                case INSERT -> sb.append("{+").append(op.text()).append("+}");
            }
        }
        return sb.toString();
    }

    /** The text of every run except those of kind {@code skip}. */
    private static String spell(List<DiffOp> ops, DiffOp.Op skip) {
        StringBuilder sb = new StringBuilder();
        ops.stream().filter(op -> op.op() != skip).forEach(op -> sb.append(op.text()));
        return sb.toString();
    }

    private static String randomText(Random random, String[] alphabet, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pieces; k++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** A few deletions, insertions and replacements of pieces, at piece boundaries or anywhere. */
    private static String edit(Random random, String text, String[] alphabet) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
            if (at > 0 && at < sb.length() && Character.isLowSurrogate(sb.charAt(at))) {
                at--;
            }
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, alphabet[random.nextInt(alphabet.length)]);
                case 1 -> {
                    int end = Math.min(sb.length(), at + 1 + random.nextInt(4));
                    if (end < sb.length() && Character.isLowSurrogate(sb.charAt(end))) {
                        end++;
                    }
                    sb.delete(at, end);
                }
                default -> sb.insert(at, alphabet[random.nextInt(alphabet.length)] + alphabet[random.nextInt(alphabet.length)]);
            }
        }
        return sb.toString();
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] dp = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                dp[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        return dp[a.size()][b.size()];
    }
}

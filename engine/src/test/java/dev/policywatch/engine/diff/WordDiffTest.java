package dev.policywatch.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policywatch.events.DiffOp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void englishIsDiffedWordByWord() {
        List<DiffOp> ops = WordDiff.diff("Providers MUST notify all parties.", "Providers SHOULD notify all parties.");

        assertThat(ops).containsExactly(DiffOp.equal("Providers "), DiffOp.delete("MUST"), DiffOp.insert("SHOULD"),
                DiffOp.equal(" notify all parties."));
    }

    @Test
    void chineseIsDiffedCharacterByCharacter() {
        List<DiffOp> ops = WordDiff.diff("从事新闻、出版、教育、医疗保健等服务", "从事新闻、出版、教育等服务");

        assertThat(ops).containsExactly(DiffOp.equal("从事新闻、出版、教育"), DiffOp.delete("、医疗保健"), DiffOp.equal("等服务"));
    }

    @Test
    void similarityIsOneForEqualTextsAndZeroForDisjointOnes() {
        assertThat(WordDiff.similarity(WordDiff.diff("same text", "same text"))).isEqualTo(1.0);
        assertThat(WordDiff.similarity(WordDiff.diff("abc", "xyz"))).isEqualTo(0.0);
        assertThat(WordDiff.similarity(WordDiff.diff("one two three", "one two four"))).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void hugeDifferingTextsFallBackToACoarseDiffInBoundedTime() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            a.append("w").append(i).append(' ');
            b.append("v").append(i).append(' ');
        }

        List<DiffOp> ops = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WordDiff.diff(a.toString(), b.toString()));

        assertThat(ops).hasSizeLessThanOrEqualTo(3);
        assertThat(ops).extracting(DiffOp::op).startsWith(DiffOp.Op.DELETE, DiffOp.Op.INSERT);
    }

    @Test
    void aRewriteBeyondTheTraceBudgetIsDiffedLineByLine() {
        // 1,000 lines of two CJK characters; every fourth line kept, the others rewritten with other
        // characters: ~3,000 token edits, more than MAX_TRACE allows, so whole lines are compared
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            if (i % 4 == 0) {
                String same = "" + (char) (0x8000 + 2 * i) + (char) (0x8000 + 2 * i + 1) + "\n";
                a.append(same);
                b.append(same);
            } else {
                a.append((char) (0x4E00 + 2 * i)).append((char) (0x4E00 + 2 * i + 1)).append('\n');
                b.append((char) (0x6000 + 2 * i)).append((char) (0x6000 + 2 * i + 1)).append('\n');
            }
        }

        List<DiffOp> ops = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WordDiff.minimal(a.toString(), b.toString()));

        // whole lines (the common last line break was trimmed as suffix before the cut)
        assertThat(ops.subList(0, ops.size() - 3)).allSatisfy(op -> assertThat(op.text()).endsWith("\n"));
        assertThat(ops.get(ops.size() - 1)).isEqualTo(DiffOp.equal("\n"));
        assertThat(ops).filteredOn(op -> op.op() == DiffOp.Op.EQUAL).hasSize(251);
        assertThat(ops.stream().filter(op -> op.op() != DiffOp.Op.INSERT).map(DiffOp::text).reduce("", String::concat))
                .isEqualTo(a.toString());
    }
}

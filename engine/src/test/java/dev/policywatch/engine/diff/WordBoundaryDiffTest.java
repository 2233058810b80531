package dev.policywatch.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.DiffOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression: the cleanup moved a shared last letter out of a replaced English word ("[-fiv-]{+thre+}e"). */
class WordBoundaryDiffTest {

    @Test
    void aReplacedEnglishWordIsReplacedWhole() {
        String old = "Incident response\n4.1 Incidents are reported to the AI governance board within five working days.";
        String neu = "Incident response\n4.1 Incidents are reported to the AI governance board within three working days.\n"
                + "4.2 Serious incidents are also reported to the people affected.";
        List<DiffOp> ops = WordDiff.diff(old, neu);
        assertThat(ops).contains(DiffOp.delete("five"), DiffOp.insert("three"));
        assertThat(ops.stream().map(DiffOp::text)).noneMatch(t -> t.equals("fiv") || t.equals("thre"));
    }

    @Test
    void sharedWordPrefixesStayWithTheWord() {
        List<DiffOp> ops = WordDiff.diff("the reviewer approved it, then left", "the reviewed approval came, then left");
        assertThat(ops).contains(DiffOp.delete("reviewer approved it"), DiffOp.insert("reviewed approval came"));
        assertThat(ops.stream().filter(o -> o.op() == DiffOp.Op.EQUAL).map(DiffOp::text))
                .noneMatch(t -> t.endsWith("review") || t.endsWith("approv"));
    }
}

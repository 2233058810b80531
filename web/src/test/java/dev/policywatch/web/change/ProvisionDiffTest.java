package dev.policywatch.web.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.Language;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.support.LanguageBundle;
import dev.policywatch.web.page.PageText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisionDiffTest {

    static final PageText EN = new PageText(new LanguageBundle("i18n/web"), Language.EN, "/");
    static final PageText ZH = new PageText(new LanguageBundle("i18n/web"), Language.ZH_CN, "/");

    @Test
    void splitsTheDiffIntoBeforeWithDeletionsAfterWithInsertionsAndInlineWithBoth() {
        ProvisionDiff d = ProvisionDiff.of(new ProvisionChange(ChangeType.MODIFIED, "Article 5", "Article 5",
                List.of("Chapter II", "Article 5"), List.of("Chapter II", "Article 5"), "keep five years", "keep ten years",
                0.74, List.of(DiffOp.equal("keep "), DiffOp.delete("five"), DiffOp.insert("ten"), DiffOp.equal(" years"))), EN);
        assertThat(d.before()).containsExactly(new Segment("same", "keep "), new Segment("del", "five"),
                new Segment("same", " years"));
        assertThat(d.after()).containsExactly(new Segment("same", "keep "), new Segment("ins", "ten"),
                new Segment("same", " years"));
        assertThat(d.inline()).extracting(Segment::kind).containsExactly("same", "del", "ins", "same");
        assertThat(d.label()).isEqualTo("Article 5");
        assertThat(d.location()).isEqualTo("Chapter II");
        assertThat(d.similarity()).isEqualTo(74);
        assertThat(d.textChanged()).isTrue();
    }

    @Test
    void mergesAdjacentRunsOfTheSameKind() {
        ProvisionDiff d = ProvisionDiff.of(new ProvisionChange(ChangeType.MODIFIED, "第十条", "第十条", null, null,
                "甲乙", "甲丙丁", 0.5, List.of(DiffOp.equal("甲"), DiffOp.delete("乙"), DiffOp.insert("丙"),
                DiffOp.insert("丁"))), EN);
        assertThat(d.after()).containsExactly(new Segment("same", "甲"), new Segment("ins", "丙丁"));
    }

    @Test
    void anAddedProvisionWithoutADiffIsOneInsertionAndHasNoBefore() {
        ProvisionDiff d = ProvisionDiff.of(new ProvisionChange(ChangeType.ADDED, null, "第十一条", null,
                List.of("第三章", "第十一条"), null, "新的条文。", 0, List.of()), EN);
        assertThat(d.hasBefore()).isFalse();
        assertThat(d.after()).containsExactly(new Segment("ins", "新的条文。"));
        assertThat(d.inline()).containsExactly(new Segment("ins", "新的条文。"));
        assertThat(d.similarity()).isEqualTo(-1);
    }

    @Test
    void aRenumberedProvisionIsLabelledOldToNewAndHasNoTextChange() {
        ProvisionDiff d = ProvisionDiff.of(new ProvisionChange(ChangeType.RENUMBERED, "第十一条", "第十二条", null, null,
                "同样的文字。", "同样的文字。", 1.0, List.of(DiffOp.equal("同样的文字。"))), EN);
        assertThat(d.label()).isEqualTo("第十一条 → 第十二条");
        assertThat(d.relabelled()).isTrue();
        assertThat(d.textChanged()).isFalse();
    }

    @Test
    void aRemovedProvisionIsOneDeletionAndHasNoAfter() {
        ProvisionDiff d = ProvisionDiff.of(new ProvisionChange(ChangeType.REMOVED, "3.5", null, null, null,
                "Gone.", null, 0, List.of()), EN);
        assertThat(d.hasAfter()).isFalse();
        assertThat(d.before()).containsExactly(new Segment("del", "Gone."));
        assertThat(d.label()).isEqualTo("3.5");
    }

    @Test
    void typesEditorialKindsAndAMissingLabelAreInTheReadersLanguage() {
        ProvisionChange unnumbered = new ProvisionChange(ChangeType.MODIFIED, null, null, null, null, "甲。", "甲",
                0.9, List.of(DiffOp.equal("甲"), DiffOp.delete("。")), dev.policywatch.events.Significance.EDITORIAL,
                List.of(dev.policywatch.events.EditorialKind.PUNCTUATION, dev.policywatch.events.EditorialKind.VARIANT),
                List.of(), null);
        ProvisionDiff en = ProvisionDiff.of(unnumbered, EN);
        ProvisionDiff zh = ProvisionDiff.of(unnumbered, ZH);
        assertThat(en.numbered()).isFalse();
        assertThat(en.label()).isEqualTo("(unnumbered)");
        assertThat(zh.label()).isEqualTo("（无编号）");
        assertThat(en.typeLabel()).isEqualTo("Modified");
        assertThat(zh.typeLabel()).isEqualTo("修改");
        assertThat(en.editorialKinds()).isEqualTo("punctuation, variant characters");
        assertThat(zh.editorialKinds()).isEqualTo("标点、异体字");
    }
}

package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Document-wide rename learning ({@link Renames}) on our own small texts. */
class RenamesTest {

    private static String[] pair(String old, String neu) {
        return new String[] {old, neu};
    }

    @Test
    void aRenameShownByTwoPairsIsLearnedAndApplied() {
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("本办法由考核评定委员会负责解释.", "本办法由文化和旅游主管部门负责解释."),
                pair("考核评定委员会组织实施全国导游等级考核工作.", "文化和旅游主管部门组织实施全国导游等级考核工作."),
                pair("导游等级分为初级,中级,高级,特级四个等级.", "导游等级分为初级,中级,高级,特级四个等级.")));

        assertThat(renames).extracting(Renames.Rename::from, Renames.Rename::to, Renames.Rename::support)
                .contains(org.assertj.core.groups.Tuple.tuple("考核评定委员会", "文化和旅游主管部门", 2));
        assertThat(Renames.apply(renames, "导游等级证书由考核评定委员会统一印制."))
                .isEqualTo("导游等级证书由文化和旅游主管部门统一印制.");
    }

    @Test
    void aRenameInsideARewriteIsLearnedWhenAnotherPairShowsItCleanly() {
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("the Secretary shall publish the list.", "the Administrator shall publish the list."),
                pair("Each year the Secretary reviews the fees charged to applicants.",
                        "Fees are set by the Administrator after notice and comment.")));

        assertThat(renames).extracting(Renames.Rename::from, Renames.Rename::to)
                .contains(org.assertj.core.groups.Tuple.tuple("Secretary", "Administrator"));
        assertThat(Renames.apply(renames, "The Secretary may waive the fee.")).isEqualTo("The Administrator may waive the fee.");
    }

    @Test
    void aSubstitutionSeenInOnePairIsACoincidenceNotARule() {
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("申请人应当在五日内提交材料.", "申请人应当在十日内提交材料."),
                pair("主管部门应当公开办事指南.", "主管部门应当公开办事指南和流程."),
                pair("本办法自公布之日起施行.", "本办法自2025年3月1日起施行.")));

        assertThat(renames).isEmpty();
    }

    @Test
    void aTermTheNewVersionStillUsesElsewhereIsNotRenamed() {
        // 五日 → 十日 twice, but a third provision keeps 五日: a local edit, not a document-wide rename
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("申请人应当在五日内提交材料.", "申请人应当在十日内提交材料."),
                pair("主管部门应当在五日内答复.", "主管部门应当在十日内答复."),
                pair("复核结果应当在五日内告知申请人.", "复核结果应当在五日内告知申请人并说明理由.")));

        assertThat(renames).extracting(Renames.Rename::from).doesNotContain("五日", "五");
    }

    @Test
    void aNewTermTheOldVersionAlreadyUsedIsNoRename() {
        // 部门 → 机关 twice, but the old version already says 机关: the words changed roles, no new name came in
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("由主管部门负责监督检查.", "由主管机关负责监督检查."),
                pair("主管部门应当公开办事指南.", "主管机关应当公开办事指南."),
                pair("监察机关依法处理.", "监察机关依法处理并通报.")));

        assertThat(renames).extracting(Renames.Rename::to).doesNotContain("机关");
    }

    @Test
    void aDeletionIsLearnedInItsContext() {
        List<Renames.Rename> renames = Renames.learn(List.of(
                pair("导游人员等级分为四个等级.", "导游等级分为四个等级."),
                pair("导游人员等级考核工作遵循自愿原则.", "导游等级考核工作遵循自愿原则.")));

        assertThat(Renames.apply(renames, "鼓励导游人员积极参加导游人员等级考核.")).isEqualTo("鼓励导游积极参加导游等级考核.");
    }
}

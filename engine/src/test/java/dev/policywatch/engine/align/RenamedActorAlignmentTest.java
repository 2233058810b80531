package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rewrite that renames its actor throughout: the provisions paired with confidence show the
 * rename, and the old provisions that were still unpaired are compared again under the new name.
 * Our own small documents.
 */
class RenamedActorAlignmentTest {

    private static List<ProvisionChange> compare(List<String> old, List<String> neu) {
        return new Engine().compare(old.stream().map(Block::paragraph).toList(), neu.stream().map(Block::paragraph).toList())
                .changes();
    }

    private static final List<String> OLD = Arrays.asList(
            "第一条 为了规范导游等级考核，提高导游服务质量，制定本办法。",
            "第二条 全国导游等级考核评定委员会组织实施全国导游等级考核工作，各省设立办公室协助开展工作。",
            "第三条 中级导游的考核采取笔试方式，由全国导游等级考核评定委员会统一命题。",
            "第四条 导游等级证书由全国导游等级考核评定委员会统一印制。",
            "第五条 国家旅游局组织设立全国导游等级考核评定委员会。",
            "第六条 考核收费按照国家有关部门审批的标准执行。",
            "第七条 本办法自2005年7月3日起施行。");

    private static final List<String> NEW = Arrays.asList(
            "第一条 为了规范导游等级考核，提高导游综合素质和职业技能，制定本办法。",
            "第二条 导游等级证书由国务院文化和旅游主管部门委托省级文化和旅游主管部门发放，其样式由国务院文化和旅游主管部门制定。",
            "第三条 国务院文化和旅游主管部门组织实施全国导游等级考核工作，省级文化和旅游主管部门负责具体工作。",
            "第四条 中级导游的考核原则上采取笔试方式，由国务院文化和旅游主管部门统一命题，每2年开展一次。",
            "第五条 申请人应当践行社会主义核心价值观，具备良好的职业道德。",
            "第六条 国务院文化和旅游主管部门不断完善导游等级考核制度，激励导游提升等级。",
            "第七条 本办法自2025年3月1日起施行。");

    @Test
    void anArticleThatMovedUnderTheNewNameIsPairedWithItsSuccessor() {
        assertThat(compare(OLD, NEW))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .contains(tuple(ChangeType.MODIFIED, "第二条", "第三条"),
                        tuple(ChangeType.MODIFIED, "第三条", "第四条"),
                        tuple(ChangeType.MODIFIED, "第四条", "第二条"));
    }

    @Test
    void theRenameDoesNotPairAProvisionThatWasRemoved() {
        // old 第五条 (the committee is set up) reads "…设立国务院文化和旅游主管部门" once renamed, close to new
        // 第六条; it has no successor and stays removed, and 第六条 added
        assertThat(compare(OLD, NEW))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .contains(tuple(ChangeType.REMOVED, "第五条", null),
                        tuple(ChangeType.REMOVED, "第六条", null),
                        tuple(ChangeType.ADDED, null, "第五条"),
                        tuple(ChangeType.ADDED, null, "第六条"));
    }
}

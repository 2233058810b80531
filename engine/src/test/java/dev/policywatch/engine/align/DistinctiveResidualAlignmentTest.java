package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The residual pass: two provisions left unpaired by every other pass are paired when they share a
 * feature found in no other provision of either version, are each other's most similar leftover, and
 * cite nothing that disagrees. Our own small documents (a training rule replaced by a new one).
 */
class DistinctiveResidualAlignmentTest {

    private static List<Block> rule(String... articles) {
        return Arrays.stream(articles).map(Block::paragraph).toList();
    }

    private static List<Tuple> changes(List<Block> old, List<Block> neu) {
        List<ProvisionChange> changes = new Engine().compare(old, neu).changes();
        return changes.stream().map(c -> tuple(c.type(), c.oldLabel(), c.newLabel())).toList();
    }

    private static final List<Block> OLD = rule(
            "第一条 为了加强食品安全培训管理，提高从业人员素质，制定本办法。",
            "第二条 培训工作遵循统一规划、分级实施、注重实效的原则。",
            "第三条 从业人员培训分为入职、在岗、专项三类。",
            "第四条 市场监督管理部门负责制定培训大纲，并对培训工作进行监督检查。",
            "第五条 培训考核合格的，由培训机构发给合格证明。",
            "第六条 餐饮企业和行业协会应当采取有效措施，鼓励从业人员积极参加培训考核。",
            "第七条 培训收费按照价格主管部门核定的标准执行。",
            "第八条 本办法自2020年1月1日起施行。");

    @Test
    void aRewrittenArticleMovedAcrossPairsIsFoundByTheRareSubjectItKeeps() {
        // old 第六条 (catering businesses encourage training) is rewritten and moved after the fees
        // article: it keeps only its subject, 餐饮企业, named nowhere else in either version
        List<Block> neu = rule(
                "第一条 为了加强食品安全培训管理，提高从业人员综合素质和职业技能，制定本办法。",
                "第二条 培训工作遵循统一规划、分级实施、科学规范、注重实效的原则。",
                "第三条 从业人员培训分为入职、在岗、专项三类。",
                "第四条 申请参加培训的人员，应当具备相应的文化程度和健康证明。",
                "第五条 培训考核合格的，由培训机构发给合格证明。",
                "第六条 复核申请在结果公布之日起五日内提出。",
                "第七条 培训收费按照价格主管部门核定的标准执行，不得另行收取费用。",
                "第八条 支持餐饮企业建立与培训考核结果相匹配的薪酬制度，引导从业人员提升技能等级。",
                "第九条 本办法自2025年1月1日起施行。");
        List<Tuple> changes = changes(OLD, neu);
        assertThat(changes).contains(tuple(ChangeType.MODIFIED, "第六条", "第八条"))
                .doesNotContain(tuple(ChangeType.REMOVED, "第六条", null), tuple(ChangeType.ADDED, null, "第八条"));
        // the leftovers that share only words found elsewhere (培训工作, 主管部门) stay apart
        assertThat(changes).contains(tuple(ChangeType.REMOVED, "第四条", null), tuple(ChangeType.ADDED, null, "第六条"));
    }

    @Test
    void penaltyArticlesThatPenaliseDifferentDutiesStayApart() {
        // the old penalty article punishes a breach of 第二条 (publishing sources), the new one, moved to
        // the front, a breach of new 第四条 (old 第三条, buying): they share the penalty's wording, found
        // nowhere else, and are each other's only leftover, but their citations disagree
        List<Block> old = rule(
                "第一条 为了规范食品原料采购，制定本办法。",
                "第二条 经营者应当公示食品原料的来源和检验报告。",
                "第三条 经营者不得采购来源不明或者无检验报告的食品原料。",
                "第四条 违反本办法第二条规定，未公示原料来源的，由主管部门责令限期改正；逾期不改正的，处二千元以上一万元以下罚款。",
                "第五条 本办法自2020年1月1日起施行。");
        List<Block> neu = rule(
                "第一条 为了规范食品原料采购，制定本办法。",
                "第二条 违反本办法第四条规定的，没收违法所得，并处货值金额五倍以上十倍以下罚款；情节严重的，吊销许可证。",
                "第三条 经营者应当公示食品原料的来源和检验报告。",
                "第四条 经营者不得采购来源不明或者无检验报告的食品原料。",
                "第五条 本办法自2020年1月1日起施行。");
        assertThat(changes(old, neu)).contains(tuple(ChangeType.REMOVED, "第四条", null), tuple(ChangeType.ADDED, null, "第二条"))
                .doesNotContain(tuple(ChangeType.MODIFIED, "第四条", "第二条"));
    }
}

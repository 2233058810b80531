package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Containment is evidence of identity (issue #11): an old provision kept whole inside a longer new
 * one, or a new one that is an old one minus a paragraph, is the same provision (MODIFIED, with its
 * renumbering), even where a rival shares more of its words in proportion. Our own small documents.
 */
class ContainmentAlignmentTest {

    private static final String PURPOSE = "第一条 为了规范网络产品和服务的安全管理，保护公民合法权益，制定本办法。";
    private static final String SCOPE = "本办法适用于在境内提供网络产品和服务的经营者。";
    private static final String DUTY = "经营者应当建立健全安全管理制度，落实安全保护责任。";
    private static final String REPORT = "经营者发现其产品存在安全缺陷、漏洞等风险时，应当立即采取补救措施，按照规定及时告知用户并向有关主管部门报告。";
    private static final String EFFECT = "本办法自发布之日起施行。";

    private static List<Block> law(String... articles) {
        return Arrays.stream(articles).map(Block::paragraph).toList();
    }

    private static DiffResult compare(List<Block> old, List<Block> neu) {
        return new Engine().compare(old, neu);
    }

    @Test
    void anOldArticleKeptWholeAfterALongNewFirstParagraphIsModifiedWithItsRenumbering() {
        // old 第四条 is kept as the second paragraph of new 第九条 (one term updated), after a first
        // paragraph three times its length; nothing is between the same neighbours to bracket it
        List<Block> old = law(
                "第一条 为了规范网络产品和服务的安全管理，保护公民合法权益，制定本办法。",
                "第二条 本办法适用于在境内提供网络产品和服务的经营者。",
                "第三条 经营者应当建立健全安全管理制度，落实安全保护责任。",
                "第四条 经营者发现其产品存在安全缺陷、漏洞等风险时，应当立即采取补救措施，按照规定及时告知用户并向有关主管部门报告。",
                "第五条 违反本办法第四条规定的，由有关主管部门责令改正，给予警告；拒不改正的，处一万元以上十万元以下罚款。",
                "第六条 违反本办法第三条规定的，由有关主管部门责令改正，给予警告；拒不改正的，处五万元以上五十万元以下罚款。",
                "第七条 本办法自发布之日起施行。");
        List<Block> neu = law(
                "第一条 为了规范网络产品和服务的安全管理，保护公民合法权益，制定本办法。",
                "第二条 本办法所称网络产品和服务，是指网络关键设备、网络安全专用产品以及云计算等服务。",
                "第三条 本办法适用于在境内提供网络产品和服务的经营者。",
                "第四条 经营者应当建立健全安全管理制度，落实安全保护责任。",
                "第五条 经营者应当为用户提供安全、便捷的投诉渠道，及时处理用户关于安全风险的投诉，并按照规定告知处理结果。",
                "第六条 违反本办法第九条规定的，由有关主管部门责令改正，给予警告；拒不改正的，处一万元以上十万元以下罚款。",
                "第七条 违反本办法第四条规定的，由有关主管部门责令改正，给予警告；拒不改正的，处五万元以上五十万元以下罚款。",
                "第八条 经营者应当按照规定及时向用户和有关主管部门报告其产品的风险和补救措施。",
                "第九条 国家网信部门负责统筹协调网络产品安全漏洞管理工作，建立漏洞信息共享平台，组织开展漏洞的收集、分析、通报和应急处置，指导监督经营者履行漏洞管理义务，会同公安、工业和信息化等部门开展联合检查。网络安全等级保护工作按照国家有关规定执行，重要数据的处理者应当明确数据安全负责人和管理机构，定期开展风险评估，并向主管部门报送风险评估报告。从事漏洞发现、收集的组织和个人不得利用漏洞从事危害网络安全的活动，不得将未公开的漏洞信息向境外提供。\n"
                        + "经营者发现其产品存在安全缺陷、漏洞等风险时，应当立即采取补救措施，按照规定及时告知用户并向网信部门报告。",
                "第十条 本办法自发布之日起施行。");

        DiffResult r = compare(old, neu);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.ADDED, null, "第二条"),
                        tuple(ChangeType.RENUMBERED, "第二条", "第三条"),
                        tuple(ChangeType.RENUMBERED, "第三条", "第四条"),
                        tuple(ChangeType.ADDED, null, "第五条"),
                        tuple(ChangeType.RENUMBERED, "第五条", "第六条"),
                        tuple(ChangeType.RENUMBERED, "第六条", "第七条"),
                        tuple(ChangeType.ADDED, null, "第八条"),
                        tuple(ChangeType.MODIFIED, "第四条", "第九条"),
                        tuple(ChangeType.RENUMBERED, "第七条", "第十条"));
    }

    @Test
    void aNewArticleThatIsAnOldOneMinusAParagraphIsModifiedEvenWhenItMoved() {
        String definitions = "本办法所称安全漏洞，是指网络产品和服务在设计、实现、配置或者运行中存在的缺陷，可能被利用危害网络安全。";
        List<Block> old = law(PURPOSE, "第二条 " + SCOPE, "第三条 " + DUTY,
                "第四条 " + definitions + "\n" + REPORT + "\n经营者应当保存漏洞处置记录不少于六个月，并配合有关主管部门的监督检查。",
                "第五条 " + EFFECT);
        List<Block> neu = law(PURPOSE, "第二条 " + definitions, "第三条 " + SCOPE, "第四条 " + DUTY,
                "第五条 经营者应当在漏洞修补后向用户说明修补情况，并对修补措施的有效性进行验证。",
                "第六条 " + REPORT, "第七条 " + EFFECT);

        DiffResult r = compare(old, neu);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .contains(tuple(ChangeType.MODIFIED, "第四条", "第六条"), tuple(ChangeType.ADDED, null, "第五条"));
    }

    @Test
    void ofTwoMergedArticlesTheOneWhoseTextDominatesIsKept() {
        String shortRule = "经营者应当指定安全负责人。";
        List<Block> old = law(PURPOSE, "第二条 " + SCOPE, "第三条 " + DUTY + "经营者应当定期开展安全教育培训和技术考核，提高从业人员的安全意识和能力。",
                "第四条 " + shortRule, "第五条 " + REPORT, "第六条 " + EFFECT);
        List<Block> neu = law(PURPOSE, "第二条 " + SCOPE,
                "第三条 " + DUTY + "经营者应当定期开展安全教育培训和技术考核，提高从业人员的安全意识和能力。" + shortRule,
                "第四条 " + REPORT, "第五条 " + EFFECT);

        DiffResult r = compare(old, neu);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.MODIFIED, "第三条", "第三条"),
                        tuple(ChangeType.REMOVED, "第四条", null),
                        tuple(ChangeType.RENUMBERED, "第五条", "第四条"),
                        tuple(ChangeType.RENUMBERED, "第六条", "第五条"));
    }

    @Test
    void aMergeKeepsTheDominantArticleEvenWhenItComesSecond() {
        String shortRule = "经营者应当指定安全负责人。";
        String longRule = "经营者应当定期开展安全教育培训和技术考核，提高从业人员的安全意识和能力，培训记录保存不少于三年。";
        List<Block> old = law(PURPOSE, "第二条 " + SCOPE, "第三条 " + shortRule, "第四条 " + longRule,
                "第五条 " + REPORT, "第六条 " + EFFECT);
        List<Block> neu = law(PURPOSE, "第二条 " + SCOPE, "第三条 " + shortRule + longRule, "第四条 " + REPORT, "第五条 " + EFFECT);

        DiffResult r = compare(old, neu);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.REMOVED, "第三条", null),
                        tuple(ChangeType.MODIFIED, "第四条", "第三条"),
                        tuple(ChangeType.RENUMBERED, "第五条", "第四条"),
                        tuple(ChangeType.RENUMBERED, "第六条", "第五条"));
    }
}

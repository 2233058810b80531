package dev.policywatch.engine.align;

import static dev.policywatch.engine.Fixtures.blocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-reference tie-breaker of {@link ProvisionAligner}: when two new penalty articles are
 * equally (or nearly equally) like an old one, the one whose citation follows the renumbering is the
 * successor. Fixtures are our own text (a museum collection rule), not corpus text.
 */
class CrossReferenceAgreementTest {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String PENALTY = "规定的，由文物主管部门责令改正，给予警告；情节严重的，处%s以下罚款。";

    private final Engine engine = new Engine();

    private static List<Block> rule(String... articles) {
        List<Block> out = new ArrayList<>(blocks("# 博物馆藏品管理规定"));
        for (int i = 0; i < articles.length; i++) {
            out.add(Block.paragraph("第" + NUMERALS[i] + "条 " + articles[i]));
        }
        return out;
    }

    private static String penalty(String cited, String fine) {
        return "违反本规定第" + cited + "条" + String.format(PENALTY, fine);
    }

    /** Old 第五条 penalises a breach of the article named by {@code cited}. */
    private static List<Block> oldVersion(String cited) {
        return rule(
                "为了规范博物馆的藏品管理，制定本规定。",
                "博物馆应当建立藏品档案，逐件登记。",
                "博物馆应当定期清点藏品，做到账物相符。",
                "藏品出借应当经馆长批准，并签订借用协议。",
                penalty(cited, "五千元"),
                "本规定自公布之日起施行。");
    }

    /**
     * A new 第二条 renumbers old 第三条 → 第四条 and old 第四条 → 第五条; the new version has two penalty
     * articles in the same words, 第六条 citing 第五条 (old 第四条) and 第七条 citing 第四条 (old 第三条).
     */
    private static List<Block> newVersion(String sixth, String seventh) {
        return rule(
                "为了规范博物馆的藏品管理，制定本规定。",
                "博物馆应当配备专职藏品保管人员。",
                "博物馆应当建立藏品档案，逐件登记。",
                "博物馆应当定期清点藏品，做到账物相符。",
                "藏品出借应当经馆长批准，并签订借用协议。",
                sixth,
                seventh,
                "本规定自公布之日起施行。");
    }

    private List<ProvisionChange> penaltyChanges(List<Block> before, List<Block> after) {
        return engine.compare(before, after).changes().stream()
                .filter(c -> "第五条".equals(c.oldLabel()) || "第六条".equals(c.newLabel()) || "第七条".equals(c.newLabel()))
                .toList();
    }

    @Test
    void equalCandidatesAreDecidedByTheCitationThatFollowsTheRenumbering() {
        // old 第五条 cites 第三条, which became 第四条: new 第七条 (citing 第四条) is its successor, although
        // new 第六条 reads the same and comes first
        assertThat(penaltyChanges(oldVersion("三"), newVersion(penalty("五", "一万元"), penalty("四", "一万元"))))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.ADDED, null, "第六条"),
                        tuple(ChangeType.MODIFIED, "第五条", "第七条"));
    }

    @Test
    void theSameCandidatesGoTheOtherWayWhenTheOldArticleCitesTheOtherArticle() {
        // old 第五条 cites 第四条, which became 第五条: now new 第六条 is the successor
        assertThat(penaltyChanges(oldVersion("四"), newVersion(penalty("五", "一万元"), penalty("四", "一万元"))))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.MODIFIED, "第五条", "第六条"),
                        tuple(ChangeType.ADDED, null, "第七条"));
    }

    @Test
    void agreementOutweighsASlightlyCloserWording() {
        // new 第七条 also drops 文物, so new 第六条 is a little closer in wording; but only 第七条's
        // citation follows the renumbering of 第三条
        assertThat(penaltyChanges(oldVersion("三"), newVersion(penalty("五", "一万元"),
                penalty("四", "一万元").replace("文物主管部门", "主管部门"))))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.ADDED, null, "第六条"),
                        tuple(ChangeType.MODIFIED, "第五条", "第七条"));
    }
}

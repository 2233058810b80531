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
 * In a rewritten rule one article moved to the front must not hide the articles that stayed in place:
 * the in-order passes bracket by the heaviest chain of pairs in document order, and a moved pair is
 * outside it. And the same number never outweighs wording that points to another article. Our own
 * small documents.
 */
class MovedArticleAlignmentTest {

    private static List<Block> rule(String... articles) {
        return Arrays.stream(articles).map(Block::paragraph).toList();
    }

    private static DiffResult compare(List<Block> old, List<Block> neu) {
        return new Engine().compare(old, neu);
    }

    private static final String PURPOSE = "第一条 为了规范导游服务，提高服务质量，制定本办法。";
    private static final String SCOPE = "第二条 本办法适用于在境内从事导游服务的人员和旅行社。";
    private static final String LEVELS = "导游等级分为初级、中级、高级、特级四个等级，由低到高逐级晋升。";
    private static final String EFFECT = "本办法自公布之日起施行。";

    @Test
    void anArticleRewrittenInPlaceStaysPairedWhenAnotherArticleMovedAcrossIt() {
        // old 第五条 (levels) moves to the front as new 第二条; old 第四条 is rewritten in place with a
        // few shared words: it is between the same neighbours once the move is set aside
        List<Block> old = rule(PURPOSE, SCOPE,
                "第三条 旅游主管部门设立考核委员会，负责日常事务。",
                "第四条 考核委员会组织实施全国导游等级考核工作，各地设立办公室协助开展相应的工作。",
                "第五条 " + LEVELS,
                "第六条 " + EFFECT);
        List<Block> neu = rule(PURPOSE,
                "第二条 " + LEVELS.replace("，由低到高逐级晋升", ""),
                "第三条 本办法适用于在境内从事导游服务的人员和旅行社。",
                "第四条 国务院主管部门负责组织实施全国导游等级考核工作。省级主管部门按照统一要求负责本行政区域内的具体工作。",
                "第五条 申请参加考核的人员应当具备良好的职业道德。",
                "第六条 " + EFFECT);
        assertThat(compare(old, neu).changes())
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .contains(tuple(ChangeType.MODIFIED, "第四条", "第四条"),
                        tuple(ChangeType.MODIFIED, "第五条", "第二条"),
                        tuple(ChangeType.RENUMBERED, "第二条", "第三条"),
                        tuple(ChangeType.REMOVED, "第三条", null),
                        tuple(ChangeType.ADDED, null, "第五条"));
    }

    @Test
    void theSameNumberDoesNotPairAnArticleWhoseWordingPointsElsewhere() {
        // old 第二条 (applying for the guide card) was reworded and moved after 第三条; the new 第二条 in
        // its place shares a word or two with it, but the moved article shares far more: a number
        // alone does not pair old 第二条 with new 第二条
        List<Block> old = rule(PURPOSE,
                "第二条 导游人员获得资格证书和等级证书后，可以通过省级旅游主管部门申请办理相应等级的导游证。",
                "第三条 旅行社应当鼓励导游参加等级考核。",
                "第四条 " + EFFECT);
        List<Block> neu = rule(PURPOSE,
                "第二条 导游人员应当遵守职业道德，申请参加考核时如实提供材料。",
                "第三条 旅行社应当鼓励导游参加等级考核。",
                "第四条 导游证的换发，由省级文化和旅游主管部门按照等级办理，具体程序另行规定。",
                "第五条 " + EFFECT);
        DiffResult result = compare(old, neu);
        assertThat(result.changes())
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .doesNotContain(tuple(ChangeType.MODIFIED, "第二条", "第二条"))
                .contains(tuple(ChangeType.ADDED, null, "第二条"));
    }
}

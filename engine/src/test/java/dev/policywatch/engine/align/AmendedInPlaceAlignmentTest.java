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
 * The place tie-breaker of {@link ProvisionAligner}: an amendment rewrites a penalty article on a
 * formula and inserts a sibling article on the same formula right after it. The inserted one
 * may keep a clause of the old text the rewritten one dropped, so the two are a near-tie on content;
 * the article that kept both the old number and the old place beside its unchanged neighbours is the
 * amended one, the other is added. Content still wins when it is not a near-tie. Fixtures are our own
 * text (a parking lot rule), not corpus text.
 */
class AmendedInPlaceAlignmentTest {

    private static final String KEPT = "停車場經營業者應於入口處明顯標示收費費率及營業時間。";
    private static final String INSURED = "停車場經營業者應投保公共意外責任保險，並將保險單副本送主管機關備查。";
    private static final String CAMERAS = "停車場經營業者應設置監視設備，並保存錄影資料三十日以上。";
    private static final String TAIL = "屆期未改正或情節重大者，得停止其營業六個月以下或廢止其登記。";

    private final Engine engine = new Engine();

    private static List<Block> rule(String... labelled) {
        List<Block> out = new ArrayList<>(blocks("# 停車場管理辦法"));
        for (String article : labelled) {
            out.add(Block.paragraph(article));
        }
        return out;
    }

    private static List<Block> oldVersion() {
        return rule(
                "第1條 本辦法依停車場法第十條規定訂定之。",
                "第2條 " + KEPT,
                "第3條 " + INSURED,
                "第4條 " + CAMERAS,
                "第5條 停車場經營業者違反第二條、第三條或第四條規定者，由主管機關予以警告並命其限期改正；" + TAIL,
                "第6條 本辦法自發布日施行。");
    }

    /** New 第5條 is the old one on the new formula without the tail; the inserted 第5-1條 keeps the tail. */
    private static List<Block> newVersion(String fifth) {
        return rule(
                "第1條 本辦法依停車場法第十條規定訂定之。",
                "第2條 " + KEPT,
                "第3條 " + INSURED,
                "第4條 " + CAMERAS,
                "第5條 " + fifth,
                "第5-1條 停車場經營業者違反第四條規定者，由主管機關依停車場法第四十條規定，處新臺幣一千元以上五千元以下罰鍰，"
                        + "並命其限期改正；" + TAIL,
                "第6條 本辦法自發布日施行。");
    }

    private List<ProvisionChange> changes(List<Block> after) {
        return engine.compare(oldVersion(), after).changes();
    }

    @Test
    void theArticleThatKeptItsNumberAndPlaceIsTheAmendedOneWhenContentIsANearTie() {
        String fifth = "停車場經營業者違反第二條或第三條規定者，由主管機關予以警告並命其限期改正；屆期未改正者，按次處罰；"
                + "處罰三次仍未改正者，得停止其營業六個月以下。";
        assertThat(changes(newVersion(fifth)))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.MODIFIED, "第5條", "第5條"),
                        tuple(ChangeType.ADDED, null, "第5-1條"));
    }

    @Test
    void contentThatClearlyPointsElsewhereStillWinsOverTheNumber() {
        // new 第5條 is an unrelated new duty: the old penalty article lives on in 第5-1條 (renumbered in place of nothing)
        String fifth = "停車場經營業者應每年辦理消防安全設備檢修申報，並將檢修結果公告於停車場入口。";
        assertThat(changes(newVersion(fifth)))
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.ADDED, null, "第5條"),
                        tuple(ChangeType.MODIFIED, "第5條", "第5-1條"));
    }
}

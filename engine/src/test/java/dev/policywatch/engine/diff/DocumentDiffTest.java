package dev.policywatch.engine.diff;

import static dev.policywatch.engine.Fixtures.blocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    private static final String[] ARTICLES = {
        "为了规范公共图书馆的服务，制定本办法。",
        "公共图书馆应当免费向社会开放基本服务项目。",
        "图书馆应当每周开放不少于五十六小时。",
        "读者应当遵守图书馆的借阅规则，按时归还图书。",
        "违反本办法第四条规定的，由图书馆给予提醒。",
        "本办法自公布之日起施行。",
    };

    private final Engine engine = new Engine();

    private static List<Block> law(String... articles) {
        List<Block> out = new ArrayList<>(blocks("# 示例办法"));
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int i = 0; i < articles.length; i++) {
            if (articles[i] != null) {
                out.add(Block.paragraph("第" + numerals[i] + "条 " + articles[i]));
            }
        }
        return out;
    }

    private DiffResult diff(List<Block> a, List<Block> b) {
        return engine.compare(a, b);
    }

    @Test
    void identicalVersionsReportNothing() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES));

        assertThat(r.changes()).isEmpty();
        assertThat(r.structureChanges()).isEmpty();
        assertThat(r.summary().unchanged()).isEqualTo(6);
    }

    @Test
    void insertedArticleRenumbersTheRestWithoutModifyingThem() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0], "国家鼓励社会力量参与图书馆建设。", ARTICLES[1], ARTICLES[2],
                ARTICLES[3], "违反本办法第五条规定的，由图书馆给予提醒。", ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.ADDED, null, "第二条"),
                        tuple(ChangeType.RENUMBERED, "第二条", "第三条"),
                        tuple(ChangeType.RENUMBERED, "第三条", "第四条"),
                        tuple(ChangeType.RENUMBERED, "第四条", "第五条"),
                        // only the cross-reference changed, and it follows the renumbering
                        tuple(ChangeType.RENUMBERED, "第五条", "第六条"),
                        tuple(ChangeType.RENUMBERED, "第六条", "第七条"));
        assertThat(r.summary().added()).isEqualTo(1);
        assertThat(r.summary().modified()).isZero();
    }

    @Test
    void crossReferenceThatDoesNotFollowTheRenumberingIsAModification() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0], ARTICLES[1], ARTICLES[2], ARTICLES[3],
                "违反本办法第二条规定的，由图书馆给予提醒。", ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel)
                .containsExactly(tuple(ChangeType.MODIFIED, "第五条"));
    }

    @Test
    void whitespaceAndFullWidthPunctuationAreNotModifications() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0].replace("，", ", "), ARTICLES[1], "图书馆应当每周开放不少于 五十六 小时.",
                ARTICLES[3], ARTICLES[4], ARTICLES[5]));

        assertThat(r.changes()).isEmpty();
    }

    @Test
    void changedItemIsAModifiedArticleWithACharacterDiff() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0], ARTICLES[1], "图书馆应当每周开放不少于六十小时。",
                ARTICLES[3], ARTICLES[4], ARTICLES[5]));

        assertThat(r.changes()).hasSize(1);
        ProvisionChange c = r.changes().get(0);
        assertThat(c.type()).isEqualTo(ChangeType.MODIFIED);
        StringBuilder oldSide = new StringBuilder();
        StringBuilder newSide = new StringBuilder();
        for (DiffOp op : c.diff()) {
            if (op.op() != DiffOp.Op.INSERT) {
                oldSide.append(op.text());
            }
            if (op.op() != DiffOp.Op.DELETE) {
                newSide.append(op.text());
            }
        }
        assertThat(oldSide.toString()).isEqualTo(c.oldText());
        assertThat(newSide.toString()).isEqualTo(c.newText());
        // the minimal diff is 不少于[-五十-]六{+十+}小时; a reader sees fifty-six become sixty
        assertThat(c.diff()).containsSubsequence(DiffOp.equal("图书馆应当每周开放不少于"), DiffOp.delete("五十六"), DiffOp.insert("六十"),
                DiffOp.equal("小时。"));
        assertThat(c.similarity()).isBetween(0.5, 1.0);
    }

    @Test
    void deletedArticleStubIsRemovedNotModified() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0], ARTICLES[1], "（删除）", ARTICLES[3], ARTICLES[4], ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(tuple(ChangeType.REMOVED, "第三条", null));
    }

    @Test
    void deletedArticleRenumbersTheFollowingOnes() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0], ARTICLES[2], ARTICLES[3], ARTICLES[4].replace("第四条", "第三条"),
                ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.REMOVED, "第二条", null),
                        tuple(ChangeType.RENUMBERED, "第三条", "第二条"),
                        tuple(ChangeType.RENUMBERED, "第四条", "第三条"),
                        tuple(ChangeType.RENUMBERED, "第五条", "第四条"),
                        tuple(ChangeType.RENUMBERED, "第六条", "第五条"));
    }

    @Test
    void renumberedAndRewrittenIsModifiedWithBothLabels() {
        DiffResult r = diff(law(ARTICLES), law("国家鼓励社会力量参与图书馆建设。", ARTICLES[0], ARTICLES[1],
                "图书馆应当每周开放不少于六十小时，节假日照常开放。", ARTICLES[3], "违反本办法第五条规定的，由图书馆给予提醒。", ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .contains(tuple(ChangeType.MODIFIED, "第三条", "第四条"));
    }

    @Test
    void mergedArticlesKeepTheClosestAsModifiedAndRemoveTheOthers() {
        DiffResult r = diff(law(ARTICLES), law(ARTICLES[0],
                "公共图书馆应当免费向社会开放基本服务项目，每周开放不少于五十六小时。", ARTICLES[3],
                "违反本办法第三条规定的，由图书馆给予提醒。", ARTICLES[5]));

        assertThat(r.changes()).extracting(ProvisionChange::type)
                .containsOnlyOnce(ChangeType.MODIFIED, ChangeType.REMOVED)
                .doesNotContain(ChangeType.ADDED);
        assertThat(r.changes()).filteredOn(c -> c.type() == ChangeType.MODIFIED)
                .extracting(ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(tuple("第二条", "第二条"));
    }

    @Test
    void articleMovedToAnotherChapterKeepsItsIdentityAndShowsBothPaths() {
        List<Block> before = blocks("# 办法", "## 第一章 总则", "第一条 " + ARTICLES[0], "第二条 " + ARTICLES[1],
                "## 第二章 服务", "第三条 " + ARTICLES[2], "第四条 " + ARTICLES[3]);
        List<Block> after = blocks("# 办法", "## 第一章 总则", "第一条 " + ARTICLES[0],
                "## 第二章 服务", "第二条 " + ARTICLES[2], "第三条 " + ARTICLES[1], "第四条 " + ARTICLES[3]);

        DiffResult r = diff(before, after);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.RENUMBERED, "第二条", "第三条"),
                        tuple(ChangeType.RENUMBERED, "第三条", "第二条"));
        ProvisionChange moved = r.changes().stream().filter(c -> c.oldLabel().equals("第二条")).findFirst().orElseThrow();
        assertThat(moved.oldPath()).containsExactly("第一章", "第二条");
        assertThat(moved.newPath()).containsExactly("第二章", "第三条");
    }

    @Test
    void chapterHeadingChangesGoToStructureChangesOnly() {
        List<Block> before = blocks("# 办法", "## 第一章 总则", "第一条 " + ARTICLES[0], "## 第二章 服务", "第二条 " + ARTICLES[1]);
        List<Block> after = blocks("# 办法（修订）", "## 第一章 总 则", "第一条 " + ARTICLES[0], "## 第二章 服务与保障", "第二条 " + ARTICLES[1]);

        DiffResult r = diff(before, after);

        assertThat(r.changes()).isEmpty();
        assertThat(r.structureChanges()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.MODIFIED, "title", "title"),
                        tuple(ChangeType.MODIFIED, "第二章 服务", "第二章 服务与保障"));
    }

    @Test
    void retiredIdentifierIsRemovedAndNewIdentifiersAreAdded() {
        List<Block> before = blocks("# Rules", "## ABC-01 Logging", "Log every change.", "## ABC-02 Backups",
                "Back up daily.", "## ABC-03 Keys", "Rotate keys yearly.");
        List<Block> after = blocks("# Rules", "## ABC-01 Logging", "Log every change.", "## ABC-02 (Retired)",
                "Superseded by ABC-04.", "## ABC-03 Keys", "Rotate keys monthly.", "## ABC-04 Recovery", "Back up daily and test restores.");

        DiffResult r = diff(before, after);

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrder(
                        tuple(ChangeType.REMOVED, "ABC-02", null),
                        tuple(ChangeType.MODIFIED, "ABC-03", "ABC-03"),
                        tuple(ChangeType.ADDED, null, "ABC-04"));
    }

    @Test
    void fiveThousandArticlesWithOneInsertionFinishQuickly() {
        List<Block> a = new ArrayList<>(blocks("# 大法"));
        List<Block> b = new ArrayList<>(blocks("# 大法"));
        for (int i = 1; i <= 5000; i++) {
            a.add(Block.paragraph("第" + i + "条 第" + i + "项制度的内容，编号" + Integer.toHexString(i * 7919) + "。"));
        }
        for (int i = 1; i <= 5001; i++) {
            int old = i <= 10 ? i : i - 1;
            b.add(Block.paragraph(i == 11 ? "第11条 新增加的制度。"
                    : "第" + i + "条 第" + old + "项制度的内容，编号" + Integer.toHexString(old * 7919) + "。"));
        }

        DiffResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> diff(a, b));

        assertThat(r.summary().added()).isEqualTo(1);
        assertThat(r.summary().renumbered()).isEqualTo(4990);
        assertThat(r.summary().unchanged()).isEqualTo(10);
    }

    @Test
    void pathologicalPairFinishesInBoundedTimeWithACoarserResult() {
        // 3,000 unrelated articles on each side: every pair is a candidate, none matches exactly
        List<Block> a = new ArrayList<>(blocks("# A"));
        List<Block> b = new ArrayList<>(blocks("# B"));
        java.util.Random random = new java.util.Random(42);
        for (int i = 1; i <= 3000; i++) {
            a.add(Block.paragraph("第" + i + "条 " + randomHan(random, 60)));
            b.add(Block.paragraph("第" + i + "条 " + randomHan(random, 60)));
        }

        DiffResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> diff(a, b));

        assertThat(r.summary().total()).isGreaterThan(0);
    }

    private static String randomHan(java.util.Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++) {
            sb.append((char) ('\u4E00' + random.nextInt(400)));
        }
        return sb.toString();
    }
}

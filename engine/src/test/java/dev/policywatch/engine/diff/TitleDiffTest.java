package dev.policywatch.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleDiffTest {

    @Test
    void aTitleThatLostItsDraftMarkerIsAStructureChangeAndTheHeadline() {
        List<ProvisionChange> structure = TitleDiff.withTitle(List.of(), "某某数据管理办法（征求意见稿）", "某某数据管理办法");
        assertThat(structure).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.MODIFIED);
            assertThat(c.newLabel()).isEqualTo("title");
            assertThat(c.diff()).anySatisfy(op -> {
                assertThat(op.op()).isEqualTo(DiffOp.Op.DELETE);
                assertThat(op.text()).contains("征求意见稿");
            });
        });
        assertThat(TitleDiff.draftBecameFinal("某某数据管理办法（征求意见稿）", "某某数据管理办法", "zh"))
                .contains("草案成为正式文本（原为征求意见稿）");
        assertThat(TitleDiff.draftBecameFinal("Payment Card Fees: Proposed Rule", "Payment Card Fees", null))
                .contains("draft became final (was: Proposed Rule)");
    }

    @Test
    void theSameTitleOrAnotherDocumentIsNoDraftBecomingFinal() {
        assertThat(TitleDiff.change("某某办法", "某某办法 ")).isEmpty();
        assertThat(TitleDiff.withTitle(List.of(), "某某办法", "某某办法")).isEmpty();
        // still a draft
        assertThat(TitleDiff.draftBecameFinal("某某条例（草案）", "某某条例（草案二次审议稿）", "zh")).isEmpty();
        // another year: another document, not the final of this draft
        assertThat(TitleDiff.draftBecameFinal("2023年工作要点（征求意见稿）", "2024年工作要点", "zh")).isEmpty();
        // the title changed completely
        assertThat(TitleDiff.draftBecameFinal("Exposure Draft: Leases", "Revenue from Contracts with Customers", "en"))
                .isEmpty();
    }

    @Test
    void aTitleChangeTheEngineAlreadyFoundIsNotAddedTwice() {
        ProvisionChange engines = new ProvisionChange(ChangeType.MODIFIED, "title", "title", List.of(), List.of(), "a",
                "b", 0.5, List.of());
        assertThat(TitleDiff.withTitle(List.of(engines), "x", "y")).containsExactly(engines);
    }
}

package dev.policywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchMatchTest {

    private static DocumentChange change(ProvisionChange... provisions) {
        return new DocumentChange(1, "c-1", "doc", "src", "Source", "https://x.example/", "办法", "Pub", "CN", "zh",
                ChangeKind.UPDATED, new VersionRef("v-1", Instant.EPOCH, "sha256:a"),
                new VersionRef("v-2", Instant.EPOCH.plusSeconds(60), "sha256:b"), Instant.EPOCH.plusSeconds(61),
                List.of(provisions), List.of(), ChangeSummary.of(List.of(provisions), 0));
    }

    private static ProvisionChange renumbered(String text) {
        return new ProvisionChange(ChangeType.RENUMBERED, "第三条", "第四条", null, null, text, text, 1.0, null);
    }

    private static ProvisionChange modified(String oldText, String newText) {
        return new ProvisionChange(ChangeType.MODIFIED, "第五条", "第五条", null, null, oldText, newText, 0.8, null);
    }

    @Test
    void theUnchangedTextOfARenumberedProvisionIsNotSearched() {
        DocumentChange c = change(renumbered("公安机关负责查处。"), modified("网信部门负责。", "网信部门和电信主管部门负责。"));

        assertThat(SearchMatch.find(c, "公安")).isNull();
        assertThat(SearchMatch.find(c, "电信").label()).isEqualTo("第五条");
        assertThat(SearchMatch.find(c, "第四条")).as("labels still match").extracting(SearchMatch::type)
                .isEqualTo(ChangeType.RENUMBERED);
    }

    @Test
    void theSnippetHasContextEitherSideAndMarksTheMatchIgnoringCase() {
        String text = "x".repeat(100) + " Providers MUST notify the Board " + "y".repeat(100);
        SearchMatch m = SearchMatch.find(change(modified("old", text)), "must NOTIFY");

        assertThat(m.snippet()).startsWith("…").endsWith("…").hasSize(1 + 40 + "must notify".length() + 40 + 1);
        assertThat(m.snippet().substring(m.matchStart(), m.matchEnd())).isEqualTo("MUST notify");
    }

    @Test
    void aWordOnlyInTheOldTextIsFoundThere() {
        SearchMatch m = SearchMatch.find(change(modified("应当备案。", "应当登记。")), "备案");

        assertThat(m.snippet()).isEqualTo("应当备案。");
    }
}

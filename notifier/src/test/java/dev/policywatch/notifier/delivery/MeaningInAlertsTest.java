package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.events.VersionRef;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.slack.SlackMessages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alerts lead with what a change means; editorial and renumbered-only provisions collapse into one line. */
class MeaningInAlertsTest {

    private static final String HEADLINE = "第六十五条：罚款 5千–5万元 → 1万–10万元；64条重新编号，4处引用条号更新";

    private static DocumentChange lawWithARaisedFine() {
        List<ProvisionChange> changes = new ArrayList<>();
        changes.add(new ProvisionChange(ChangeType.MODIFIED, "第六十二条", "第六十五条", null, null,
                "处五千元以上五万元以下罚款", "处一万元以上十万元以下罚款", 0.8,
                List.of(DiffOp.equal("处"), DiffOp.delete("五千元以上五"), DiffOp.insert("一万元以上十"), DiffOp.equal("万元以下罚款")),
                Significance.SUBSTANTIVE, List.of(), List.of(new Fact(FactKind.FINE,
                        FactValue.amount(new BigDecimal(5000), new BigDecimal(50000), "CNY"),
                        FactValue.amount(new BigDecimal(10000), new BigDecimal(100000), "CNY"))),
                "罚款 5千–5万元 → 1万–10万元"));
        for (int i = 0; i < 64; i++) {
            changes.add(new ProvisionChange(ChangeType.RENUMBERED, "第" + (i + 100) + "条", "第" + (i + 102) + "条", null, null,
                    "同样的文字" + i, "同样的文字" + i, 1.0, List.of(), Significance.EDITORIAL, List.of(), List.of(),
                    "条号变更"));
        }
        for (int i = 0; i < 4; i++) {
            changes.add(new ProvisionChange(ChangeType.RENUMBERED, "第" + (i + 200) + "条", "第" + (i + 202) + "条", null, null,
                    "依照本法第七条" + i, "依照本法第八条" + i, 1.0, List.of(), Significance.EDITORIAL,
                    List.of(EditorialKind.CROSS_REFERENCE), List.of(), "引用条号随重新编号更新"));
        }
        VersionRef from = new VersionRef("v-1", Instant.parse("2026-01-01T00:00:00Z"), "sha256:a");
        VersionRef to = new VersionRef("v-2", Instant.parse("2026-01-02T00:00:00Z"), "sha256:b");
        return new DocumentChange(2, "c-fine", "cn-cybersecurity-law", "cn-cybersecurity-law", "网络安全法",
                "https://example.gov.cn/law.htm", "中华人民共和国网络安全法", "全国人民代表大会常务委员会", "CN", "zh",
                ChangeKind.UPDATED, from, to, Instant.parse("2026-01-02T00:00:05Z"), changes, List.of(),
                ChangeSummary.of(changes, 2).withMeaning(changes, HEADLINE));
    }

    @Test
    void theLeadLineStatesTheFineBeforeAndAfter() {
        assertThat(AlertFormat.EN.leadLine(lawWithARaisedFine())).contains("罚款 5千–5万元 → 1万–10万元");
        assertThat(AlertFormat.EN.editorialLine(lawWithARaisedFine()))
                .isEqualTo("64 articles renumbered; 4 cross-references updated");
        assertThat(AlertFormat.shownProvisions(lawWithARaisedFine())).extracting(ProvisionChange::newLabel)
                .containsExactly("第六十五条");
    }

    @Test
    void anEmailLeadsWithTheHeadlineAndCollapsesTheRenumbering() {
        EmailMessages.Rendered r = EmailMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(lawWithARaisedFine()), false, id -> "https://pw/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN),
                "https://pw/unsubscribe");
        assertThat(r.subject()).contains("罚款 5千–5万元 → 1万–10万元");
        assertThat(r.text().lines().findFirst().orElseThrow()).contains("罚款 5千–5万元 → 1万–10万元");
        assertThat(r.text()).contains("第六十二条 → 第六十五条 (modified): 罚款 5千–5万元 → 1万–10万元")
                .contains("64 articles renumbered; 4 cross-references updated")
                .doesNotContain("第100条");
        assertThat(r.html()).contains("64 articles renumbered; 4 cross-references updated").doesNotContain("第100条");
    }

    @Test
    void aSlackMessageCarriesTheNotesAndOneLineForTheRenumbering() {
        ObjectNode message = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(lawWithARaisedFine()), false, id -> "https://pw/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN));
        assertThat(message.get("text").asText()).contains("罚款 5千–5万元 → 1万–10万元");
        StringBuilder all = new StringBuilder();
        for (JsonNode block : message.get("blocks")) {
            all.append(block.get("text").get("text").asText()).append('\n');
        }
        assertThat(all).contains("64 articles renumbered; 4 cross-references updated").contains("_罚款 5千–5万元 → 1万–10万元_")
                .doesNotContain("第100条");
        assertThat(message.get("blocks")).hasSizeLessThan(6);
    }
}

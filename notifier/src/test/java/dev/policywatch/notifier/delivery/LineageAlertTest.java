package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Correction;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Predecessor;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.StatusChange;
import dev.policywatch.events.VersionRef;
import dev.policywatch.notifier.console.ConsoleSender;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.slack.SlackMessages;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.support.PolicywatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every channel says "final text" and names the draft in its first line (docs/lineage.md). */
class LineageAlertTest {

    static DocumentChange finalText() {
        List<ProvisionChange> provisions = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            provisions.add(new ProvisionChange(ChangeType.MODIFIED, "第" + i + "条", "第" + i + "条", List.of(), List.of(),
                    "旧" + i, "新" + i, 0.6, List.of(DiffOp.delete("旧" + i), DiffOp.insert("新" + i))));
        }
        provisions.add(new ProvisionChange(ChangeType.ADDED, null, "第八条", List.of(), List.of(), null, "新增", 0,
                List.of(DiffOp.insert("新增"))));
        provisions.add(new ProvisionChange(ChangeType.ADDED, null, "第九条", List.of(), List.of(), null, "又新增", 0,
                List.of(DiffOp.insert("又新增"))));
        for (int i = 0; i < 3; i++) {
            provisions.add(new ProvisionChange(ChangeType.REMOVED, "第" + (20 + i) + "条", null, List.of(), List.of(),
                    "删除<b>", null, 0, List.of(DiffOp.delete("删除<b>"))));
        }
        VersionRef to = new VersionRef("v-final", Instant.parse("2023-07-13T02:00:00Z"), "sha256:f");
        Predecessor draft = new Predecessor("cac.draft", "v-draft", 0.71, "same title without draft markers; provisions align 71 %",
                "生成式人工智能服务管理办法（征求意见稿）", "https://www.cac.gov.cn/draft.htm", Instant.parse("2023-04-11T03:00:00Z"),
                null, null, null);
        return new DocumentChange(1, Ids.changeId("cac.final", null, "v-final"), "cac.final", "cac", "CAC",
                "https://www.cac.gov.cn/final.htm", "生成式人工智能服务管理暂行办法", "Cyberspace Administration of China", "CN",
                "zh", ChangeKind.NEW_DOCUMENT, null, to, Instant.parse("2023-07-13T02:05:00Z"), provisions, List.of(),
                ChangeSummary.of(provisions, 5), draft, new StatusChange("征求意见稿", "草案成为正式文本（原为征求意见稿）"));
    }

    private static final String FIRST_LINE = "Final text published: 《生成式人工智能服务管理暂行办法》 — compared with the draft "
            + "of 2023-04-11: 7 modified, 2 added, 3 removed";

    @Test
    void theFirstLineSaysFinalTextAndNamesTheDraftInEveryChannel() {
        DocumentChange c = finalText();
        assertThat(AlertFormat.EN.firstLine(c)).isEqualTo(FIRST_LINE);

        EmailMessages.Rendered mail = EmailMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(c), false, id -> "http://pw.local/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN),
                "http://pw.local/unsubscribe");
        assertThat(mail.subject()).isEqualTo("[policywatch] " + FIRST_LINE);
        assertThat(mail.text()).startsWith(FIRST_LINE + "\nCompared with: 《生成式人工智能服务管理办法（征求意见稿）》 "
                + "https://www.cac.gov.cn/draft.htm\n");
        assertThat(mail.html()).contains(FIRST_LINE).contains("删除&lt;b&gt;");

        String slack = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(c), false, id -> "http://pw.local/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN)).toString();
        assertThat(slack).contains("\"text\":\"" + FIRST_LINE + "\"").contains("*" + FIRST_LINE + "*")
                .contains("Compared with: 《生成式人工智能服务管理办法（征求意见稿）》");

        PolicywatchSettings pw = new PolicywatchSettings(null, null, "http://localhost:8080", 8080, "./data");
        ConsoleSender console = new ConsoleSender(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new Links(pw, new LinkTokens(new byte[32]), Duration.ofDays(1), Clock.systemUTC()));
        assertThat(console.render(c, new StringBuilder())).startsWith("\n== policywatch alert: " + FIRST_LINE + "\n");
    }

    @Test
    void aTitleThatLostItsDraftMarkerLeadsWithFinalText() {
        DocumentChange f = finalText();
        DocumentChange updated = new DocumentChange(1, "chg", "cac.rule", "cac", "CAC", f.url(), "某某管理办法",
                f.publisher(), "CN", "zh", ChangeKind.UPDATED, new VersionRef("v1", Instant.parse("2023-04-11T00:00:00Z"),
                "sha256:a"), new VersionRef("v2", Instant.parse("2023-07-13T00:00:00Z"), "sha256:a"), Instant.now(),
                List.of(), List.of(), ChangeSummary.EMPTY, null, new StatusChange("征求意见稿", "草案成为正式文本（原为征求意见稿）"));
        assertThat(AlertFormat.EN.firstLine(updated))
                .isEqualTo("Final text published: 《某某管理办法》 — the draft (征求意见稿) became final: no provision changes");
        DocumentChange plain = new DocumentChange(1, "chg2", "cac.rule", "cac", "CAC", f.url(), "某某管理办法",
                f.publisher(), "CN", "zh", ChangeKind.NEW_DOCUMENT, null, f.toVersion(), Instant.now(), List.of(),
                List.of(), ChangeSummary.EMPTY);
        assertThat(AlertFormat.EN.firstLine(plain)).isEqualTo("Cyberspace Administration of China: 某某管理办法 — new document");
    }

    @Test
    void anAdministratorsCorrectionSaysSoInTheFirstLine() {
        DocumentChange f = finalText();
        Instant at = Instant.parse("2023-07-14T09:00:00Z");
        DocumentChange set = f.corrected("c-set", at, new Correction(f.changeId(), null, "linked by hand", at));
        assertThat(AlertFormat.EN.firstLine(set)).isEqualTo(FIRST_LINE + " (link corrected by an administrator)");
        DocumentChange cleared = new DocumentChange(1, "c-clear", "cac.final", "cac", "CAC", f.url(), f.title(),
                f.publisher(), "CN", "zh", ChangeKind.NEW_DOCUMENT, null, f.toVersion(), at, List.of(), List.of(),
                ChangeSummary.EMPTY, false, null, null, null, new Correction(f.changeId(), "cac.draft", "", at));
        assertThat(AlertFormat.EN.firstLine(cleared)).isEqualTo("Link removed by an administrator: 《生成式人工智能服务管理暂行办法》 "
                + "replaces no earlier document (was linked to cac.draft)");
        String slack = SlackMessages.alert(AlertContent.of(List.of(cleared), false, id -> "http://pw.local/changes/" + id,
                AlertFormat.EN)).toString();
        assertThat(slack).contains("Link removed by an administrator");
        assertThat(AlertFormat.of(dev.policywatch.events.Language.ZH_CN, java.time.ZoneOffset.UTC).firstLine(cleared))
                .isEqualTo("管理员已移除关联：《生成式人工智能服务管理暂行办法》 不取代任何先前文本（原关联到 cac.draft）");
    }
}

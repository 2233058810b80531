package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Language;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.events.VersionRef;
import dev.policywatch.notifier.dingtalk.DingTalkRobot;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.feishu.FeishuBot;
import dev.policywatch.notifier.slack.SlackMessages;
import dev.policywatch.notifier.teams.TeamsWorkflow;
import dev.policywatch.notifier.wecom.WeComRobot;
import dev.policywatch.testing.TemplateText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every alert channel's rendering in zh-CN holds no English word of ours: the real renderers (email text,
 * HTML and subject, Slack, WeCom, DingTalk, Feishu, Teams) over changes that reach every wording (modified,
 * added, removed, one renumbered article, editorial corrections, more provisions than are listed, a final
 * text replacing its draft, a digest of one and of several), checked against every English text of the
 * alerts' keys. Page text is Chinese here, so whatever English is left is ours.
 */
class ChineseAlertsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void everyChannelSaysEveryAlertInChinese() {
        Map<String, String> en = alertTexts(Language.EN);
        Map<String, String> zh = alertTexts(Language.ZH_CN);
        List<List<DocumentChange>> alerts = List.of(List.of(updated("a", 1)), List.of(updated("b", 40)),
                List.of(LineageAlertTest.finalText()), List.of(updated("c", 2), LineageAlertTest.finalText()));
        int checked = 0;
        for (List<DocumentChange> changes : alerts) {
            for (boolean digest : new boolean[] {false, true}) {
                AlertContent content = AlertContent.of(changes, digest, id -> "https://pw.example/changes/" + id,
                        Language.ZH_CN, SHANGHAI);
                EmailMessages.Rendered mail = EmailMessages.alert(content, "https://pw.example/unsubscribe?token=t");
                Map<String, String> rendered = new HashMap<>();
                rendered.put("email subject", mail.subject());
                rendered.put("email text", mail.text());
                rendered.put("email html", org.jsoup.Jsoup.parse(mail.html()).text());
                rendered.put("slack", texts(SlackMessages.alert(content)));
                rendered.put("wecom", WeComRobot.markdown(content));
                rendered.put("dingtalk", texts(DingTalkRobot.markdown(content)));
                rendered.put("feishu", texts(FeishuBot.card(content)));
                rendered.put("teams", texts(TeamsWorkflow.message(content)));
                for (Map.Entry<String, String> r : rendered.entrySet()) {
                    // the publisher's and source's English names are page text, as the page has them; links are links
                    String ours = r.getValue().replace("Cyberspace Administration of China", "").replace("CAC", "")
                            .replaceAll("https?://[^\\s)\\]>\"]+", "");
                    assertThat(TemplateText.englishLeft(ours, en, zh)).as(r.getKey() + " of " + changes.size()
                            + (digest ? " (digest)" : "")).isEmpty();
                    assertThat(ours).as(r.getKey()).containsPattern("[\\u4e00-\\u9fff]");
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(alerts.size() * 2 * 8);
    }

    @Test
    void theCheckWouldSeeAnEnglishAlert() {
        AlertContent english = AlertContent.of(List.of(updated("d", 1)), true, id -> "https://pw.example/changes/" + id,
                Language.EN, SHANGHAI);
        assertThat(TemplateText.englishLeft(WeComRobot.markdown(english), alertTexts(Language.EN),
                alertTexts(Language.ZH_CN))).isNotEmpty();
    }

    /** The alerts' texts of one language, without the date patterns (letters there are pattern letters). */
    private static Map<String, String> alertTexts(Language language) {
        Map<String, String> texts = new HashMap<>();
        for (String key : AlertText.BUNDLE.keys(language)) {
            if (key.startsWith(AlertText.PREFIX) && !key.startsWith(AlertText.PREFIX + "date.")) {
                texts.put(key, AlertText.BUNDLE.raw(language, key));
            }
        }
        return texts;
    }

    /** What a platform shows of a JSON message: its text fields, not its structure's own words. */
    private static String texts(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        collect(node, null, sb);
        return sb.toString();
    }

    private static void collect(JsonNode node, String field, StringBuilder sb) {
        if (node.isTextual()) {
            if (field != null && List.of("text", "content", "title", "fallback", "summary", "altText").contains(field)) {
                sb.append(node.asText()).append('\n');
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), sb));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, sb));
        }
    }

    /**
     * An UPDATED change of a Chinese document: {@code modified} rewritten articles, one added, one removed,
     * one renumbered and two editorial corrections.
     */
    private static DocumentChange updated(String suffix, int modified) {
        List<ProvisionChange> provisions = new ArrayList<>();
        for (int i = 1; i <= modified; i++) {
            provisions.add(new ProvisionChange(ChangeType.MODIFIED, "第" + i + "条", "第" + i + "条", List.of(), List.of(),
                    "提供者应当标识", "提供者应当显著标识", 0.8,
                    List.of(DiffOp.equal("提供者应当"), DiffOp.insert("显著"), DiffOp.equal("标识"))));
        }
        provisions.add(new ProvisionChange(ChangeType.ADDED, null, "第五十条", List.of(), List.of(), null, "新增的一条", 0,
                List.of(DiffOp.insert("新增的一条"))));
        provisions.add(new ProvisionChange(ChangeType.REMOVED, "第五十一条", null, List.of(), List.of(), "删去的一条", null, 0,
                List.of(DiffOp.delete("删去的一条"))));
        provisions.add(new ProvisionChange(ChangeType.RENUMBERED, "第五十二条", "第五十三条", List.of(), List.of(), "同", "同", 1,
                List.of(DiffOp.equal("同")), Significance.EDITORIAL, List.of(), List.of(), "条号变更"));
        for (int i = 0; i < 2; i++) {
            provisions.add(new ProvisionChange(ChangeType.MODIFIED, "第六十" + i + "条", "第六十" + i + "条", List.of(),
                    List.of(), "其它规定", "其他规定", 0.95,
                    List.of(DiffOp.delete("其它"), DiffOp.insert("其他"), DiffOp.equal("规定")), Significance.EDITORIAL,
                    List.of(EditorialKind.VARIANT, EditorialKind.PUNCTUATION), List.of(), "仅异体字修改"));
        }
        VersionRef from = new VersionRef("v-from-" + suffix, Instant.parse("2026-01-01T00:00:00Z"), "sha256:a");
        VersionRef to = new VersionRef("v-to-" + suffix, Instant.parse("2026-01-02T00:00:00Z"), "sha256:b" + suffix);
        String documentId = "cac-genai-" + suffix;
        return new DocumentChange(1, Ids.changeId(documentId, from.versionId(), to.versionId()), documentId, "cac",
                "网信办", "https://www.cac.gov.cn/x.htm", "生成式人工智能服务管理暂行办法", "国家互联网信息办公室", "CN", "zh",
                ChangeKind.UPDATED, from, to, Instant.parse("2026-01-02T03:45:00Z"), provisions, List.of(),
                ChangeSummary.of(provisions, 3));
    }
}

package dev.policywatch.notifier.hook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.dingtalk.DingTalkRobot;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.feishu.FeishuBot;
import dev.policywatch.notifier.slack.SlackMessages;
import dev.policywatch.events.Language;
import dev.policywatch.notifier.teams.TeamsWorkflow;
import dev.policywatch.notifier.wecom.WeComRobot;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crawled text that tries to mention everyone, smuggle a link, close the card's JSON or start markup is
 * inert in every channel: the title, publisher, provision label, note and diff of the change below all
 * carry it.
 */
class InertPageTextTest {

    /** What a hostile page may say. */
    static final List<String> HOSTILE = List.of("<@all>", "@所有人", "@all", "[link](http://evil.example/x)",
            "<at id=all></at>", "<at user_id=\"all\">所有人</at>", "\"}]},{\"tag\":\"at\",\"user_id\":\"all\"}",
            "**bold** _it_ ~~gone~~ `code`", "\n# heading\n> quote", "<font color=\"warning\">red</font>",
            "![img](http://evil.example/i.png)", "<!channel>", "www.evil.example");

    static DocumentChange hostileChange() {
        String all = String.join(" ", HOSTILE);
        ProvisionChange p = new ProvisionChange(ChangeType.MODIFIED, "第十条 " + all, "第十条 " + all, List.of("第十条"),
                List.of("第十条"), "旧 " + all, "新 " + all, 0.8,
                List.of(DiffOp.equal("提供者应当 " + all), DiffOp.delete("旧 " + all), DiffOp.insert("新 " + all)))
                .withMeaning(Significance.SUBSTANTIVE, List.of(), List.of(), "note " + all);
        return Fixtures.change("hostile", "办法 " + all, List.of(p));
    }

    static AlertContent content(Language locale) {
        return AlertContent.of(List.of(hostileChange()), false, id -> "https://pw.example/changes/" + id, locale,
                ZoneOffset.UTC);
    }

    /** The markdown text each markdown channel sends. */
    private static String markdown(String channel, AlertContent c) {
        return switch (channel) {
            case "wecom" -> WeComRobot.markdown(c);
            case "dingtalk" -> DingTalkRobot.markdown(c).path("text").asText() + "\n" + DingTalkRobot.markdown(c).path("title").asText();
            case "feishu" -> FeishuBot.card(c).path("elements").path(0).path("text").path("content").asText();
            default -> throw new IllegalArgumentException(channel);
        };
    }

    @ParameterizedTest(name = "{0} ({1})")
    @org.junit.jupiter.params.provider.CsvSource({"wecom, en", "wecom, zh-CN", "dingtalk, en", "dingtalk, zh-CN",
            "feishu, en", "feishu, zh-CN"})
    void noMentionLinkTagOrMarkupSurvivesInTheMarkdownChannels(String channel, String locale) {
        String md = markdown(channel, content(Language.fromTag(locale).orElse(null)));

        assertThat(md).doesNotContain("<@", "@all", "@所有人", "<at", "</at>", "<font color=\"warning\">red",
                "](http://evil", "http://evil", "www.evil", "**bold**", "~~gone~~", "`code`", "![", "<!channel>");
        // the only links are ours, the only tags are the platform's colours around our diff marks
        assertThat(md.replaceAll("\\]\\(https://pw\\.example/changes/[^)]+\\)", "")).doesNotContain("](");
        assertThat(md.lines().filter(l -> l.startsWith("#"))).isEmpty();
        // the text is still there to read
        assertThat(md).contains("办法").contains("evil.example").contains("所有人");
    }

    @Test
    void aFeishuCardHasOneTextBlockAndAPlainTextTitleWhateverThePageSays() {
        JsonNode card = EventJson.mapper().valueToTree(FeishuBot.card(content(Language.EN)));

        assertThat(card.path("elements")).hasSize(1);
        assertThat(card.path("elements").path(0).path("tag").asText()).isEqualTo("div");
        assertThat(card.path("header").path("title").path("tag").asText()).isEqualTo("plain_text");
        List<String> tags = new ArrayList<>();
        card.findValues("tag").forEach(t -> tags.add(t.asText()));
        assertThat(tags).containsOnly("plain_text", "div", "lark_md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void aTeamsCardPutsPageTextOnlyInTextRunsWhichTeamsShowsVerbatim(String locale) {
        JsonNode message = EventJson.mapper().valueToTree(TeamsWorkflow.message(content(Language.fromTag(locale).orElse(null))));
        JsonNode card = message.path("attachments").path(0).path("content");

        List<String> types = new ArrayList<>();
        card.findValues("type").forEach(t -> types.add(t.asText()));
        // no TextBlock (which parses markdown), no mention entities, no actions but our link
        assertThat(types).containsOnly("AdaptiveCard", "RichTextBlock", "TextRun", "ActionSet", "Action.OpenUrl");
        assertThat(card.has("msteams") && card.path("msteams").has("entities")).isFalse();
        assertThat(card.findValues("url")).extracting(JsonNode::asText)
                .allMatch(u -> u.startsWith("https://pw.example/changes/"));
    }

    @Test
    void slackEscapesMentionsAndLinksAndNeutralisesEmphasis() {
        JsonNode message = EventJson.mapper().valueToTree(SlackMessages.alert(content(Language.EN)));
        // mrkdwn: the fallback text and the sections (headers are plain_text, which Slack shows verbatim)
        StringBuilder mrkdwn = new StringBuilder(message.path("text").asText());
        for (JsonNode block : message.path("blocks")) {
            if ("mrkdwn".equals(block.path("text").path("type").asText())) {
                mrkdwn.append('\n').append(block.path("text").path("text").asText());
            } else {
                assertThat(block.path("text").path("type").asText()).isEqualTo("plain_text");
            }
        }
        assertThat(mrkdwn.toString()).doesNotContain("<@all>", "<!channel>", "<at", "**bold**", "~~gone~~", "`code`")
                .contains("&lt;@all&gt;");
        assertThat(mrkdwn.toString().replaceAll("<https://pw\\.example/changes/[^|]+\\|", "")).doesNotContain("<");
    }

    @Test
    void emailEscapesEveryTagAndLinksOnlyToUs() {
        EmailMessages.Rendered mail = EmailMessages.alert(content(Language.EN), "https://pw.example/unsubscribe?t=1");

        assertThat(mail.html()).doesNotContain("<at", "<font", "<!channel>", "<@all>")
                .doesNotContain("href=\"http://evil");
        assertThat(mail.html()).contains("&lt;at id=all&gt;");
        assertThat(mail.subject()).doesNotContain("\n", "\r");
    }
}

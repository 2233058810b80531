package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Language;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.email.EmailMessages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alerts' words in both languages: the same keys, Chinese dates, and no English left in a Chinese alert. */
class AlertTextTest {

    @Test
    void bothLanguagesHaveEveryKeyInTheNotifiersOneBundle() {
        java.util.Set<String> en = AlertText.BUNDLE.keys(Language.EN).stream()
                .filter(k -> k.startsWith(AlertText.PREFIX)).collect(java.util.stream.Collectors.toSet());
        assertThat(en).hasSizeGreaterThan(60);
        assertThat(AlertText.BUNDLE.keys(Language.ZH_CN).stream().filter(k -> k.startsWith(AlertText.PREFIX)))
                .containsExactlyInAnyOrderElementsOf(en);
        // the pages' bean is the very same bundle: one declaration of the notifier's words
        assertThat(AlertText.BUNDLE.baseName()).isEqualTo("i18n/notifier");
        assertThat(AlertText.BUNDLE.keys(Language.EN)).contains("notifier.confirmed.title");
    }

    @Test
    void aCountOfOneIsChineseInAChineseAlert() {
        // the singular is English grammar; a Chinese alert about one change or one renumbered article stays Chinese
        AlertText zh = AlertText.of(Language.ZH_CN);
        assertThat(zh.count("digest.title", 1)).isEqualTo("policywatch 每日汇总：1 项变更");
        assertThat(zh.count("digest.subject", 1, "2024年5月14日")).isEqualTo("[policywatch] 每日汇总：1 项变更 — 2024年5月14日");
        assertThat(zh.count("editorial.renumbered.articles", 1)).isEqualTo("重新编号 1 条");
        assertThat(zh.count("editorial.renumbered.articles", 3)).isEqualTo("重新编号 3 条");
        AlertText en = AlertText.of(Language.EN);
        assertThat(en.count("editorial.renumbered.articles", 1)).isEqualTo("1 article renumbered");
        assertThat(en.count("editorial.renumbered.articles", 40000)).isEqualTo("40000 articles renumbered");
        assertThat(en.count("digest.subject", 1, "2024-05-14")).isEqualTo("[policywatch] Daily digest: 1 change — 2024-05-14");
    }

    @Test
    void datesFollowTheReadersConvention() {
        Instant at = Instant.parse("2024-05-14T03:45:00Z");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        assertThat(AlertText.of(Language.ZH_CN).time(at, shanghai)).isEqualTo("2024年5月14日 11:45");
        assertThat(AlertText.of(Language.EN).time(at, shanghai)).isEqualTo("14 May 2024 11:45");
        assertThat(AlertText.of(Language.ZH_CN).day(at, shanghai)).isEqualTo("2024年5月14日");
    }

    @Test
    void aChineseAlertHasNoEnglishWordOfOurs() {
        DocumentChange c = Fixtures.change("zh", "生成式人工智能服务管理暂行办法", "应当备案", "应当依法备案");
        AlertContent zh = AlertContent.of(List.of(c), false, id -> "https://pw.example/changes/" + id, Language.ZH_CN,
                ZoneOffset.UTC);
        AlertContent.Item item = zh.items().get(0);

        assertThat(item.status()).isEqualTo("已修订 · 修改 1 条");
        assertThat(zh.format().provisionLabel(c.changes().get(0))).isEqualTo("第十条（修改）");
        assertThat(item.detected()).startsWith("检测时间：").contains("年").contains("月");
        EmailMessages.Rendered mail = EmailMessages.alert(zh, "https://pw.example/unsubscribe?t=1");
        // our words: none in English (the publisher's English name is page text, kept as the page has it)
        String ours = mail.text().replace(c.publisher(), "").replace("CAC", "");
        assertThat(ours).doesNotContain("modified", "updated", "View", "Unsubscribe", "You get this", "more");
        assertThat(mail.html()).contains("lang=\"zh-CN\"").contains("查看变更").contains("退订");
        assertThat(mail.subject()).startsWith("[policywatch] ").contains("修改 1 条");
    }

    @Test
    void theConfirmationEmailIsInTheSubscriptionsLanguage() {
        EmailMessages.Rendered zh = EmailMessages.confirmation(AlertText.of(Language.ZH_CN), "https://pw/confirm?t=1",
                "https://pw/unsubscribe?t=1");
        assertThat(zh.subject()).contains("确认");
        assertThat(zh.html()).contains("确认订阅").contains("https://pw/confirm?t=1").doesNotContain("Someone");
    }

    @Test
    void theEnglishWordingIsUnchanged() {
        DocumentChange c = Fixtures.change("en", "Measures", "a", "b");
        assertThat(AlertFormat.EN.status(c)).isEqualTo("updated · 1 modified");
        assertThat(AlertFormat.EN.subjectLine(c)).isEqualTo("CAC: Measures — 1 modified");
    }
}

package dev.policywatch.web.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Language;
import dev.policywatch.web.WebApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: the subscribe form offers every channel the notifier lists, says which this server has
 * not set up (in the notifier's plain words, in the reader's language), ticks the first available one,
 * and never shows a setting's name — the demo's email-off server included.
 */
class ChannelChoiceTest {

    static WebApp app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        app = WebApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void emailOn() {
        app.api.emailOff.set(false);
        app.api.received.clear();
    }

    static HttpResponse<String> get(String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + "/subscribe")).header("Accept-Language", language)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String form, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + "/subscribe")).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void everyChannelIsOfferedAndTheFirstIsTickedWhenAllAreAvailable() throws Exception {
        Document page = Jsoup.parse(get("en").body());
        List<Element> radios = page.select("input[name=channel]");
        assertThat(radios).extracting(r -> r.attr("value")).startsWith("email", "slack").doesNotContain("console");
        assertThat(radios).noneMatch(r -> r.hasAttr("disabled"));
        assertThat(page.select("input[name=channel][checked]")).extracting(r -> r.attr("value")).containsExactly("email");
        assertThat(page.select(".target-formats li").eachText()).contains("Slack: https://hooks.slack.com/services/…");
        // the reasons come in the reader's language: the page asked the notifier in it
        assertThat(app.api.to("/api/channels").get(0).acceptLanguage()).isEqualTo("en");
    }

    @Test
    void withEmailOffTheFormSaysSoTicksSlackAndNamesNoSetting() throws Exception {
        app.api.emailOff.set(true);
        for (Language language : Language.values()) {
            HttpResponse<String> response = get(language.tag());
            Document page = Jsoup.parse(response.body());
            Element email = page.selectFirst("input[name=channel][value=email]");
            assertThat(email.hasAttr("disabled")).isTrue();
            assertThat(email.hasAttr("checked")).isFalse();
            assertThat(page.select("input[name=channel][checked]")).extracting(r -> r.attr("value")).containsExactly("slack");
            String why = page.selectFirst("#why-email").text();
            assertThat(why).isEqualTo(language.isChinese() ? "此服务器未开通邮件提醒。" : "Email alerts are not set up on this server.");
            assertThat(email.attr("aria-describedby")).isEqualTo("why-email");
            assertThat(page.select(".target-formats li").eachText()).noneMatch(t -> t.startsWith("Email") || t.startsWith("电子邮件"));
            assertThat(response.body()).doesNotContain("policywatch.notifier");
        }
    }

    @Test
    void anEmailSignupOnAServerWithoutEmailGetsThePlainReasonWithTheFormFilledIn() throws Exception {
        app.api.emailOff.set(true);
        HttpResponse<String> response = post("channel=email&target=ana%40example.org&mode=daily", "zh-CN");
        assertThat(response.statusCode()).isEqualTo(503);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".alert-error").text()).contains("此服务器未开通邮件提醒。");
        assertThat(page.selectFirst("input#target").val()).isEqualTo("ana@example.org");
        assertThat(response.body()).doesNotContain("policywatch.notifier");
        assertThat(app.api.to("/api/subscriptions").get(0).acceptLanguage()).isEqualTo("zh-CN");
    }

    @Test
    void aWebhookChannelWithoutATargetAsksForTheWebhookUrl() throws Exception {
        Document page = Jsoup.parse(post("channel=slack&target=+&mode=daily", "en").body());
        assertThat(page.selectFirst(".alert-error").text()).contains("Enter the webhook URL to post alerts to.");
        assertThat(page.select("input[name=channel][checked]")).extracting(r -> r.attr("value")).containsExactly("slack");
        Document console = Jsoup.parse(post("channel=console&target=x&mode=daily", "en").body());
        assertThat(console.selectFirst(".alert-error").text()).contains("Choose where to send alerts.");
        assertThat(app.api.to("/api/subscriptions")).isEmpty();
    }

    @Test
    void whenTheNotifierDoesNotListChannelsEveryChannelIsOffered() throws Exception {
        app.api.failing.set(true);
        try {
            HttpResponse<String> response = get("en");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("input[name=channel]")).extracting(r -> r.attr("value")).contains("email", "slack");
            assertThat(page.select("input[name=channel][disabled]")).isEmpty();
        } finally {
            app.api.failing.set(false);
        }
    }

    @Test
    void theNotifiersRefusalsReadInTheReadersLanguageAndNameNoSetting() throws Exception {
        HttpResponse<String> host = post("channel=slack&target=https%3A%2F%2Fevil.example%2Fhook&mode=daily", "zh-CN");
        assertThat(host.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(host.body()).selectFirst(".alert-error").text()).contains("此服务器不会向该网址发送提醒");
        assertThat(host.body()).doesNotContain("policywatch.notifier").doesNotContain("allowed-hosts");
        HttpResponse<String> busy = post("channel=email&target=busy%40example.org&mode=daily", "en");
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(busy.body()).selectFirst(".alert-error").text())
                .contains("Too many subscriptions were made from your address in the last hour.");
        HttpResponse<String> address = post("channel=email&target=not-an-address&mode=daily", "zh-CN");
        assertThat(Jsoup.parse(address.body()).selectFirst(".alert-error").text()).contains("无法向该电子邮箱发送提醒");
    }

    @Test
    void theAlertsLanguageIsThePagesUnlessChosenAndTheSecretGoesOnlyToAChannelThatSigns() throws Exception {
        Document form = Jsoup.parse(get("zh-CN").body());
        assertThat(form.selectFirst("select#locale option[selected]").val()).isEqualTo("zh-CN");
        assertThat(form.select("select#locale option").eachText()).containsExactly("English", "中文");

        post("channel=slack&target=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0%2FB0%2Fx&mode=daily&secret=s3cret", "zh-CN");
        com.fasterxml.jackson.databind.JsonNode slack = dev.policywatch.events.EventJson.mapper()
                .readTree(app.api.to("/api/subscriptions").get(0).body());
        assertThat(slack.path("locale").asText()).isEqualTo("zh-CN");
        assertThat(slack.has("secret")).as("Slack does not sign").isFalse();

        app.api.received.clear();
        post("channel=dingtalk&target=https%3A%2F%2Foapi.dingtalk.com%2Frobot%2Fsend%3Faccess_token%3Dt&mode=daily"
                + "&secret=SECabc&locale=en", "zh-CN");
        com.fasterxml.jackson.databind.JsonNode dingtalk = dev.policywatch.events.EventJson.mapper()
                .readTree(app.api.to("/api/subscriptions").get(0).body());
        assertThat(dingtalk.path("locale").asText()).isEqualTo("en");
        assertThat(dingtalk.path("secret").asText()).isEqualTo("SECabc");
    }

    @Test
    void aGeneratedWebhookSecretIsShownOnceWithTheManageToken() throws Exception {
        HttpResponse<String> response = post("channel=webhook&target=https%3A%2F%2Freceiver.example%2Fhook&mode=immediate", "en");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".token-box code").eachText()).containsExactly("s-123", "mt-secret-456", "whsec_generated789");
        assertThat(page.selectFirst(".token-box p").text()).contains("give the signing secret to the receiver");
        // a secret typed in is never shown back
        HttpResponse<String> typed = post("channel=webhook&target=+&secret=whsec_typed&mode=immediate", "en");
        assertThat(typed.body()).doesNotContain("whsec_typed");
    }
}

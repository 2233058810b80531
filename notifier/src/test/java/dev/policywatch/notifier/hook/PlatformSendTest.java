package dev.policywatch.notifier.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.net.HostResolver;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.dingtalk.DingTalkRobot;
import dev.policywatch.notifier.feishu.FeishuBot;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.notifier.slack.SlackWebhook;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.events.Language;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.HookTargets;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.notifier.teams.TeamsWorkflow;
import dev.policywatch.notifier.webhook.StandardWebhook;
import dev.policywatch.notifier.wecom.WeComRobot;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.testing.hooks.PlatformReceiver;
import dev.policywatch.testing.hooks.PlatformReceiver.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each platform's sender against a local receiver that checks what the platform checks (shape, size,
 * signature) and answers as the platform does, including error codes in HTTP 200 bodies.
 */
class PlatformSendTest {

    private static final String DINGTALK_SECRET = "SEC4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829";
    private static final String FEISHU_SECRET = "qWk7Zf3xYbN2mT8pLr5sVd";
    private static final String WHSEC = HookTargets.newStandardWebhooksSecret();
    private PlatformReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static HookPlatform platform(Platform p) {
        return switch (p) {
            case SLACK -> new SlackWebhook();
            case WECOM -> new WeComRobot();
            case DINGTALK -> new DingTalkRobot();
            case FEISHU -> new FeishuBot();
            case TEAMS -> new TeamsWorkflow();
            case WEBHOOK -> new StandardWebhook();
        };
    }

    private static String secret(Platform p) {
        return switch (p) {
            case DINGTALK -> DINGTALK_SECRET;
            case FEISHU -> FEISHU_SECRET;
            case WEBHOOK -> WHSEC;
            default -> null;
        };
    }

    private HookSender sender(Platform p, String receiverSecret) {
        receiver = new PlatformReceiver(p, receiverSecret);
        Links links = new Links(new PolicywatchSettings(null, null, "https://pw.example", 8080, "./data"),
                new LinkTokens(new byte[32]), Duration.ofDays(1), Clock.systemUTC());
        return new HookSender(platform(p), new WebhookPolicy(List.of(receiver.origin()), HostResolver.system()),
                WebhookClient.create(Duration.ofSeconds(2), Duration.ofSeconds(5)), links, Clock.systemUTC());
    }

    private Alert alert(Platform p, String secret, Language locale, DocumentChange change) {
        Subscription s = new Subscription("s-" + p.name().toLowerCase(), channel(p), receiver.url(), Filters.ALL,
                Mode.IMMEDIATE, null, null, SubscriptionStatus.ACTIVE, null, Instant.now(), Instant.now(), secret, locale);
        return new Alert(7, s, List.of(change), false);
    }

    private static Channel channel(Platform p) {
        return Channel.valueOf(p.name());
    }

    private static DocumentChange small() {
        return Fixtures.change("one", "生成式人工智能服务管理暂行办法", "应当备案", "应当依法备案");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aChangeArrivesInTheShapeThePlatformAcceptsSignedWhereItSigns(Platform p) {
        HookSender sender = sender(p, secret(p));

        SendResult result = sender.send(alert(p, secret(p), Language.ZH_CN, small()));

        assertThat(receiver.rejected()).isEmpty();
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(receiver.accepted()).hasSize(1);
        if (p != Platform.WEBHOOK) {
            // in the subscription's language
            assertThat(receiver.accepted().get(0).body()).contains("查看变更").contains("修改");
        } else {
            assertThat(receiver.accepted().get(0).json().path("changeId").asText()).isEqualTo(small().changeId());
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aChangeOf200ProvisionsFitsThePlatformsSizeLimitWithALinkToTheRest(Platform p) {
        HookSender sender = sender(p, secret(p));
        DocumentChange big = Fixtures.change("big", "Big rule", Fixtures.provisions(200, "长文本 ".repeat(200)));

        SendResult result = sender.send(alert(p, secret(p), Language.EN, big));

        assertThat(receiver.rejected()).isEmpty();
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        String body = receiver.accepted().get(0).body();
        if (p != Platform.WEBHOOK) {
            assertThat(body).contains("/changes/" + big.changeId()).contains("more provisions");
        }
    }

    @Test
    void aWeComMessageIsCutBetweenBlocksWithinItsLimit() {
        DocumentChange big = Fixtures.change("cut", "Big rule", Fixtures.provisions(200, "长文本 ".repeat(200)));
        String md = WeComRobot.markdown(dev.policywatch.notifier.delivery.AlertContent.of(List.of(big), false,
                id -> "https://pw.example/changes/" + id, Language.ZH_CN, java.time.ZoneOffset.UTC));

        assertThat(Markdown.bytes(md)).isLessThanOrEqualTo(WeComRobot.MAX_BYTES).isGreaterThan(3000);
        // the last line is the "more" line with the link, whole; every font tag is closed
        assertThat(md.lines().reduce((a, b) -> b).orElseThrow()).startsWith("……另有").endsWith(")");
        assertThat(md.split("<font", -1).length).isEqualTo(md.split("</font>", -1).length);
    }

    @Test
    void aDingTalkSignatureWithTheWrongSecretDisablesTheSubscriptionWithDingTalksReason() {
        HookSender sender = sender(Platform.DINGTALK, DINGTALK_SECRET);

        SendResult result = sender.send(alert(Platform.DINGTALK, "SECnot-the-robots-secret", Language.EN, small()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.subscriptionStatus()).isEqualTo(SubscriptionStatus.BROKEN);
            assertThat(f.reason()).contains("DingTalk error 310000").contains("sign not match");
        });
        assertThat(receiver.received().get(0).query()).contains("timestamp=").contains("&sign=");
    }

    @Test
    void aFeishuSignatureWithTheWrongSecretDisablesTheSubscription() {
        HookSender sender = sender(Platform.FEISHU, FEISHU_SECRET);

        SendResult result = sender.send(alert(Platform.FEISHU, "wrong", Language.EN, small()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.subscriptionStatus()).isEqualTo(SubscriptionStatus.BROKEN);
            assertThat(f.reason()).contains("Feishu error 19021");
        });
    }

    @Test
    void aWeComRateLimitCodeIsRetriedAndAnInvalidKeyDisables() {
        HookSender sender = sender(Platform.WECOM, null);
        receiver.script(n -> n == 1 ? receiver.error(45009, "api freq out of limit")
                : receiver.error(93000, "invalid webhook url"));

        assertThat(sender.send(alert(Platform.WECOM, null, Language.EN, small())))
                .isInstanceOfSatisfying(SendResult.Retry.class, r -> assertThat(r.reason()).contains("45009"));
        assertThat(sender.send(alert(Platform.WECOM, null, Language.EN, small())))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> {
                    assertThat(f.subscriptionStatus()).isEqualTo(SubscriptionStatus.BROKEN);
                    assertThat(f.reason()).contains("93000").contains("invalid webhook url");
                });
    }

    @Test
    void theTwentyFirstWeComMessageInAMinuteWaitsInsteadOfBeingSent() {
        HookSender sender = sender(Platform.WECOM, null);
        for (int i = 0; i < 20; i++) {
            assertThat(sender.send(alert(Platform.WECOM, null, Language.EN, small()))).isInstanceOf(SendResult.Sent.class);
        }

        SendResult result = sender.send(alert(Platform.WECOM, null, Language.EN, small()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Throttled.class,
                t -> assertThat(t.delay()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1).plusMillis(1)));
        assertThat(receiver.received()).hasSize(20);
    }

    @Test
    void aGoneWebhookDisablesButA404IsRetried() {
        HookSender sender = sender(Platform.WEBHOOK, WHSEC);
        receiver.script(n -> n == 1 ? new PlatformReceiver.Answer(404, "") : new PlatformReceiver.Answer(410, ""));

        assertThat(sender.send(alert(Platform.WEBHOOK, WHSEC, Language.EN, small()))).isInstanceOf(SendResult.Retry.class);
        assertThat(sender.send(alert(Platform.WEBHOOK, WHSEC, Language.EN, small())))
                .isInstanceOfSatisfying(SendResult.Failed.class,
                        f -> assertThat(f.subscriptionStatus()).isEqualTo(SubscriptionStatus.BROKEN));
        // a retry is the same message: the same webhook-id
        assertThat(receiver.received()).extracting(r -> r.headers().get("webhook-id")).containsOnly("msg_s-webhook_7");
    }

    @Test
    void theStandardWebhooksSignatureMatchesTheSpecificationsExample() {
        // the example of the Standard Webhooks reference libraries' tests
        String signature = StandardWebhook.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theTeamsMessageIsTheWorkflowsEnvelope() {
        HookSender sender = sender(Platform.TEAMS, null);
        sender.send(alert(Platform.TEAMS, null, Language.EN, small()));

        var json = receiver.accepted().get(0).json();
        assertThat(json.path("type").asText()).isEqualTo("message");
        assertThat(json.path("attachments").path(0).path("content").path("version").asText()).isEqualTo("1.4");
        assertThat(Map.of("contentUrl", json.path("attachments").path(0).has("contentUrl"))).containsEntry("contentUrl", true);
    }
}

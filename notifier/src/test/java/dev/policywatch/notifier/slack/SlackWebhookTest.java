package dev.policywatch.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.net.HostResolver;
import dev.policywatch.net.OutboundHttp;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookSender;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.support.PolicywatchSettings;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack sender against a real local receiver, through the shared OkHttp client: the send-time
 * checks (allow-list, addresses resolved at connect, redirects) and the handling of each answer.
 */
class SlackWebhookTest {

    private WebhookReceiver receiver;
    private Links links;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver(2);
        PolicywatchSettings pw = new PolicywatchSettings(null, null, "http://localhost:8080", 8080, "./data");
        links = new Links(pw, new LinkTokens(new byte[32]), Duration.ofDays(1), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HookSender sender(List<String> allowed, HostResolver checkDns, HostResolver connectDns) {
        WebhookClient client = new WebhookClient(new OutboundHttp(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)), connectDns));
        return new HookSender(new SlackWebhook(), new WebhookPolicy(allowed, checkDns), client, links, Clock.systemUTC());
    }

    private HookSender localSender() {
        return sender(List.of(receiver.origin()), HostResolver.system(), HostResolver.system());
    }

    private Alert alert(String target) {
        Subscription s = new Subscription("s-slack", Channel.SLACK, target, Filters.ALL, Mode.IMMEDIATE, null, null,
                SubscriptionStatus.ACTIVE, null, Instant.now(), Instant.now());
        return new Alert(1, s, List.of(Fixtures.change("a", "Measures", "第一条 旧", "第一条 新")), false);
    }

    @Test
    void postsToAnAllowListedLocalOrigin() {
        SendResult result = localSender().send(alert(receiver.origin() + "/hook"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(receiver.received("/hook")).hasSize(1);
        assertThat(receiver.received("/hook").get(0).body()).contains("\"blocks\"");
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.answer("/moved", n -> new WebhookReceiver.Answer(302, "", Map.of("Location", "/elsewhere")));

        SendResult result = localSender().send(alert(receiver.origin() + "/moved"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                f -> assertThat(f.reason()).contains("not followed"));
        assertThat(receiver.received("/moved")).hasSize(1);
        assertThat(receiver.received("/elsewhere")).isEmpty();
    }

    @Test
    void aNameThatRebindsToLoopbackAtConnectTimeIsNeverPostedTo() {
        // checked when subscribing: public; resolved again when connecting: loopback (DNS rebinding)
        HostResolver atCheck = host -> List.of(InetAddress.getByName("52.89.214.238"));
        HostResolver atConnect = host -> List.of(InetAddress.getLoopbackAddress());
        HookSender sender = sender(List.of("hooks.slack.test"), atCheck, atConnect);

        SendResult result = sender.send(alert("https://hooks.slack.test/services/T/B/X"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class, r -> assertThat(r.reason())
                .contains("refused at send time").contains("non-public address 127.0.0.1"));
    }

    @Test
    void aNameThatNoLongerResolvesToAPublicAddressIsRefusedBeforeConnecting() {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver dns = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName("169.254.169.254"));
        };
        SendResult result = sender(List.of("hooks.slack.test"), dns, dns).send(alert("https://hooks.slack.test/x"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.reason()).contains("169.254.169.254").contains("not a public address"));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void a404MarksTheSubscriptionBrokenAndA429WaitsRetryAfter() {
        receiver.answer("/gone", n -> new WebhookReceiver.Answer(404, "no_service", Map.of()));
        receiver.answer("/busy", n -> new WebhookReceiver.Answer(429, "rate_limited", Map.of("Retry-After", "7")));
        HookSender sender = localSender();

        assertThat(sender.send(alert(receiver.origin() + "/gone"))).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.subscriptionStatus()).isEqualTo(SubscriptionStatus.BROKEN);
            assertThat(f.reason()).contains("no_service");
        });
        assertThat(sender.send(alert(receiver.origin() + "/busy"))).isInstanceOfSatisfying(SendResult.Throttled.class,
                t -> assertThat(t.delay()).isEqualTo(Duration.ofSeconds(7)));
        // paused for that webhook: not asked again
        assertThat(sender.send(alert(receiver.origin() + "/busy"))).isInstanceOf(SendResult.Throttled.class);
        assertThat(receiver.received("/busy")).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedAndAnUnreachableReceiverToo() {
        receiver.answer("/down", n -> new WebhookReceiver.Answer(503, "down", Map.of()));
        HookSender sender = localSender();

        assertThat(sender.send(alert(receiver.origin() + "/down"))).isInstanceOf(SendResult.Retry.class);
        receiver.close();
        assertThat(sender.send(alert(receiver.origin() + "/after-close"))).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.reason()).contains("unreachable"));
    }

}

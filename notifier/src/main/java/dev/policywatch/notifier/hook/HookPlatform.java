package dev.policywatch.notifier.hook;

import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One webhook platform (Slack, WeCom, DingTalk, Feishu, Teams, Standard Webhooks): how an alert becomes
 * the body it accepts, within its size limit and with page text inert in its markup; how it is signed;
 * how fast one target may be posted to; and what its answers mean. Pure and thread-safe; the
 * {@link HookSender} does the network.
 */
public interface HookPlatform {

    Channel channel();

    /** The rate limits of one target (a robot, a hook URL); empty when the platform states none. */
    List<Pacer.Limit> limits();

    /**
     * The request for {@code alert} to {@code target}, at {@code now} (signatures carry a timestamp).
     * {@code content} is the alert's model in the subscription's language.
     */
    Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now);

    /**
     * What the platform's answer means, where it says more than its HTTP status: an error code in a 200's
     * body, Slack's error words. Empty: the HTTP status decides (2xx sent, 429 waits, 404/410 disables,
     * 5xx retries, other 4xx gives up).
     */
    Optional<SendResult> read(WebhookClient.Reply reply);

    /** A body to post as JSON, to {@code target} (which may carry a signature's query parameters), with extra headers. */
    record Request(CheckedTarget target, byte[] body, Map<String, String> headers) {

        public Request {
            headers = Map.copyOf(headers);
        }
    }
}

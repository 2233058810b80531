package dev.policywatch.notifier.wecom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.MarkdownAlert;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.hook.ReplyCodes;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WeCom (企业微信) group robots: {@code POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…} with a
 * {@code markdown} message whose content is at most {@value #MAX_BYTES} bytes of UTF-8 (cut between
 * blocks, with a link to the change page). WeCom's markdown colours insertions ({@code info}, green) and
 * deletions ({@code warning}); it has no strike-through, so deletions also keep {@code ~~}. 20 messages
 * a minute per robot. Answers carry {@code errcode}: 45009 (frequency limit) and -1 (busy) are retried,
 * 93000 (invalid webhook URL or key) disables the subscription.
 */
public final class WeComRobot implements HookPlatform {

    /** WeCom's limit of a markdown message's content, in bytes. */
    public static final int MAX_BYTES = 4096;
    static final MarkdownAlert.Style STYLE = new MarkdownAlert.Style("**", "**", "<font color=\"info\">", "</font>",
            "<font color=\"warning\">~~", "~~</font>", "> ", "\n", 600);
    private static final ReplyCodes CODES = new ReplyCodes("WeCom", List.of("errcode"), List.of("errmsg"),
            Set.of(-1L, 45009L), Set.of(93000L));

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of(new Pacer.Limit(20, Duration.ofMinutes(1)));
    }

    /** The markdown content of an alert, within {@link #MAX_BYTES}. */
    public static String markdown(AlertContent content) {
        return MarkdownAlert.render(content, STYLE, MAX_BYTES);
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("msgtype", "markdown");
        root.putObject("markdown").put("content", markdown(content));
        return new Request(target, EventJson.write(root), Map.of());
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        return CODES.read(reply);
    }
}

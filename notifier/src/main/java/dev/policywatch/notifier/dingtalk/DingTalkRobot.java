package dev.policywatch.notifier.dingtalk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.Hmac;
import dev.policywatch.notifier.hook.Markdown;
import dev.policywatch.notifier.hook.MarkdownAlert;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.hook.ReplyCodes;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DingTalk (钉钉) custom robots: {@code POST https://oapi.dingtalk.com/robot/send?access_token=…} with a
 * {@code markdown} message ({@code title}, the preview, and {@code text}, kept within
 * {@value #MAX_BYTES} bytes). With the robot's signing secret ({@code SEC…}), each request adds
 * {@code timestamp} (milliseconds) and {@code sign} = URL-encoded base64 of HMAC-SHA256 with the secret as
 * key over {@code timestamp + "\n" + secret}, as DingTalk documents. 20 messages a minute per robot.
 * Answers carry {@code errcode}: 130101 (sending too fast) and -1 (busy) are retried; 300001 and 400101
 * (no such token), 310000 (signature, keyword or IP check failed) and 400102 (robot disabled) disable the
 * subscription.
 */
public final class DingTalkRobot implements HookPlatform {

    /** The most text we put in one markdown message, in bytes (DingTalk refuses messages of about 20 KB). */
    public static final int MAX_BYTES = 18_000;
    static final MarkdownAlert.Style STYLE = new MarkdownAlert.Style("**", "**", "**", "**", "~~", "~~", "> ",
            "\n\n", 900);
    private static final ReplyCodes CODES = new ReplyCodes("DingTalk", List.of("errcode"), List.of("errmsg"),
            Set.of(-1L, 130101L), Set.of(300001L, 310000L, 400101L, 400102L));

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of(new Pacer.Limit(20, Duration.ofMinutes(1)));
    }

    /** The {@code markdown} object of an alert: title and text. */
    public static ObjectNode markdown(AlertContent content) {
        ObjectNode md = JsonNodeFactory.instance.objectNode();
        md.put("title", Markdown.inert(AlertFormat.oneLine(content.title(), 100)));
        md.put("text", MarkdownAlert.render(content, STYLE, MAX_BYTES));
        return md;
    }

    /** The query parameters that sign a request at {@code now}: {@code timestamp=…&sign=…}. */
    public static String signature(String secret, Instant now) {
        long timestamp = now.toEpochMilli();
        String sign = Hmac.sha256Base64(secret, timestamp + "\n" + secret);
        return "timestamp=" + timestamp + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("msgtype", "markdown");
        root.set("markdown", markdown(content));
        String secret = alert.subscription().secret();
        CheckedTarget to = secret == null ? target : target.withQuery(signature(secret, now));
        return new Request(to, EventJson.write(root), Map.of());
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        return CODES.read(reply);
    }
}

package dev.policywatch.notifier.feishu;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.Hmac;
import dev.policywatch.notifier.hook.MarkdownAlert;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.hook.ReplyCodes;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feishu (飞书) and Lark custom bots: {@code POST https://open.feishu.cn/open-apis/bot/v2/hook/…} (or
 * open.larksuite.com) with an {@code interactive} card: a plain-text header (the title) and one
 * {@code lark_md} block (headline, meaning, provisions with their diffs struck through and in bold),
 * kept within {@value #MAX_BYTES} bytes (Feishu refuses request bodies over 20 KB). With the bot's
 * signing secret, the body carries {@code timestamp} (seconds) and {@code sign} = base64 of HMAC-SHA256
 * keyed with {@code timestamp + "\n" + secret} over empty data, as Feishu documents. 100 messages a
 * minute and 5 a second per bot. Answers carry {@code code} (older ones {@code StatusCode}): 11232
 * (frequency limited) is retried; 19001 (invalid webhook), 19021 (signature or timestamp rejected),
 * 19022 (IP not allowed) and 19024 (keyword missing) disable the subscription.
 */
public final class FeishuBot implements HookPlatform {

    /** The most card text we send, in bytes. */
    public static final int MAX_BYTES = 18_000;
    static final MarkdownAlert.Style STYLE = new MarkdownAlert.Style("**", "**", "**", "**", "~~", "~~", "",
            "\n", 900);
    private static final ReplyCodes CODES = new ReplyCodes("Feishu", List.of("code", "StatusCode"),
            List.of("msg", "StatusMessage"), Set.of(11232L), Set.of(19001L, 19021L, 19022L, 19024L));

    @Override
    public Channel channel() {
        return Channel.FEISHU;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of(new Pacer.Limit(5, Duration.ofSeconds(1)), new Pacer.Limit(100, Duration.ofMinutes(1)));
    }

    /** The card of an alert. */
    public static ObjectNode card(AlertContent content) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode card = json.objectNode();
        card.putObject("config").put("wide_screen_mode", true);
        ObjectNode header = card.putObject("header").put("template", "blue");
        // plain_text: shown verbatim, no markup, no mentions
        header.putObject("title").put("tag", "plain_text").put("content", AlertFormat.oneLine(content.title(), 200));
        ObjectNode div = card.putArray("elements").addObject().put("tag", "div");
        div.putObject("text").put("tag", "lark_md").put("content", MarkdownAlert.render(content, STYLE, MAX_BYTES));
        return card;
    }

    /** The {@code sign} of a request at {@code timestampSeconds}. */
    public static String sign(String secret, long timestampSeconds) {
        return Hmac.sha256Base64((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        String secret = alert.subscription().secret();
        if (secret != null) {
            long ts = now.getEpochSecond();
            root.put("timestamp", String.valueOf(ts)).put("sign", sign(secret, ts));
        }
        root.put("msg_type", "interactive");
        root.set("card", card(content));
        return new Request(target, EventJson.write(root), Map.of());
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        return CODES.read(reply);
    }
}

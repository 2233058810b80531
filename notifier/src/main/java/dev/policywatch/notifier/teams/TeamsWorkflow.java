package dev.policywatch.notifier.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.Markdown;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, "When a Teams webhook request is
 * received": the message envelope {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":<AdaptiveCard 1.4>}]}}. Page text goes only into
 * {@code RichTextBlock} text runs, which Teams shows verbatim (no markdown, no mentions: mentions need
 * entities we never send); deletions are struck through, insertions bold and green. The card is kept
 * within {@value #MAX_BYTES} bytes (Teams refuses messages of about 28 KB) by listing fewer provisions.
 * Paced to 4 requests a second per URL (the limit Teams states for its webhooks); an answer of 200 whose
 * text reports an HTTP 429 (Teams' connectors do that) waits like a 429.
 */
public final class TeamsWorkflow implements HookPlatform {

    /** The most card JSON we send, in bytes. */
    public static final int MAX_BYTES = 24_000;
    private static final int MAX_DIFF = 900;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Channel channel() {
        return Channel.TEAMS;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of(new Pacer.Limit(4, Duration.ofSeconds(1)));
    }

    /** The whole message: the envelope with one Adaptive Card. */
    public static ObjectNode message(AlertContent content) {
        ObjectNode root = JSON.objectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card(content));
        return root;
    }

    /** The Adaptive Card of an alert, within {@link #MAX_BYTES}. */
    static ObjectNode card(AlertContent content) {
        AlertText t = content.text();
        ObjectNode card = JSON.objectNode()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", "1.4");
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        int used = 600; // envelope and actions
        if (content.digest()) {
            used += add(body, rich(run(content.title()).put("weight", "Bolder").put("size", "Large")));
        }
        int n = content.items().size();
        for (int ci = 0; ci < n; ci++) {
            AlertContent.Item c = content.items().get(ci);
            ObjectNode head = rich(run(c.headline()).put("weight", "Bolder").put("size", "Medium"));
            String lead = c.lineage() != null && !c.lineage().equals(c.headline()) ? c.lineage() : c.meaning();
            ArrayNode runs = (ArrayNode) head.get("inlines");
            if (lead != null) {
                runs.add(run("\n" + lead).put("weight", "Bolder"));
            }
            if (c.predecessor() != null) {
                runs.add(run("\n" + c.predecessor()));
            }
            runs.add(run("\n" + c.publisher() + " · " + c.status()));
            if (!c.detected().isEmpty()) {
                runs.add(run("\n" + c.detected()).put("isSubtle", true));
            }
            ObjectNode open = JSON.objectNode().put("type", "ActionSet");
            open.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", t.get("view"))
                    .put("url", c.link());
            int headSize = size(head) + size(open);
            if (used + headSize > MAX_BYTES - 600) {
                used += add(body, rich(run(t.get("more.changes", n - ci))));
                break;
            }
            used += add(body, head);
            int shown = 0;
            for (ProvisionChange p : c.provisions()) {
                ObjectNode block = provision(content.format(), p);
                if (used + size(block) + size(open) > MAX_BYTES - 600) {
                    break;
                }
                used += add(body, block);
                shown++;
            }
            int more = c.moreThan(shown);
            if (more > 0) {
                used += add(body, rich(run(t.get("more.provisions", more)).put("isSubtle", true)));
            }
            if (!c.editorial().isEmpty()) {
                used += add(body, rich(run(c.editorial()).put("isSubtle", true)));
            }
            used += add(body, open);
        }
        return card;
    }

    private static ObjectNode provision(AlertFormat f, ProvisionChange p) {
        ObjectNode block = rich(run(f.provisionLabel(p)).put("weight", "Bolder"));
        ArrayNode runs = (ArrayNode) block.get("inlines");
        String note = AlertFormat.note(p);
        if (!note.isEmpty()) {
            runs.add(run("\n" + note).put("italic", true));
        }
        runs.add(run("\n"));
        for (DiffOp op : AlertFormat.compactDiff(p, MAX_DIFF)) {
            ObjectNode r = run(op.text());
            switch (op.op()) {
                case EQUAL -> { }
                case INSERT -> r.put("weight", "Bolder").put("color", "Good");
                case DELETE -> r.put("strikethrough", true).put("color", "Attention");
            }
            runs.add(r);
        }
        block.put("separator", true);
        return block;
    }

    private static ObjectNode rich(ObjectNode firstRun) {
        ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
        block.putArray("inlines").add(firstRun);
        return block;
    }

    /** A text run: shown verbatim by Teams (no markdown is parsed in a TextRun). */
    private static ObjectNode run(String text) {
        String clean = AlertFormat.stripBidi(text).replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
        return JSON.objectNode().put("type", "TextRun").put("text", clean);
    }

    private static int add(ArrayNode body, ObjectNode element) {
        body.add(element);
        return size(element);
    }

    private static int size(ObjectNode element) {
        return Markdown.bytes(element.toString());
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        return new Request(target, EventJson.write(message(content)), Map.of());
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        if (reply.status() >= 200 && reply.status() < 300 && body.contains("HTTP error 429")) {
            return Optional.of(new SendResult.Throttled("Teams answered 200 reporting HTTP 429", Duration.ofSeconds(30)));
        }
        return Optional.empty();
    }
}

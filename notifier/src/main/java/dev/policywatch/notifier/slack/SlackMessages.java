package dev.policywatch.notifier.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertText;

/**
 * Block Kit messages for an alert, always within Slack's limits: at most {@value #MAX_BLOCKS} blocks,
 * section texts of at most {@value #MAX_SECTION} characters, headers of at most {@value #MAX_HEADER}.
 * A change with more provisions than fit (200, say) is truncated with a link to the full change,
 * never rejected. Every string from a page has {@code & < >} escaped, so it cannot ping
 * {@code <!channel>} or forge a link, and Slack's emphasis marks neutralised. Pure.
 */
public final class SlackMessages {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    /** Total text kept well under what Slack accepts in one message. */
    static final int MAX_TOTAL = 30_000;
    private static final int MAX_DIFF = 900;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SlackMessages() {
    }

    /** Escapes {@code & < >} as Slack requires. */
    public static String escape(String s) {
        return s == null ? "" : AlertFormat.stripBidi(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped, and Slack's emphasis marks replaced by look-alikes, for text set inside {@code *…*} or {@code _…_}. */
    private static String inert(String s) {
        return escape(s).replace("*", "∗").replace("_", "＿").replace("~", "∼").replace("`", "ˋ");
    }

    /** The webhook payload: fallback {@code text} and {@code blocks}. */
    public static ObjectNode alert(AlertContent content) {
        AlertText t = content.text();
        ObjectNode root = JSON.objectNode();
        ArrayNode blocks = root.putArray("blocks");
        root.put("text", inert(content.title()));
        if (content.digest()) {
            blocks.add(header(content.title()));
        }
        int total = 0;
        int n = content.items().size();
        for (int ci = 0; ci < n; ci++) {
            AlertContent.Item c = content.items().get(ci);
            // room for this change's header and summary, a "more provisions" and a "more changes" notice
            if (blocks.size() + 4 > MAX_BLOCKS || total > MAX_TOTAL) {
                blocks.add(section(escape(t.get("more.changes", n - ci))));
                break;
            }
            blocks.add(header(c.headline()));
            // the header is clipped to Slack's limit: the lineage line (which names the draft) is repeated whole
            String lead = c.lineage() != null ? "*" + inert(c.lineage()) + "*\n"
                    : c.meaning() != null ? "*" + inert(c.meaning()) + "*\n" : "";
            String summary = lead + (c.predecessor() == null ? "" : escape(c.predecessor()) + "\n")
                    + "*" + inert(c.publisher()) + "* · " + escape(c.status())
                    + (c.editorial().isEmpty() ? "" : "\n" + escape(c.editorial()))
                    + "\n<" + c.link() + "|" + escape(t.get("view")) + ">";
            blocks.add(section(summary));
            total += summary.length();
            for (int i = 0; i < c.provisions().size(); i++) {
                String text = provisionText(content.format(), c.provisions().get(i));
                int reserve = ci == n - 1 ? 2 : 3; // this provision, "more provisions", "more changes"
                if (blocks.size() + reserve > MAX_BLOCKS || total + text.length() > MAX_TOTAL) {
                    blocks.add(section(escape(t.get("more.provisions", c.moreThan(i))) + ": <" + c.link() + "|"
                            + escape(t.get("see.all")) + ">"));
                    break;
                }
                blocks.add(section(text));
                total += text.length();
            }
        }
        return root;
    }

    private static String provisionText(AlertFormat f, ProvisionChange p) {
        StringBuilder sb = new StringBuilder("*").append(inert(f.provisionLabel(p))).append("*\n");
        String note = AlertFormat.note(p);
        if (!note.isEmpty()) {
            sb.append("_").append(inert(note)).append("_\n");
        }
        for (DiffOp op : AlertFormat.compactDiff(p, MAX_DIFF)) {
            String t = inert(op.text());
            if (t.isBlank()) {
                sb.append(t);
                continue;
            }
            switch (op.op()) {
                case EQUAL -> sb.append(t);
                case INSERT -> sb.append(" *").append(t.strip()).append("* ");
                case DELETE -> sb.append(" ~").append(t.strip()).append("~ ");
            }
        }
        return sb.toString();
    }

    private static ObjectNode header(String text) {
        ObjectNode b = JSON.objectNode().put("type", "header");
        // plain_text: Slack shows it verbatim, so no escaping; only clipping to the header limit
        b.putObject("text").put("type", "plain_text").put("text", AlertFormat.oneLine(text, MAX_HEADER))
                .put("emoji", false);
        return b;
    }

    private static ObjectNode section(String mrkdwn) {
        String t = mrkdwn.length() > MAX_SECTION ? mrkdwn.substring(0, MAX_SECTION - 1) + "…" : mrkdwn;
        ObjectNode b = JSON.objectNode().put("type", "section");
        b.putObject("text").put("type", "mrkdwn").put("text", t);
        return b;
    }
}

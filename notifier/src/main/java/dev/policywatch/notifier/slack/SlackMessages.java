package dev.policywatch.notifier.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.AlertFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Block Kit messages for an alert, always within Slack's limits: at most {@value #MAX_BLOCKS} blocks,
 * section texts of at most {@value #MAX_SECTION} characters, headers of at most {@value #MAX_HEADER}.
 * A change with more provisions than fit (200, say) is truncated with a link to the full change,
 * never rejected. Every string from a page has {@code & < >} escaped, so it cannot ping
 * {@code <!channel>} or forge a link. Pure.
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

    /** The webhook payload: fallback {@code text} and {@code blocks}. */
    public static ObjectNode alert(List<DocumentChange> changes, boolean digest, UnaryOperator<String> changeLink) {
        ObjectNode root = JSON.objectNode();
        ArrayNode blocks = root.putArray("blocks");
        DocumentChange firstChange = changes.get(0);
        String fallback = digest || changes.size() > 1
                ? "policywatch daily digest: " + changes.size() + " changes"
                : AlertFormat.subjectLine(firstChange);
        root.put("text", escape(AlertFormat.oneLine(fallback, 300)));
        if (digest || changes.size() > 1) {
            blocks.add(header("policywatch daily digest: " + changes.size() + " changes"));
        }
        int total = 0;
        for (int ci = 0; ci < changes.size(); ci++) {
            DocumentChange c = changes.get(ci);
            String link = changeLink.apply(c.changeId());
            // room for this change's header and summary, a "more provisions" and a "more changes" notice
            if (blocks.size() + 4 > MAX_BLOCKS || total > MAX_TOTAL) {
                blocks.add(section("… and " + (changes.size() - ci) + " more changes."));
                break;
            }
            blocks.add(header(AlertFormat.headline(c)));
            String meaning = c.summary().headline() == null ? "" : "*" + escape(AlertFormat.oneLine(c.summary().headline(), 300))
                    .replace("*", "∗") + "*\n";
            String editorial = AlertFormat.editorialLine(c);
            if (editorial.isEmpty()) {
                editorial = AlertFormat.renumberedLine(c.changes()); // a change from before meanings
            }
            // the header is clipped to Slack's limit: the lineage line (which names the draft) is repeated whole
            String summary = AlertFormat.lineage(c).map(l -> "*" + escape(l) + "*\n").orElse(meaning)
                    + AlertFormat.predecessorLine(c).map(l -> escape(l) + "\n").orElse("") + "*" + escape(AlertFormat.oneLine(c.publisher(), 200)) + "* · " + escape(AlertFormat.status(c))
                    + (editorial.isEmpty() ? "" : "\n" + escape(editorial)) + "\n<" + link + "|View the change>";
            blocks.add(section(summary));
            total += summary.length();
            List<ProvisionChange> provisions = AlertFormat.shownProvisions(c);
            for (int i = 0; i < provisions.size(); i++) {
                String text = provisionText(provisions.get(i));
                boolean lastChange = ci == changes.size() - 1;
                int reserve = lastChange ? 2 : 3; // this provision, "more provisions", "more changes"
                if (blocks.size() + reserve > MAX_BLOCKS || total + text.length() > MAX_TOTAL) {
                    blocks.add(section("… and " + (provisions.size() - i + AlertFormat.provisionCount(c) - c.changes().size()) + " more provisions: <" + link
                            + "|see all>"));
                    break;
                }
                blocks.add(section(text));
                total += text.length();
            }
        }
        return root;
    }

    private static String provisionText(ProvisionChange p) {
        StringBuilder sb = new StringBuilder("*").append(escape(AlertFormat.provisionLabel(p))).append("*\n");
        String note = AlertFormat.note(p);
        if (!note.isEmpty()) {
            sb.append("_").append(escape(note).replace("_", "＿")).append("_\n");
        }
        for (DiffOp op : AlertFormat.compactDiff(p, MAX_DIFF)) {
            String t = escape(op.text()).replace("*", "∗").replace("~", "∼");
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

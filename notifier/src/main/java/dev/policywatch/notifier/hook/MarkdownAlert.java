package dev.policywatch.notifier.hook;

import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertText;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as markdown for the robots of WeCom, DingTalk and Feishu, within a byte limit: per change the
 * headline (bold), what it means (quoted), the predecessor, publisher and status, when it was detected
 * and the link to the change page first; then the substantive provisions with their notes and diffs
 * while they fit; then the editorial and renumbered provisions in one line. What does not fit is cut
 * between blocks, never inside one, and replaced by "… and N more: link" — the whole change is a click
 * away. Page text goes through {@link Markdown#inert}. Pure.
 */
public final class MarkdownAlert {

    /**
     * A platform's markdown: emphasis, how inserted and deleted text are marked, the line break between
     * blocks, and how long a provision's diff may be.
     */
    public record Style(String boldOpen, String boldClose, String insOpen, String insClose, String delOpen,
            String delClose, String quote, String breakLine, int maxDiff) {
    }

    /** What a "more" line needs at most (a link and a count), kept free until the end. */
    private static final int RESERVE = 600;

    private MarkdownAlert() {
    }

    /** {@code content} in {@code style}, at most {@code maxBytes} UTF-8 bytes. */
    public static String render(AlertContent content, Style style, int maxBytes) {
        AlertText t = content.text();
        List<String> blocks = new ArrayList<>();
        int budget = maxBytes - RESERVE;
        int used = 0;
        if (content.digest()) {
            String title = bold(style, Markdown.inert(content.title()));
            blocks.add(title);
            used += size(title, style);
        }
        int n = content.items().size();
        for (int ci = 0; ci < n; ci++) {
            AlertContent.Item c = content.items().get(ci);
            String head = head(c, t, style);
            if (used + size(head, style) > budget) {
                blocks.add(Markdown.inert(t.get("more.changes", n - ci)));
                break;
            }
            blocks.add(head);
            used += size(head, style);
            int shown = 0;
            for (ProvisionChange p : c.provisions()) {
                String block = provision(content.format(), p, style);
                if (used + size(block, style) > budget) {
                    break;
                }
                blocks.add(block);
                used += size(block, style);
                shown++;
            }
            int more = c.moreThan(shown);
            if (more > 0) {
                String line = t.get("more.provisions.link", more, "[" + Markdown.inert(t.get("see.all")) + "](" + c.link()
                        + ")");
                blocks.add(line);
                used += size(line, style);
            }
            if (!c.editorial().isEmpty()) {
                String editorial = Markdown.inert(c.editorial());
                if (used + size(editorial, style) <= budget) {
                    blocks.add(editorial);
                    used += size(editorial, style);
                }
            }
        }
        String out = String.join(style.breakLine(), blocks);
        // only a pathological configuration (a tiny limit) gets here: cut at a block boundary, then bytes
        while (Markdown.bytes(out) > maxBytes && blocks.size() > 1) {
            blocks.remove(blocks.size() - 1);
            out = String.join(style.breakLine(), blocks);
        }
        return Markdown.clipBytes(out, maxBytes);
    }

    private static String head(AlertContent.Item c, AlertText t, Style style) {
        List<String> lines = new ArrayList<>();
        lines.add(bold(style, Markdown.inert(c.headline())));
        String lead = c.lineage() != null && !c.lineage().equals(c.headline()) ? c.lineage() : c.meaning();
        if (lead != null) {
            lines.add(style.quote() + Markdown.inert(lead));
        }
        if (c.predecessor() != null) {
            lines.add(Markdown.inert(c.predecessor()));
        }
        lines.add(Markdown.inert(c.publisher()) + " · " + Markdown.inert(c.status()));
        if (!c.detected().isEmpty()) {
            lines.add(Markdown.inert(c.detected()));
        }
        lines.add("[" + Markdown.inert(t.get("view")) + "](" + c.link() + ")");
        return String.join(style.breakLine(), lines);
    }

    private static String provision(AlertFormat f, ProvisionChange p, Style style) {
        StringBuilder sb = new StringBuilder(bold(style, Markdown.inert(f.provisionLabel(p))));
        String note = AlertFormat.note(p);
        if (!note.isEmpty()) {
            sb.append(style.breakLine()).append(style.quote()).append(Markdown.inert(note));
        }
        sb.append(style.breakLine());
        for (DiffOp op : AlertFormat.compactDiff(p, style.maxDiff())) {
            String text = Markdown.inert(op.text());
            if (text.isBlank()) {
                sb.append(text);
                continue;
            }
            switch (op.op()) {
                case EQUAL -> sb.append(text);
                case INSERT -> sb.append(style.insOpen()).append(text.strip()).append(style.insClose());
                case DELETE -> sb.append(style.delOpen()).append(text.strip()).append(style.delClose());
            }
        }
        return sb.toString();
    }

    private static String bold(Style style, String text) {
        return style.boldOpen() + text + style.boldClose();
    }

    private static int size(String block, Style style) {
        return Markdown.bytes(block) + Markdown.bytes(style.breakLine());
    }
}

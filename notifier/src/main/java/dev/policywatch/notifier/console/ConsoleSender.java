package dev.policywatch.notifier.console;

import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.Links;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints each alert as a few readable lines: the headline, what happened and the link, then each
 * changed provision with its diff, renumbered provisions told in one line. On a terminal the diff is in
 * colour (deletions struck through in red, insertions green); written to a file or a pipe it reads
 * {@code [-deleted-]{+inserted+}}. Control characters from pages never reach the output. Thread-safe.
 */
public final class ConsoleSender implements AlertSender {

    private static final int MAX_PROVISIONS = 20;

    private final PrintStream out;
    private final Links links;
    private final boolean colour;

    /** A sender that writes plain text with diff markers. */
    public ConsoleSender(PrintStream out, Links links) {
        this(out, links, false);
    }

    /** @param colour whether {@code out} is a terminal that takes ANSI colours */
    public ConsoleSender(PrintStream out, Links links, boolean colour) {
        this.out = out;
        this.links = links;
        this.colour = colour;
    }

    /** Whether standard output is a terminal that takes colour (not redirected, no NO_COLOR, TERM not dumb). */
    public static boolean stdoutIsTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public Channel channel() {
        return Channel.CONSOLE;
    }

    @Override
    public SendResult send(Alert alert) {
        StringBuilder sb = new StringBuilder();
        AlertContent content = alert.content(links::change);
        for (AlertContent.Item c : content.items()) {
            render(content.format(), c, sb);
        }
        synchronized (out) {
            out.print(sb);
            out.flush();
        }
        return SendResult.sent();
    }

    /** The text printed for one change, in English. */
    public String render(DocumentChange c, StringBuilder sb) {
        AlertContent content = AlertContent.of(List.of(c), false, links::change, AlertFormat.EN);
        return render(content.format(), content.items().get(0), sb);
    }

    private String render(AlertFormat f, AlertContent.Item c, StringBuilder sb) {
        AlertText t = f.text();
        String headline = t.get("console.heading", c.lead());
        sb.append('\n').append(colour ? "\u001B[1m" + headline + "\u001B[0m" : headline).append('\n');
        if (c.predecessor() != null) {
            sb.append("   ").append(c.predecessor()).append('\n');
        }
        sb.append("   ").append(c.status()).append(" · ").append(c.link()).append('\n');
        List<ProvisionChange> shown = c.provisions();
        for (int i = 0; i < shown.size() && i < MAX_PROVISIONS; i++) {
            ProvisionChange p = shown.get(i);
            List<DiffOp> diff = AlertFormat.compactDiff(p, 300);
            String note = AlertFormat.note(p);
            sb.append("   - ").append(f.provisionLabel(p)).append(": ")
                    .append(note.isEmpty() ? "" : note + " | ")
                    .append(colour ? AlertFormat.ansiDiff(diff) : AlertFormat.plainDiff(diff)).append('\n');
        }
        // a huge edit arrives truncated by diff-service: its summary still counts every provision
        int more = c.moreThan(Math.min(shown.size(), MAX_PROVISIONS));
        if (more > 0) {
            sb.append("   ").append(t.get("console.more", more)).append('\n');
        }
        // editorial and renumbered-only provisions in one line (a change from before meanings: the renumbering)
        if (!c.editorial().isEmpty()) {
            sb.append("   - ").append(c.editorial()).append('\n');
        }
        return sb.toString();
    }
}

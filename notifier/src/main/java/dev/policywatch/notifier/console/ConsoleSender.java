package dev.policywatch.notifier.console;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.SendResult;
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
        for (DocumentChange c : alert.changes()) {
            render(c, sb);
        }
        synchronized (out) {
            out.print(sb);
            out.flush();
        }
        return SendResult.sent();
    }

    /** The text printed for one change. */
    public String render(DocumentChange c, StringBuilder sb) {
        String headline = "== policywatch alert: " + AlertFormat.leadLine(c);
        sb.append('\n').append(colour ? "\u001B[1m" + headline + "\u001B[0m" : headline).append('\n');
        AlertFormat.predecessorLine(c).ifPresent(l -> sb.append("   ").append(l).append('\n'));
        sb.append("   ").append(AlertFormat.status(c)).append(" · ").append(links.change(c.changeId())).append('\n');
        List<ProvisionChange> shown = AlertFormat.shownProvisions(c);
        for (int i = 0; i < shown.size() && i < MAX_PROVISIONS; i++) {
            ProvisionChange p = shown.get(i);
            List<DiffOp> diff = AlertFormat.compactDiff(p, 300);
            String note = AlertFormat.note(p);
            sb.append("   - ").append(AlertFormat.provisionLabel(p)).append(": ")
                    .append(note.isEmpty() ? "" : note + " | ")
                    .append(colour ? AlertFormat.ansiDiff(diff) : AlertFormat.plainDiff(diff)).append('\n');
        }
        // a huge edit arrives truncated by diff-service: its summary still counts every provision
        int more = Math.max(0, shown.size() - MAX_PROVISIONS) + AlertFormat.provisionCount(c) - c.changes().size();
        if (more > 0) {
            sb.append("   … and ").append(more).append(" more (all of them at the link above)\n");
        }
        // editorial and renumbered-only provisions in one line (a change from before meanings: the renumbering)
        String editorial = AlertFormat.editorialLine(c);
        String renumbered = editorial.isEmpty() ? AlertFormat.renumberedLine(c.changes()) : editorial;
        if (!renumbered.isEmpty()) {
            sb.append("   - ").append(renumbered).append('\n');
        }
        return sb.toString();
    }
}

package dev.policywatch.notifier.console;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.subscription.Channel;
import dev.policywatch.notifier.subscription.Links;
import java.io.PrintStream;
import java.util.List;

/** Prints each alert as a few readable lines (headline, counts, link, each provision with its diff). Thread-safe. */
public final class ConsoleSender implements AlertSender {

    private static final int MAX_PROVISIONS = 20;

    private final PrintStream out;
    private final Links links;

    public ConsoleSender(PrintStream out, Links links) {
        this.out = out;
        this.links = links;
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
        sb.append("\n== policywatch alert: ").append(AlertFormat.headline(c)).append('\n')
                .append("   ").append(AlertFormat.kind(c)).append(" · ").append(AlertFormat.counts(c)).append(" · ")
                .append(links.change(c.changeId())).append('\n');
        List<ProvisionChange> provisions = c.changes();
        for (int i = 0; i < provisions.size() && i < MAX_PROVISIONS; i++) {
            ProvisionChange p = provisions.get(i);
            sb.append("   - ").append(AlertFormat.provisionLabel(p)).append(": ")
                    .append(AlertFormat.plainDiff(AlertFormat.compactDiff(p, 300))).append('\n');
        }
        if (provisions.size() > MAX_PROVISIONS) {
            sb.append("   … and ").append(provisions.size() - MAX_PROVISIONS).append(" more\n");
        }
        return sb.toString();
    }
}

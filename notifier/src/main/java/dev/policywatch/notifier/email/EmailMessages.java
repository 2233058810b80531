package dev.policywatch.notifier.email;

import static dev.policywatch.notifier.Html.escape;

import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.AlertFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders alert and confirmation emails: a one-line subject (no CR/LF can reach a header), a plain-text
 * part and an HTML part in which every string from a page is escaped. Pure.
 */
public final class EmailMessages {

    /** Provisions listed per change before "and N more" (the rest are on the change page). */
    static final int MAX_PROVISIONS = 50;
    private static final int MAX_DIFF = 1500;

    private EmailMessages() {
    }

    /** Subject, plain text and HTML. */
    public record Rendered(String subject, String text, String html) {
    }

    /** An alert: one change, or the day's changes for a digest. {@code changeLink} maps a changeId to its URL. */
    public static Rendered alert(List<DocumentChange> changes, boolean digest, UnaryOperator<String> changeLink,
            String unsubscribeUrl) {
        String subject;
        if (changes.size() == 1 && !digest) {
            DocumentChange c = changes.get(0);
            subject = "[policywatch] " + AlertFormat.subjectLine(c);
        } else {
            subject = "[policywatch] Daily digest: " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                    + " — " + AlertFormat.headline(changes.get(0));
        }
        subject = AlertFormat.oneLine(subject, 250);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:sans-serif;line-height:1.5\">");
        for (DocumentChange c : changes) {
            appendChange(c, changeLink.apply(c.changeId()), text, html);
        }
        text.append("\n--\nYou get this because you subscribed to policywatch alerts.\nUnsubscribe: ")
                .append(unsubscribeUrl).append('\n');
        html.append("<hr><p style=\"color:#666;font-size:small\">You get this because you subscribed to policywatch "
                + "alerts. <a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a></p></body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    private static void appendChange(DocumentChange c, String link, StringBuilder text, StringBuilder html) {
        String headline = AlertFormat.leadLine(c);
        String publisher = AlertFormat.oneLine(c.publisher(), 200);
        text.append(headline).append('\n');
        AlertFormat.predecessorLine(c).ifPresent(l -> text.append(l).append('\n'));
        text.append(publisher).append(" · ").append(AlertFormat.status(c))
                .append('\n').append(link).append("\n\n");
        html.append("<h2 style=\"font-size:1.2em\">").append(escape(headline)).append("</h2>");
        AlertFormat.predecessorLine(c).ifPresent(l -> html.append("<p>").append(escape(l)).append("</p>"));
        html.append("<p>")
                .append(escape(publisher)).append(" · ").append(escape(AlertFormat.status(c))).append("<br><a href=\"").append(escape(link))
                .append("\">View the change</a></p>");
        int shown = 0;
        List<ProvisionChange> provisions = AlertFormat.shownProvisions(c);
        for (ProvisionChange p : provisions) {
            if (shown == MAX_PROVISIONS) {
                // the listed ones not shown, and those a truncated change does not list
                int more = provisions.size() - shown + AlertFormat.provisionCount(c) - c.changes().size();
                text.append("… and ").append(more).append(" more: ").append(link).append("\n\n");
                html.append("<p>… and ").append(more).append(" more provisions: <a href=\"").append(escape(link))
                        .append("\">see all</a></p>");
                break;
            }
            List<DiffOp> diff = AlertFormat.compactDiff(p, MAX_DIFF);
            String note = AlertFormat.note(p);
            text.append("* ").append(AlertFormat.provisionLabel(p)).append(note.isEmpty() ? "" : ": " + note).append('\n')
                    .append("  ").append(AlertFormat.plainDiff(diff)).append("\n\n");
            html.append("<h3 style=\"font-size:1em;margin-bottom:0\">").append(escape(AlertFormat.provisionLabel(p)))
                    .append("</h3>").append(note.isEmpty() ? "" : "<p style=\"margin:.2em 0\"><b>" + escape(note) + "</b></p>")
                    .append("<p style=\"margin-top:.3em\">").append(htmlDiff(diff)).append("</p>");
            shown++;
        }
        String editorial = AlertFormat.editorialLine(c);
        if (!editorial.isEmpty()) {
            text.append(editorial).append("\n\n");
            html.append("<p style=\"color:#555\">").append(escape(editorial)).append("</p>");
        }
    }

    private static String htmlDiff(List<DiffOp> ops) {
        StringBuilder sb = new StringBuilder();
        for (DiffOp op : ops) {
            switch (op.op()) {
                case EQUAL -> sb.append(escape(op.text()));
                case INSERT -> sb.append("<ins style=\"background:#d4f7d4\">").append(escape(op.text())).append("</ins>");
                case DELETE -> sb.append("<del style=\"background:#fbd5d5\">").append(escape(op.text())).append("</del>");
            }
        }
        return sb.toString();
    }

    /** The confirmation request: the only message an unconfirmed address ever gets. */
    public static Rendered confirmation(String confirmUrl, String unsubscribeUrl) {
        String subject = "[policywatch] Confirm your subscription";
        String text = "Someone (hopefully you) asked to receive policywatch alerts at this address.\n\n"
                + "Confirm: " + confirmUrl + "\n\n"
                + "If it was not you, ignore this message: nothing will be sent unless the link is followed.\n";
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">"
                + "<p>Someone (hopefully you) asked to receive policywatch alerts at this address.</p>"
                + "<p><a href=\"" + escape(confirmUrl) + "\">Confirm the subscription</a></p>"
                + "<p style=\"color:#666;font-size:small\">If it was not you, ignore this message: nothing will be "
                + "sent unless the link is followed.</p></body></html>";
        return new Rendered(subject, text, html);
    }
}

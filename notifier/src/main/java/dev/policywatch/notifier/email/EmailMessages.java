package dev.policywatch.notifier.email;

import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertFormat;
import dev.policywatch.notifier.delivery.AlertText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders alert and confirmation emails in the subscription's language: a one-line subject (no CR/LF can
 * reach a header), a plain-text part, and an HTML part from the Thymeleaf templates
 * {@code email/alert.html} and {@code email/confirmation.html} (the library the web pages use; the
 * frame {@code email/frame.html} carries the web UI's colours inline), in which every string from a
 * page is set with {@code th:text}, so escaped. Pure; thread-safe.
 */
public final class EmailMessages {

    /** Provisions listed per change before "and N more" (the rest are on the change page). */
    static final int MAX_PROVISIONS = 50;
    private static final int MAX_DIFF = 1500;
    private static final TemplateEngine TEMPLATES = templates();

    private EmailMessages() {
    }

    /** Subject, plain text and HTML. */
    public record Rendered(String subject, String text, String html) {
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailMessages.class.getClassLoader());
        resolver.setPrefix("email/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** An alert: one change, or the day's changes for a digest. */
    public static Rendered alert(AlertContent content, String unsubscribeUrl) {
        AlertText t = content.text();
        String subject = content.digest()
                ? t.count("digest.subject", content.items().size(), content.items().get(0).headline())
                : t.get("alert.subject", content.title());
        subject = AlertFormat.oneLine(subject, 250);
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> items = new ArrayList<>();
        for (AlertContent.Item c : content.items()) {
            items.add(appendChange(content.format(), c, text));
        }
        text.append("\n--\n").append(t.get("email.footer")).append('\n').append(t.get("email.unsubscribe")).append(": ")
                .append(unsubscribeUrl).append('\n');
        Context ctx = context(t, subject);
        ctx.setVariable("items", items);
        ctx.setVariable("view", t.get("view"));
        ctx.setVariable("seeAll", t.get("see.all"));
        ctx.setVariable("footerText", t.get("email.footer"));
        ctx.setVariable("unsubscribe", unsubscribeUrl);
        ctx.setVariable("unsubscribeText", t.get("email.unsubscribe"));
        return new Rendered(subject, text.toString(), TEMPLATES.process("alert", ctx));
    }

    private static Map<String, Object> appendChange(AlertFormat f, AlertContent.Item c, StringBuilder text) {
        AlertText t = f.text();
        text.append(c.lead()).append('\n');
        if (c.predecessor() != null) {
            text.append(c.predecessor()).append('\n');
        }
        text.append(c.publisher()).append(" · ").append(c.status()).append('\n');
        if (!c.detected().isEmpty()) {
            text.append(c.detected()).append('\n');
        }
        text.append(c.link()).append("\n\n");
        List<Map<String, Object>> provisions = new ArrayList<>();
        List<ProvisionChange> shown = c.provisions().subList(0, Math.min(MAX_PROVISIONS, c.provisions().size()));
        for (ProvisionChange p : shown) {
            List<DiffOp> diff = AlertFormat.compactDiff(p, MAX_DIFF);
            String note = AlertFormat.note(p);
            String label = f.provisionLabel(p);
            text.append("* ").append(label).append(note.isEmpty() ? "" : ": " + note).append('\n')
                    .append("  ").append(AlertFormat.plainDiff(diff)).append("\n\n");
            List<Map<String, String>> parts = new ArrayList<>();
            for (DiffOp op : diff) {
                String kind = switch (op.op()) {
                    case EQUAL -> "eq";
                    case INSERT -> "ins";
                    case DELETE -> "del";
                };
                parts.add(Map.of("kind", kind, "text", AlertFormat.stripBidi(op.text())));
            }
            provisions.add(Map.of("label", label, "note", note, "diff", parts));
        }
        // the listed ones not shown, and those a truncated change does not list
        int more = c.moreThan(shown.size());
        if (more > 0) {
            text.append(t.get("email.more", more, c.link())).append("\n\n");
        }
        if (!c.editorial().isEmpty()) {
            text.append(c.editorial()).append("\n\n");
        }
        Map<String, Object> item = new HashMap<>();
        item.put("lead", c.lead());
        item.put("predecessor", c.predecessor());
        item.put("publisher", c.publisher());
        item.put("status", c.status());
        item.put("detected", c.detected());
        item.put("link", c.link());
        item.put("provisions", provisions);
        item.put("more", more);
        item.put("moreText", t.get("more.provisions", more));
        item.put("editorial", c.editorial());
        return item;
    }

    /** The confirmation request, in {@code t}'s language: the only message an unconfirmed address ever gets. */
    public static Rendered confirmation(AlertText t, String confirmUrl, String unsubscribeUrl) {
        String subject = t.get("confirm.subject");
        String text = t.get("confirm.asked") + "\n\n" + t.get("confirm.text", confirmUrl) + "\n\n"
                + t.get("confirm.ignore") + "\n";
        Context ctx = context(t, subject);
        ctx.setVariable("asked", t.get("confirm.asked"));
        ctx.setVariable("confirm", confirmUrl);
        ctx.setVariable("confirmText", t.get("confirm.link"));
        ctx.setVariable("ignore", t.get("confirm.ignore"));
        return new Rendered(subject, text, TEMPLATES.process("confirmation", ctx));
    }

    private static Context context(AlertText t, String subject) {
        Context ctx = new Context(t.locale().locale());
        ctx.setVariable("lang", t.locale().tag());
        ctx.setVariable("subject", subject);
        return ctx;
    }
}

package dev.policywatch.diff.history;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Language;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.support.LanguageBundle;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders changes as an Atom 1.0 feed (RFC 4287) in one reader's {@link Language}: one entry per change,
 * titled with the document and what changed ("数据安全管理办法: 1 modified, 1 added", "数据安全管理办法：修改 1 条，新增 1 条"),
 * linking to the change's page ({@code <public-url>/changes/<changeId>}), with a text summary and an HTML
 * {@code content}: the changed provisions and their inline diffs. Every word of ours comes from the
 * bundle {@code i18n/feed_*.properties}; crawled text is never translated. Written with StAX so every
 * text is escaped. Pure.
 */
final class ChangeFeed {

    /** The feed's words (not a bean: the standalone's pages have MessageSources of their own). */
    static final LanguageBundle TEXT = new LanguageBundle("i18n/feed");

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Instant EPOCH = Instant.EPOCH;
    private static final int MAX_PROVISIONS = 20;
    private static final int MAX_DIFF_CHARS = 2_000;
    private static final int KEEP = 80;

    private ChangeFeed() {
    }

    /**
     * @param publicUrl the base URL without a trailing slash
     * @param selfUrl   the feed's own URL (with its query), for {@code rel="self"}
     */
    static String render(List<DocumentChange> changes, String publicUrl, String selfUrl, Language language) {
        Words t = new Words(language);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language.tag());
            element(x, "id", publicUrl + "/feeds/changes.atom");
            element(x, "title", t.text("feed.title"));
            Instant updated = changes.isEmpty() ? EPOCH : changes.get(0).detectedAt();
            element(x, "updated", updated.toString());
            x.writeStartElement("author");
            element(x, "name", "policywatch");
            x.writeEndElement();
            link(x, "self", selfUrl, "application/atom+xml");
            link(x, "alternate", publicUrl + "/", "text/html");
            for (DocumentChange change : changes) {
                entry(x, change, publicUrl, t);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    /** The words of one language. */
    private record Words(Language language) {

        String text(String key, Object... args) {
            return TEXT.text(language, key, args);
        }
    }

    /** "title: 2 modified, 1 added", "title: new document", "title: removed", "title: baseline recorded". */
    static String title(DocumentChange change, Language language) {
        Words t = new Words(language);
        String name = change.title() == null || change.title().isBlank() ? change.documentId() : change.title();
        return t.text("feed.entry", name, what(change, t));
    }

    /** What a change came to, in the reader's words ("2 modified, 1 added", "new document"). */
    private static String what(DocumentChange change, Words t) {
        return switch (change.kind()) {
            case BASELINE, REMOVED -> t.text("feed.kind." + change.kind().name());
            case NEW_DOCUMENT -> change.predecessor() == null ? t.text("feed.kind.NEW_DOCUMENT")
                    : t.text("feed.replaces", counts(change, t));
            case UPDATED -> counts(change, t);
        };
    }

    /** The counts of a change ("2 modified, 1 added, 1 structure"), or "no provision changes". */
    private static String counts(DocumentChange change, Words t) {
        List<String> parts = new ArrayList<>();
        count(parts, change.summary().modified(), "feed.count.modified", t);
        count(parts, change.summary().added(), "feed.count.added", t);
        count(parts, change.summary().removed(), "feed.count.removed", t);
        count(parts, change.summary().renumbered(), "feed.count.renumbered", t);
        if (parts.isEmpty()) {
            parts.add(t.text("feed.count.none"));
        }
        count(parts, change.structureChanges().size(), "feed.count.structure", t);
        return String.join(t.text("feed.separator"), parts);
    }

    private static void count(List<String> parts, int n, String key, Words t) {
        if (n > 0) {
            parts.add(t.text(key, n));
        }
    }

    private static void entry(XMLStreamWriter x, DocumentChange change, String publicUrl, Words t)
            throws XMLStreamException {
        x.writeStartElement("entry");
        element(x, "id", "urn:policywatch:change:" + change.changeId());
        element(x, "title", title(change, t.language()));
        element(x, "updated", change.detectedAt().toString());
        element(x, "published", change.detectedAt().toString());
        link(x, "alternate", publicUrl + "/changes/" + change.changeId(), "text/html");
        if (change.url() != null) {
            link(x, "related", change.url(), null);
        }
        if (change.publisher() != null) {
            x.writeStartElement("author");
            element(x, "name", change.publisher());
            x.writeEndElement();
        }
        x.writeStartElement("category");
        x.writeAttribute("term", change.kind().name());
        x.writeEndElement();
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlSafe(summary(change, t)));
        x.writeEndElement();
        x.writeStartElement("content");
        x.writeAttribute("type", "html");
        x.writeCharacters(xmlSafe(content(change, publicUrl, t.language())));
        x.writeEndElement();
        x.writeEndElement();
    }

    /**
     * The entry's HTML, as feed readers show it: what happened, then each changed provision (at most
     * {@value #MAX_PROVISIONS}) with its inline diff ({@code <del>}/{@code <ins>}; long unchanged stretches
     * shortened), renumbered provisions in one line, and a link to the whole change. Every text from a
     * page is HTML-escaped here, and the whole is XML-escaped again by the writer: a reader that
     * unescapes once gets markup whose only tags are ours.
     */
    static String content(DocumentChange change, String publicUrl, Language language) {
        Words t = new Words(language);
        StringBuilder h = new StringBuilder("<p>").append(html(summary(change, t).lines().findFirst().orElse("")))
                .append(" · ").append(html(what(change, t))).append("</p>");
        List<ProvisionChange> shown = change.changes().stream().filter(p -> p.type() != ChangeType.RENUMBERED).toList();
        List<ProvisionChange> renumbered = change.changes().stream().filter(p -> p.type() == ChangeType.RENUMBERED).toList();
        if (!shown.isEmpty() || !renumbered.isEmpty()) {
            h.append("<ul>");
            for (ProvisionChange p : shown.subList(0, Math.min(shown.size(), MAX_PROVISIONS))) {
                String label = "<strong>" + html(p.displayLabel() == null ? t.text("feed.unnumbered") : p.displayLabel())
                        + "</strong>";
                h.append("<li>").append(t.text("feed.provision", label, html(t.text("feed.type." + p.type().name()))))
                        .append("<br>");
                appendDiff(h, p);
                h.append("</li>");
            }
            if (shown.size() > MAX_PROVISIONS) {
                h.append("<li>").append(html(t.text("feed.more", shown.size() - MAX_PROVISIONS))).append("</li>");
            }
            if (!renumbered.isEmpty()) {
                h.append("<li>").append(html(t.text("feed.renumberedList", renumbered.size())));
                for (int i = 0; i < renumbered.size() && i < 5; i++) {
                    h.append(i == 0 ? "" : html(t.text("feed.separator"))).append(html(renumbered.get(i).displayLabel()));
                }
                h.append(renumbered.size() > 5 ? html(t.text("feed.separator")) + "…" : "").append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<p><a href=\"").append(html(publicUrl + "/changes/" + change.changeId())).append("\">")
                .append(html(t.text("feed.whole"))).append("</a></p>");
        return h.toString();
    }

    private static void appendDiff(StringBuilder h, ProvisionChange p) {
        List<DiffOp> ops = p.diff();
        if (ops.isEmpty()) {
            ops = p.newText() != null && p.oldText() == null ? List.of(DiffOp.insert(p.newText()))
                    : p.oldText() != null && p.newText() == null ? List.of(DiffOp.delete(p.oldText()))
                    : List.of(DiffOp.equal(p.newText() == null ? "" : p.newText()));
        }
        int room = MAX_DIFF_CHARS;
        for (DiffOp op : ops) {
            if (room <= 0) {
                h.append("…");
                break;
            }
            String text = op.text();
            if (op.op() == DiffOp.Op.EQUAL && text.length() > 2 * KEEP) {
                text = text.substring(0, KEEP) + " … " + text.substring(text.length() - KEEP);
            }
            if (text.length() > room) {
                text = text.substring(0, room) + "…";
            }
            room -= text.length();
            switch (op.op()) {
                case EQUAL -> h.append(html(text));
                case INSERT -> h.append("<ins>").append(html(text)).append("</ins>");
                case DELETE -> h.append("<del>").append(html(text)).append("</del>");
            }
        }
    }

    /** HTML-escapes a text from a page (the five characters that can open markup or end an attribute). */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String summary(DocumentChange change, Words t) {
        StringBuilder sb = new StringBuilder();
        String source = change.sourceName() == null ? change.sourceId() : change.sourceName();
        sb.append(change.jurisdiction() == null ? source : t.text("feed.source", source, change.jurisdiction()));
        if (change.kind() == ChangeKind.UPDATED) {
            change.changes().stream().limit(20).forEach(c -> sb.append("\n")
                    .append(t.text("feed.line." + c.type().name(),
                            c.displayLabel() == null ? t.text("feed.unnumbered") : c.displayLabel())));
        }
        return sb.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry (control characters from a broken page, lone surrogates). */
    static String xmlSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", xmlSafe(href));
        if (type != null) {
            x.writeAttribute("type", type);
        }
    }
}

package dev.policywatch.diff.history;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders changes as an Atom 1.0 feed (RFC 4287): one entry per change, titled with the document and
 * what changed ("数据安全管理办法: 1 modified, 1 added"), linking to the change's page
 * ({@code <public-url>/changes/<changeId>}). Written with StAX so every text is escaped. Pure.
 */
final class ChangeFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Instant EPOCH = Instant.EPOCH;

    private ChangeFeed() {
    }

    /**
     * @param publicUrl the base URL without a trailing slash
     * @param selfUrl   the feed's own URL (with its query), for {@code rel="self"}
     */
    static String render(List<DocumentChange> changes, String publicUrl, String selfUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", publicUrl + "/feeds/changes.atom");
            element(x, "title", "policywatch: changes");
            Instant updated = changes.isEmpty() ? EPOCH : changes.get(0).detectedAt();
            element(x, "updated", updated.toString());
            x.writeStartElement("author");
            element(x, "name", "policywatch");
            x.writeEndElement();
            link(x, "self", selfUrl, "application/atom+xml");
            link(x, "alternate", publicUrl + "/", "text/html");
            for (DocumentChange change : changes) {
                entry(x, change, publicUrl);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    /** "title: 2 modified, 1 added", "title: new document", "title: removed", "title: baseline". */
    static String title(DocumentChange change) {
        String name = change.title() == null || change.title().isBlank() ? change.documentId() : change.title();
        String what = switch (change.kind()) {
            case BASELINE -> "baseline recorded";
            case NEW_DOCUMENT -> "new document";
            case REMOVED -> "removed";
            case UPDATED -> change.summary().describe()
                    + (change.structureChanges().isEmpty() ? "" : ", " + change.structureChanges().size() + " structure");
        };
        return name + ": " + what;
    }

    private static void entry(XMLStreamWriter x, DocumentChange change, String publicUrl) throws XMLStreamException {
        x.writeStartElement("entry");
        element(x, "id", "urn:policywatch:change:" + change.changeId());
        element(x, "title", title(change));
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
        x.writeCharacters(xmlSafe(summary(change)));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static String summary(DocumentChange change) {
        StringBuilder sb = new StringBuilder();
        sb.append(change.sourceName() == null ? change.sourceId() : change.sourceName());
        if (change.jurisdiction() != null) {
            sb.append(" (").append(change.jurisdiction()).append(')');
        }
        if (change.kind() == ChangeKind.UPDATED) {
            change.changes().stream().limit(20).forEach(c -> sb.append("\n").append(c.type()).append(' ')
                    .append(c.displayLabel()));
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

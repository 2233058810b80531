package dev.policywatch.engine.extract;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML from untrusted containers, read with the JDK's StAX parser configured so that it cannot be
 * turned against us: a document with a DTD is refused outright (so no entity can be declared, let
 * alone expanded a billion times or fetched from outside), external access is off, and element
 * nesting is capped. Streaming, so memory stays proportional to the part, never to its nesting.
 */
final class SecureXml {

    private static final XMLInputFactory FACTORY = factory();

    private SecureXml() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own parser whatever else is on the class path, so the settings below hold
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** A reader over the bytes that refuses DTDs and nesting deeper than {@code maxDepth}. */
    static Reader open(byte[] xml, int maxDepth, String what) {
        try {
            return new Reader(FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml)), maxDepth, what);
        } catch (XMLStreamException e) {
            throw new ExtractionException("not readable XML in " + what + ": " + e.getMessage(), e);
        }
    }

    /** Reads the whole part once: well-formed, no DTD, not too deep. */
    static void checkWellFormed(byte[] xml, int maxDepth, String what) {
        try (Reader r = open(xml, maxDepth, what)) {
            while (r.next() != XMLStreamConstants.END_DOCUMENT) {
                // reading is the check
            }
        }
    }

    /** A guarded StAX reader: {@link #next} throws {@link ExtractionException} on a DTD, depth or syntax error. */
    static final class Reader implements AutoCloseable {
        private final XMLStreamReader xml;
        private final int maxDepth;
        private final String what;
        private int depth;

        private Reader(XMLStreamReader xml, int maxDepth, String what) {
            this.xml = xml;
            this.maxDepth = maxDepth;
            this.what = what;
        }

        int next() {
            try {
                if (!xml.hasNext()) {
                    return XMLStreamConstants.END_DOCUMENT;
                }
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ExtractionException(
                            what + " refused: its XML declares a DTD (entity expansion is not allowed)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ExtractionException(
                            what + " refused: its XML uses an undeclared entity &" + xml.getLocalName() + ";");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > maxDepth) {
                            throw new ExtractionException(what + " refused: its XML nests deeper than "
                                    + maxDepth + " elements");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                    }
                }
                return event;
            } catch (XMLStreamException e) {
                throw new ExtractionException("not readable XML in " + what + ": " + e.getMessage(), e);
            }
        }

        /** The current element's local name (namespaces differ between OFD producers; names do not). */
        String localName() {
            return xml.getLocalName();
        }

        /** An attribute of the current element by local name, or null. */
        String attribute(String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals(localName)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        /** The text of the current event (CHARACTERS or CDATA). */
        String text() {
            return xml.getText();
        }

        int depth() {
            return depth;
        }

        @Override
        public void close() {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing a reader over a byte array releases nothing that could fail
            }
        }
    }
}

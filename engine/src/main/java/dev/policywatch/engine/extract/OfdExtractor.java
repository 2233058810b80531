package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;

/**
 * OFD (GB/T 33190, China's fixed-layout format) read from its own XML: {@code OFD.xml} names the
 * document root, {@code Document.xml} lists the pages, and each page's {@code Content.xml} holds
 * {@code TextObject}s whose {@code TextCode}s are placed by coordinates. Their text is put back in
 * reading order by position (top to bottom, then left to right, fragments on one baseline joined
 * into a line), and, as for PDF, each line is a paragraph block with page numbers and running
 * headers dropped; segmentation joins wrapped lines back into their provision.
 *
 * <p>Page templates (letterheads), annotations, signatures and images are not read: they are not
 * the text of the rule, and images are never decoded. The zip container is read under
 * {@link ContainerLimits} and the XML through {@link SecureXml}. Only the first document of a
 * multi-document package is read. Thread-safe.
 */
public final class OfdExtractor {

    static final String CONTENT_TYPE = "application/ofd";
    private static final String WHAT = "OFD document";

    private final ContainerLimits limits;

    public OfdExtractor() {
        this(ContainerLimits.DEFAULT);
    }

    public OfdExtractor(ContainerLimits limits) {
        this.limits = limits;
    }

    public ExtractedDocument extract(byte[] bytes) {
        try (SafeZip zip = SafeZip.open(bytes, limits, WHAT)) {
            Root root = readRoot(zip.read("OFD.xml"));
            if (root.docRoot == null) {
                throw new ExtractionException("not a readable OFD document: OFD.xml names no DocRoot");
            }
            String docPath = resolve("", root.docRoot);
            List<String> pagePaths = readPages(zip.read(docPath), parent(docPath));
            List<List<String>> pages = new ArrayList<>();
            for (String pagePath : pagePaths) {
                pages.add(lines(readFragments(zip.read(pagePath), pagePath)));
            }
            List<Block> blocks = PdfBoxExtractor.toBlocks(pages);
            if (blocks.isEmpty()) {
                throw new ExtractionException("OFD document has no text objects (" + pagePaths.size()
                        + " pages: a scanned image needs OCR, which policywatch does not do)");
            }
            String title = root.title == null || root.title.isBlank() ? blocks.get(0).text() : TextNormaliser.clean(root.title);
            return new ExtractedDocument(Lines.clip(title, 200), Languages.guess(blocks), CONTENT_TYPE, blocks);
        }
    }

    private record Root(String docRoot, String title) {
    }

    private Root readRoot(byte[] xml) {
        String docRoot = null;
        String title = null;
        try (SecureXml.Reader r = SecureXml.open(xml, limits.maxXmlDepth(), WHAT + " OFD.xml")) {
            String inside = null;
            int event;
            while ((event = r.next()) != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    inside = r.localName();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (r.localName().equals("DocBody") && docRoot != null) {
                        break; // the first document of the package
                    }
                    inside = null;
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if ("DocRoot".equals(inside) && docRoot == null) {
                        docRoot = r.text().strip();
                    } else if ("Title".equals(inside) && title == null) {
                        title = r.text();
                    }
                }
            }
        }
        return new Root(docRoot == null || docRoot.isEmpty() ? null : docRoot, title);
    }

    /** The page content paths in the order {@code Document.xml} lists them. */
    private List<String> readPages(byte[] xml, String base) {
        List<String> pages = new ArrayList<>();
        try (SecureXml.Reader r = SecureXml.open(xml, limits.maxXmlDepth(), WHAT + " Document.xml")) {
            boolean inPages = false;
            int event;
            while ((event = r.next()) != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (r.localName().equals("Pages")) {
                        inPages = true;
                    } else if (inPages && r.localName().equals("Page")) {
                        String loc = r.attribute("BaseLoc");
                        if (loc != null && !loc.isBlank()) {
                            pages.add(resolve(base, loc.strip()));
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.localName().equals("Pages")) {
                    inPages = false;
                }
            }
        }
        if (pages.isEmpty()) {
            throw new ExtractionException("not a readable OFD document: Document.xml lists no pages");
        }
        return pages;
    }

    /** One run of text placed on the page: baseline origin in millimetres, font size, text. */
    record Fragment(double x, double y, double size, double width, String text) {
    }

    private List<Fragment> readFragments(byte[] xml, String path) {
        List<Fragment> fragments = new ArrayList<>();
        try (SecureXml.Reader r = SecureXml.open(xml, limits.maxXmlDepth(), WHAT + " " + path)) {
            double[] box = null;
            double[] ctm = null;
            double size = 0;
            double codeX = 0;
            double codeY = 0;
            double[] deltas = null;
            StringBuilder code = null;
            int event;
            while ((event = r.next()) != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.localName()) {
                        case "TextObject" -> {
                            box = numbers(r.attribute("Boundary"));
                            ctm = numbers(r.attribute("CTM"));
                            size = number(r.attribute("Size"), 3.5);
                        }
                        case "TextCode" -> {
                            codeX = number(r.attribute("X"), 0);
                            codeY = number(r.attribute("Y"), 0);
                            deltas = deltas(r.attribute("DeltaX"));
                            code = new StringBuilder();
                        }
                        default -> {
                        }
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && code != null) {
                    code.append(r.text());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (r.localName().equals("TextCode") && code != null) {
                        fragments.add(fragment(box, ctm, size, codeX, codeY, deltas, code.toString()));
                        code = null;
                    } else if (r.localName().equals("TextObject")) {
                        box = null;
                        ctm = null;
                    }
                }
            }
        }
        return fragments;
    }

    private static Fragment fragment(double[] box, double[] ctm, double size, double x, double y, double[] deltas, String text) {
        double px = x;
        double py = y;
        double scale = 1;
        if (ctm != null && ctm.length == 6) {
            px = ctm[0] * x + ctm[2] * y + ctm[4];
            py = ctm[1] * x + ctm[3] * y + ctm[5];
            scale = Math.abs(ctm[3]) > 0 ? Math.abs(ctm[3]) : 1;
        }
        if (box != null && box.length >= 2) {
            px += box[0];
            py += box[1];
        }
        double fontSize = size * scale;
        return new Fragment(px, py, fontSize, width(text, deltas, fontSize, scale), text);
    }

    /** The advance of a run: its DeltaX gaps where given, else a full em for CJK and half for Latin. */
    private static double width(String text, double[] deltas, double size, double scale) {
        int n = text.codePointCount(0, text.length());
        double w = 0;
        int counted = 0;
        if (deltas != null) {
            for (int i = 0; i < deltas.length && i < n - 1; i++) {
                w += deltas[i] * scale;
                counted++;
            }
        }
        int i = 0;
        int cp = 0;
        for (int off = 0; off < text.length(); off += Character.charCount(cp), i++) {
            cp = text.codePointAt(off);
            if (i >= counted) {
                w += cp < 0x2E80 ? size * 0.5 : size;
            }
        }
        return w;
    }

    /** Groups fragments into lines by baseline and orders them left to right. */
    static List<String> lines(List<Fragment> fragments) {
        List<Fragment> sorted = new ArrayList<>(fragments);
        sorted.sort(Comparator.comparingDouble(Fragment::y).thenComparingDouble(Fragment::x));
        List<String> lines = new ArrayList<>();
        List<Fragment> line = new ArrayList<>();
        for (Fragment f : sorted) {
            if (!line.isEmpty()) {
                Fragment first = line.get(0);
                double tolerance = 0.5 * Math.max(first.size(), f.size());
                if (Math.abs(f.y() - first.y()) > tolerance) {
                    addLine(line, lines);
                    line.clear();
                }
            }
            line.add(f);
        }
        addLine(line, lines);
        return lines;
    }

    private static void addLine(List<Fragment> line, List<String> lines) {
        if (line.isEmpty()) {
            return;
        }
        line.sort(Comparator.comparingDouble(Fragment::x));
        StringBuilder sb = new StringBuilder();
        Fragment previous = null;
        for (Fragment f : line) {
            if (previous != null && !f.text().isEmpty() && sb.length() > 0) {
                double gap = f.x() - (previous.x() + previous.width());
                boolean latinJoin = isLatin(sb.charAt(sb.length() - 1)) && isLatin(f.text().charAt(0));
                // a word gap between Latin runs, or a wide gap anywhere (table columns, tab stops)
                if ((latinJoin && gap > 0.2 * f.size()) || gap > 1.5 * f.size()) {
                    sb.append(' ');
                }
            }
            sb.append(f.text());
            previous = f;
        }
        String clean = TextNormaliser.clean(sb);
        if (!clean.isEmpty()) {
            lines.add(clean);
        }
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** A path inside the package: absolute from the root when it starts with '/', else relative to {@code base}. */
    static String resolve(String base, String loc) {
        String path = loc.replace('\\', '/');
        String joined = path.startsWith("/") ? path.substring(1) : base + path;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static double[] numbers(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.strip().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = number(parts[i], 0);
        }
        return out;
    }

    /** DeltaX: numbers, where {@code g N v} stands for N times v. */
    private static double[] deltas(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.strip().split("\\s+");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < parts.length && out.size() < 100_000; i++) {
            if (parts[i].equals("g") && i + 2 < parts.length) {
                int times = (int) Math.min(10_000, Math.max(0, number(parts[i + 1], 0)));
                double v = number(parts[i + 2], 0);
                for (int k = 0; k < times; k++) {
                    out.add(v);
                }
                i += 2;
            } else {
                out.add(number(parts[i], 0));
            }
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    private static double number(String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

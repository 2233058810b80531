package dev.policywatch.engine.lineage;

import dev.policywatch.events.Block;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strong identifiers a document gives itself near its top, which stay from a draft to its final
 * text: a Federal Register RIN ("RIN 3170-AA40"), a docket number ("Docket No. CFPB-2023-0017"), a
 * standard's number ("GB/T 45654—2025": kept without its year, since a draft's year differs).
 * Read from the title and the first {@value #HEAD_BLOCKS} blocks only: a document's body cites other
 * documents' numbers. Each identifier is {@code kind:value}, such as {@code RIN:3170-AA40}.
 */
public final class Identifiers {

    /** How many leading blocks are the document's header. */
    public static final int HEAD_BLOCKS = 6;

    private static final Pattern RIN = Pattern.compile("(?i)\\bRIN\\s*:?\\s*(\\d{4}\\s*-\\s*[A-Z]{2}\\d{2})\\b");
    private static final Pattern DOCKET = Pattern.compile(
            "(?i)\\bDocket\\s+(?:No\\.?|Number|ID)\\s*:?\\s*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\\d{2,4}-\\d{2,6}(?:-\\d+)?)");
    private static final Pattern STANDARD = Pattern.compile(
            "(?<![A-Za-z])(GB(?:/[TZ])?|[A-Z]{2}/T|ISO(?:/IEC)?|IEC)\\s*(\\d{3,6}(?:\\.\\d+)*)(?:\\s*[-—–]\\s*(?:19|20)\\d{2})?");

    private Identifiers() {
    }

    /** The identifiers found in {@code title} and the header of {@code blocks}. */
    public static Set<String> of(String title, List<Block> blocks) {
        StringBuilder head = new StringBuilder(title == null ? "" : title);
        for (int i = 0; i < Math.min(HEAD_BLOCKS, blocks.size()); i++) {
            head.append('\n').append(blocks.get(i).text());
        }
        // en and em dashes stand for hyphens in typeset identifiers ("RIN 3170–AA41")
        String text = Normalizer.normalize(head, Normalizer.Form.NFKC).replace('\u2013', '-').replace('\u2014', '-');
        Set<String> out = new TreeSet<>();
        Matcher m = RIN.matcher(text);
        while (m.find()) {
            out.add("RIN:" + m.group(1).replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        }
        m = DOCKET.matcher(text);
        while (m.find()) {
            out.add("DOCKET:" + m.group(1).toUpperCase(Locale.ROOT));
        }
        m = STANDARD.matcher(text);
        while (m.find()) {
            out.add("STANDARD:" + m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2));
        }
        return out;
    }

    /** The kind of an identifier ({@code RIN}, {@code DOCKET}, {@code STANDARD}). */
    static String kind(String identifier) {
        return identifier.substring(0, identifier.indexOf(':'));
    }
}

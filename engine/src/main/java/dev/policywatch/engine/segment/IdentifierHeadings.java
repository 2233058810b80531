package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifier headings (FRR-SCN-01, KSI-IAM-01, AC-2(1)): the identifier is the label, the rest of
 * the heading the title. A heading whose identifier is a prefix of another, that contains deeper
 * identifier headings, or that reads "ID: Theme" is a group (structure, whatever it says), unless
 * it is one of the document's provisions itself: a group whose identifier has the shape of the
 * provisions at its heading level (AC-2 beside AC-1 and AC-3, with enhancements AC-2(1) … below it)
 * is a numbered unit whose own text is a provision, like 4.3 before 4.3.1; a group of another shape
 * (FRA-SCN above FRA-SCN-03) stays structure.
 * Identifiers are looked for in headings; where a document has no identifier headings (a catalog
 * rendered without heading markup, its control lines set in bold or as plain lines), a paragraph
 * that starts with an identifier followed by a title ("AC-2 Account Management",
 * "AC-2(1) AUTOMATED SYSTEM ACCOUNT MANAGEMENT") opens a provision when it belongs to the
 * document's increasing sequence of identifiers ({@link Chains}: families in their order of first
 * appearance, numbers within); an identifier followed by a lower-case word or punctuation ("AC-20
 * addresses …", "AC-3, AC-5") is a reference, as are identifiers out of the sequence.
 */
final class IdentifierHeadings implements NumberingScheme {

    private static final Pattern IDENTIFIER = Pattern.compile(
            "^([A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]{1,15}){1,5}(?:\\([0-9A-Za-z]{1,4}\\))*)(?=$|[\\s:：.,(（—–])(.*)$",
            Pattern.DOTALL);

    @Override
    public Reading read(List<Block> blocks) {
        int n = blocks.size();
        String[] ids = new String[n];
        boolean[] theme = new boolean[n];
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (b.type() != BlockType.HEADING) {
                continue;
            }
            Matcher m = IDENTIFIER.matcher(b.text());
            if (m.matches()) {
                ids[i] = m.group(1);
                String rest = m.group(2).strip();
                theme[i] = rest.startsWith(":") || rest.startsWith("：");
                addPrefixes(ids[i], prefixes);
            }
        }
        boolean[] group = new boolean[n];
        Set<String> leafShapes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (ids[i] != null) {
                group[i] = theme[i] || prefixes.contains(ids[i]) || containsDeeperIdentifier(blocks, ids, i);
                if (!group[i]) {
                    leafShapes.add(blocks.get(i).level() + " " + shape(ids[i]));
                }
            }
        }
        Role[] roles = new Role[n];
        int provisions = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (ids[i] == null) {
                roles[i] = NumberingScheme.plain(b);
                continue;
            }
            String id = ids[i];
            String rest = b.text().substring(id.length()).strip();
            if (group[i]) {
                String groupTitle = rest.replaceFirst("^[:：]\\s*", "");
                roles[i] = !theme[i] && leafShapes.contains(b.level() + " " + shape(id))
                        ? Role.numberedContainer(id, groupTitle, b.level())
                        : Role.container(id, groupTitle, b.level());
            } else {
                roles[i] = Role.provision(id, rest.replaceFirst("^[:：.—–-]\\s*", ""), "", b.level());
                provisions++;
            }
        }
        if (provisions >= 2) {
            return new Reading(Scheme.IDENTIFIERS, roles, provisions, 1.0);
        }
        return provisions == 0 ? readParagraphs(blocks) : null;
    }

    /** Fewest paragraph-opened identifiers that make a reading: two could be a coincidence of references. */
    private static final int MIN_PARAGRAPH_IDENTIFIERS = 3;
    /** An identifier's numbers: the digit runs after its family prefix (AC-2(1) → 2, 1). */
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * Identifiers at the start of paragraphs, followed by a title (an upper-case word, bracketed or
     * not) or nothing;
     * the heaviest increasing sequence of them are the provisions.
     */
    private static Reading readParagraphs(List<Block> blocks) {
        List<Integer> at = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Block> candidates = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() == BlockType.HEADING || b.type() == BlockType.TABLE_CELL) {
                continue;
            }
            Matcher m = IDENTIFIER.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            String id = m.group(1);
            // the title may be bracketed: "KSI-MLA-06 (Retired)", "AC-2 [Withdrawn]"
            String rest = m.group(2).strip().replaceFirst("^[(\\[]", "");
            if (!DIGITS.matcher(id).find() || !(rest.isEmpty() || Character.isUpperCase(rest.codePointAt(0)))) {
                continue;
            }
            at.add(i);
            ids.add(id);
            candidates.add(b);
        }
        if (at.size() < MIN_PARAGRAPH_IDENTIFIERS) {
            return null;
        }
        List<String> families = new ArrayList<>(ids.size());
        for (String id : ids) {
            Matcher d = DIGITS.matcher(id);
            d.find();
            families.add(id.substring(0, d.start()));
        }
        Map<String, Integer> familyRank = familyRanks(families);
        List<double[]> keys = new ArrayList<>(ids.size());
        for (int c = 0; c < ids.size(); c++) {
            String id = ids.get(c);
            Matcher d = DIGITS.matcher(id);
            d.find();
            Integer rank = familyRank.get(families.get(c));
            List<Double> parts = new ArrayList<>();
            parts.add((double) rank);
            do {
                parts.add(Double.parseDouble(d.group()));
            } while (d.find());
            double[] key = new double[parts.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = parts.get(k);
            }
            keys.add(key);
        }
        boolean[] in = Chains.heaviestIncreasing(keys, Chains.locationWeights(candidates));
        Role[] roles = new Role[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            roles[i] = NumberingScheme.plain(blocks.get(i));
        }
        int provisions = 0;
        for (int c = 0; c < at.size(); c++) {
            if (in[c]) {
                Block b = candidates.get(c);
                String title = b.text().substring(ids.get(c).length()).strip().replaceFirst("^[:：.—–-]\\s*", "");
                roles[at.get(c)] = Role.provision(ids.get(c), title, "", Role.PARAGRAPH_OPENED);
                provisions++;
            }
        }
        return provisions >= MIN_PARAGRAPH_IDENTIFIERS ? new Reading(Scheme.IDENTIFIERS, roles, provisions, 1.0) : null;
    }

    /** The kind of an identifier: each run of letters "A", of digits "9", separators kept (AC-13(2) → A-9(9)). */
    static String shape(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        char last = 0;
        for (int k = 0; k < id.length(); k++) {
            char c = id.charAt(k);
            char kind = Character.isLetter(c) ? 'A' : Character.isDigit(c) ? '9' : c;
            if (kind != last || (kind != 'A' && kind != '9')) {
                sb.append(kind);
            }
            last = kind;
        }
        return sb.toString();
    }

    /**
     * The order of identifier families (AC, AT, IA …): where each family's own run starts (two of its
     * members in a row), else where it first shows; a family merely cited inside another one ("IA-2"
     * among the AC controls) so sorts where its own controls are, and the citation falls out of the
     * sequence.
     */
    private static Map<String, Integer> familyRanks(List<String> families) {
        Map<String, Integer> start = new HashMap<>();
        for (int c = 0; c < families.size(); c++) {
            String f = families.get(c);
            boolean run = c + 1 < families.size() && families.get(c + 1).equals(f);
            Integer seen = start.get(f);
            if (seen == null || (run && seen < 0)) {
                start.put(f, run ? c : -(c + 1));
            }
        }
        List<String> order = new ArrayList<>(start.keySet());
        order.sort((a, b) -> Integer.compare(position(start.get(a)), position(start.get(b))));
        Map<String, Integer> rank = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            rank.put(order.get(k), k);
        }
        return rank;
    }

    /** A start recorded as a run (≥ 0) or as a first mention only (-(index + 1)). */
    private static int position(int recorded) {
        return recorded >= 0 ? recorded : -recorded - 1;
    }

    /** Every proper prefix of an identifier that ends where another part starts (KSI-IAM of KSI-IAM-01). */
    private static void addPrefixes(String id, Set<String> prefixes) {
        for (int k = 1; k < id.length(); k++) {
            char c = id.charAt(k);
            if (c == '-' || c == '(') {
                prefixes.add(id.substring(0, k));
            }
        }
    }

    private static boolean containsDeeperIdentifier(List<Block> blocks, String[] ids, int at) {
        int level = blocks.get(at).level();
        for (int j = at + 1; j < blocks.size(); j++) {
            Block b = blocks.get(j);
            if (b.type() != BlockType.HEADING) {
                continue;
            }
            if (b.level() <= level) {
                return false;
            }
            if (ids[j] != null) {
                return true;
            }
        }
        return false;
    }
}

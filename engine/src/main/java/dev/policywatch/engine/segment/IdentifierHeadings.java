package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.HashSet;
import java.util.List;
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
 * Identifiers are looked for in headings only: in running text and tables they are references.
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
        return provisions >= 2 ? new Reading(Scheme.IDENTIFIERS, roles, provisions, 1.0) : null;
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

package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decimal sections (3, 3.2, 3.2.1), as headings or at the start of a paragraph. A number with
 * numbered subsections is a container; its own text, if it has any before the first subsection,
 * is the provision labelled with its number (4.3 with a paragraph, then 4.3.1, 4.3.2: three
 * provisions). The numbers taken are the heaviest increasing chain (4.3 &lt; 4.3.1 &lt; 4.4).
 *
 * <p>In running text a number must look like one: a sub-number ("3.2 Systems are…") whose parent
 * or previous sibling is already a section, or a short heading-like line ("1 范围") or a title
 * ("5 Identity Resolution, Validation, and Verification", "A.1 Definitions"), and what
 * follows it must not be a lower-case word ("2.5 million people" is prose). Out of the sections'
 * usual place (a table cell) a number must be the very next one.
 */
final class DecimalSections implements NumberingScheme {

    private static final Pattern DECIMAL = Pattern.compile("^((?:[A-Z]\\.)?\\d{1,3}(?:\\.\\d{1,3})*)\\.?(?:\\s+|(?=[\\p{IsHan}]))(\\S.*)$", Pattern.DOTALL);
    private static final Pattern SENTENCE = Pattern.compile("[。；;.!?！？]$|[，,。]");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;.!?！？：:]$");

    @Override
    public Reading read(List<Block> blocks) {
        int n = blocks.size();
        List<Integer> at = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        List<Block> where = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            Matcher m = DECIMAL.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            String number = m.group(1);
            String rest = m.group(2);
            if (b.type() != BlockType.HEADING && !inRunningText(number, rest, seen)) {
                continue;
            }
            seen.add(number);
            at.add(i);
            numbers.add(number);
            keys.add(key(number));
            where.add(b);
        }
        double[] weights = Chains.locationWeights(where);
        for (int k = 0; k < weights.length; k++) {
            if (where.get(k).type() == BlockType.HEADING) {
                weights[k] *= 2; // a numbered heading is the strongest evidence there is
            } else if (empty(k, at, keys, where)) {
                weights[k] *= Chains.MINORITY;
            }
        }
        boolean[] in = Chains.heaviestIncreasing(keys, weights);
        List<Integer> kept = new ArrayList<>();
        double[] previous = null;
        for (int k = 0; k < in.length; k++) {
            if (!in[k]) {
                continue;
            }
            if (weights[k] < Chains.MAJORITY && !Chains.directlyFollows(previous, keys.get(k))) {
                continue;
            }
            previous = keys.get(k);
            kept.add(k);
        }
        Set<String> parents = new HashSet<>();
        for (int k : kept) {
            String number = numbers.get(k);
            for (int dot = number.indexOf('.'); dot > 0; dot = number.indexOf('.', dot + 1)) {
                parents.add(number.substring(0, dot));
            }
        }
        Role[] roles = new Role[n];
        for (int i = 0; i < n; i++) {
            roles[i] = NumberingScheme.plain(blocks.get(i));
        }
        int provisions = 0;
        int containers = 0;
        for (int k : kept) {
            Block b = blocks.get(at.get(k));
            String number = numbers.get(k);
            Matcher m = DECIMAL.matcher(b.text());
            String rest = m.matches() ? m.group(2).strip() : "";
            boolean heading = b.type() == BlockType.HEADING;
            if (parents.contains(number)) {
                int depth = keys.get(k).length;
                // a parent printed as running text keeps its words as its own text
                roles[at.get(k)] = heading ? Role.numberedContainer(number, rest, depth)
                        : new Role(Role.Type.CONTAINER, number, "", rest, depth, true);
                containers++;
            } else {
                roles[at.get(k)] = Role.provision(number, heading ? rest : "", heading ? "" : rest,
                        heading ? b.level() : Role.PARAGRAPH_OPENED);
                provisions++;
            }
        }
        // every numbered unit is evidence of the scheme, a section with subsections as much as a leaf
        return provisions >= 2 ? new Reading(Scheme.NUMBERED_SECTIONS, roles, provisions + containers, 0.9) : null;
    }

    /**
     * A title line in running text with nothing of its own before the next number, which is no
     * subsection of it: a table of contents' "1. Purpose" / "2. Introduction", an index. The document's
     * sections that follow with their text outweigh it; where nothing competes it still counts, half.
     */
    private static boolean empty(int k, List<Integer> at, List<double[]> keys, List<Block> where) {
        if (k + 1 >= at.size() || at.get(k + 1) != at.get(k) + 1) {
            return false;
        }
        double[] key = keys.get(k);
        double[] next = keys.get(k + 1);
        if (next.length > key.length && Arrays.equals(Arrays.copyOf(next, key.length), key)) {
            return false;
        }
        Matcher m = DECIMAL.matcher(where.get(k).text());
        return m.matches() && headingLine(m.group(2).strip());
    }

    /** Words that only name a section: a short line without a sentence, or a title. */
    private static boolean headingLine(String rest) {
        return rest.length() <= 40 && !SENTENCE.matcher(rest).find() || title(rest);
    }

    /** 4.3.1 → [4, 3, 1]; an appendix's A.1 → [1001, 1], after every numbered section. */
    static double[] key(String number) {
        if (Character.isLetter(number.charAt(0))) {
            double[] rest = Numbers.key(number.substring(2));
            double[] key = new double[rest.length + 1];
            key[0] = 1000 + number.charAt(0) - 'A';
            System.arraycopy(rest, 0, key, 1, rest.length);
            return key;
        }
        return Numbers.key(number);
    }

    private static boolean inRunningText(String number, String rest, Set<String> seen) {
        if (Character.isLowerCase(rest.charAt(0)) || Character.isDigit(rest.charAt(0))) {
            return false;
        }
        int dot = number.lastIndexOf('.');
        if (dot < 0) {
            // "1 范围", "2 Scope": a short line without a sentence in it; "5 Identity Resolution,
            // Validation, and Verification": a title, commas and all
            return headingLine(rest);
        }
        String parent = number.substring(0, dot);
        long last = Long.parseLong(number.substring(dot + 1));
        return seen.contains(parent) || (last > 1 && seen.contains(parent + "." + (last - 1)))
                // an appendix's first section ("A.1 Definitions") under an appendix heading that is no number
                || last == 1 && Character.isLetter(parent.charAt(0)) && title(rest);
    }

    /**
     * A title in running text: at most 14 words and 100 characters, no sentence end, every word of
     * four letters or more capitalised ("Identity Resolution, Validation, and Verification").
     */
    static boolean title(String rest) {
        if (rest.length() > 100 || SENTENCE_END.matcher(rest).find()) {
            return false;
        }
        String[] words = rest.split("\\s+");
        if (words.length > 14) {
            return false;
        }
        int significant = 0;
        for (String word : words) {
            int first = -1;
            int letters = 0;
            for (int i = 0; i < word.length(); i++) {
                if (Character.isLetter(word.charAt(i))) {
                    first = first < 0 ? i : first;
                    letters++;
                }
            }
            if (letters >= 4) {
                if (!Character.isUpperCase(word.charAt(first))) {
                    return false;
                }
                significant++;
            }
        }
        return significant > 0;
    }
}

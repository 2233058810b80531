package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered points: "1." "2)" "3、" at the start of a paragraph (a plan, a UK statutory instrument's
 * "3.—(1) …" regulations), a table row whose first cell is only its number, the Chinese
 * enumeration 一、二、三、 of notices and measures, or lettered conditions "(a)" "(b)" "(c)" of a
 * licence or a schedule. The points are the run 1, 2, 3, … (a, b, c, …) in document order; they
 * are the provisions when that run is most of the points of their style (a document of short lists
 * restarting at 1 has lists, not points). A roman sub-point "(i)", "(v)", "(x)" that is not the
 * next letter is a sub-point, not a rival of the run.
 */
final class NumberedPoints implements NumberingScheme {

    /** "3." "3)" "3、" then text; not "3.2 …" (a decimal number, not point 3). */
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})\\s*[.)．、](?!\\d)\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("^(\\d{1,3})[.．]?$");
    private static final Pattern CHINESE = Pattern.compile("^([一二三四五六七八九十]{1,3})\\s*[、．.]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern ROMAN_NEXT = Pattern.compile("^[(（](?:ii|vi|xi)[)）]");
    private static final Pattern LETTER = Pattern.compile("^[(（]([a-z])[)）]\\s*(\\S.*)$", Pattern.DOTALL);

    /** The three ways a point is numbered. */
    private enum Style { ARABIC, CHINESE, LETTER }
    private static final double MIN_SHARE = 0.6;

    @Override
    public Reading read(List<Block> blocks) {
        Reading best = null;
        for (Style style : Style.values()) {
            Reading r = read(blocks, style);
            if (r != null && (best == null || r.provisions() > best.provisions())) {
                best = r;
            }
        }
        return best;
    }

    /**
     * Whether the lettered point at {@code at}, (i), (v) or (x), is a roman sub-point: the next
     * bracketed point after it is (ii), (vi) or (xi), before any other single letter.
     */
    private static boolean romanRunFollows(List<Block> blocks, int at) {
        for (int k = at + 1; k < blocks.size(); k++) {
            String t = blocks.get(k).text();
            if (ROMAN_NEXT.matcher(t).lookingAt()) {
                return true;
            }
            if (LETTER.matcher(t).matches()) {
                return false;
            }
        }
        return false;
    }

    /** A numbered block: where it is, its number, label and text after the number. */
    private record Candidate(int index, long number, String label, String body, Block block, boolean romanLike) {
    }

    private static Reading read(List<Block> blocks, Style style) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            roles[i] = NumberingScheme.plain(b);
            if (b.type() == BlockType.HEADING || (b.type() == BlockType.LIST_ITEM && b.level() > 1)) {
                continue;
            }
            Candidate c = candidate(blocks, i, style);
            if (c != null) {
                found.add(c);
            }
        }
        // the run 1, 2, 3, … is taken from the heaviest increasing chain: a number where most numbers
        // of this style sit (paragraphs, list items, table rows) counts fully, elsewhere it joins only
        // as the very next number, so a stray "3" in a list cannot take the place of the real point 3
        double[] weights = Chains.locationWeights(found.stream().map(Candidate::block).toList());
        // a point whose text is in another script than most points' ("二、 applies from …" among
        // "二、加强…" points) sits out of the usual form too: it joins only where no point competes
        int[] script = new int[found.size()]; // 1 Han, -1 other letters, 0 no letter
        int balance = 0;
        for (int k = 0; k < found.size(); k++) {
            script[k] = script(found.get(k).body());
            balance += script[k];
        }
        int usual = Integer.signum(balance);
        for (int k = 0; k < found.size(); k++) {
            if (usual != 0 && script[k] == -usual) {
                weights[k] = Math.min(weights[k], Chains.MINORITY);
            }
        }
        List<double[]> keys = found.stream().map(c -> new double[] {c.number()}).toList();
        boolean[] inChain = Chains.heaviestIncreasing(keys, weights);
        long expected = 1;
        int candidates = 0;
        for (int k = 0; k < found.size(); k++) {
            Candidate c = found.get(k);
            boolean taken = inChain[k] && c.number() == expected;
            if (!c.romanLike() || taken) {
                candidates++;
            }
            if (taken) {
                roles[c.index()] = Role.provision(c.label(), "", c.body(), Role.PARAGRAPH_OPENED);
                expected++;
            }
        }
        long points = expected - 1;
        return points >= 3 && points >= MIN_SHARE * candidates
                ? new Reading(Scheme.NUMBERED_POINTS, roles, (int) points, 0.5) : null;
    }

    /** The script of a point's text: its first letter Han (1), another script (-1), or no letter (0). */
    private static int script(String body) {
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (Character.isLetter(c)) {
                return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 1 : -1;
            }
        }
        return 0;
    }

    /** The point block {@code i} opens in {@code style}, or null. */
    private static Candidate candidate(List<Block> blocks, int i, Style style) {
        Block b = blocks.get(i);
        Matcher m;
        switch (style) {
            case CHINESE -> {
                if (!(m = CHINESE.matcher(b.text())).matches()) {
                    return null;
                }
                return new Candidate(i, ChineseNumerals.parse(m.group(1)), m.group(1), m.group(2).strip(), b, false);
            }
            case LETTER -> {
                if (!(m = LETTER.matcher(b.text())).matches()) {
                    return null;
                }
                char letter = m.group(1).charAt(0);
                boolean romanLike = "ivx".indexOf(letter) >= 0;
                if (romanLike && romanRunFollows(blocks, i)) {
                    return null; // (i) followed by (ii): a roman sub-point
                }
                return new Candidate(i, letter - 'a' + 1, "(" + letter + ")", m.group(2).strip(), b, romanLike);
            }
            default -> {
                if ((m = ARABIC.matcher(b.text())).matches()) {
                    return new Candidate(i, Long.parseLong(m.group(1)), String.valueOf(Long.parseLong(m.group(1))),
                            m.group(2).strip(), b, false);
                }
                if (b.type() == BlockType.TABLE_CELL && (m = BARE.matcher(b.text())).matches()) {
                    // a numbered table row: the row's other cells follow
                    return new Candidate(i, Long.parseLong(m.group(1)), String.valueOf(Long.parseLong(m.group(1))), "", b, false);
                }
                return null;
            }
        }
    }
}

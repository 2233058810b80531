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
 * next letter is a sub-point, not a rival of the run. A point inserted without renumbering ("2A."
 * after "2.") continues the run. "PART 2", "SCHEDULE 1", "CHAPTER 3" lines are containers, and the
 * points after a Schedule, Annex or Supplement line restart at 1 as a chain of their own.
 */
final class NumberedPoints implements NumberingScheme {

    /** "3." "3)" "3、" then text; not "3.2 …" (a decimal number, not point 3). */
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})([A-Z]?)\\s*[.)．、](?!\\d)\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("^(\\d{1,3})[.．]?$");
    private static final Pattern CHINESE = Pattern.compile("^([一二三四五六七八九十]{1,3})\\s*[、．.]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern ROMAN_NEXT = Pattern.compile("^[(（](?:ii|vi|xi)[)）]");
    private static final Pattern LETTER = Pattern.compile("^[(（]([a-z])[)）]\\s*(\\S.*)$", Pattern.DOTALL);

    /** The three ways a point is numbered. */
    private enum Style { ARABIC, CHINESE, LETTER }
    private static final double MIN_SHARE = 0.6;
    /**
     * A line that is a unit of the points' structure, not text: "PART 2", "SCHEDULE 1", "CHAPTER 3",
     * alone or with a capitalised title that ends no sentence ("PART 2 Duties of manufacturers").
     */
    private static final Pattern UNIT_LINE = Pattern.compile(
            "^(?i:(part|schedule|chapter))\\s+(\\d{1,3}|[IVXLC]{1,6})(?:\\s*[—–:-]?\\s+(\\p{Lu}[^.;:]{0,98}))?$");

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
        Matcher self = LETTER.matcher(blocks.get(at).text());
        char letter = self.matches() ? self.group(1).charAt(0) : 'z';
        for (int k = at + 1; k < blocks.size(); k++) {
            String t = blocks.get(k).text();
            if (ROMAN_NEXT.matcher(t).lookingAt()) {
                return true;
            }
            Matcher m = LETTER.matcher(t);
            if (m.matches() && m.group(1).charAt(0) >= letter) {
                return false;
            }
            // a letter before this one ("(b) as amended by …" between (i) and (ii)) is neither the
            // next point nor the next sub-point: it decides nothing
        }
        return false;
    }

    /**
     * Whether the block at {@code at} stands inside a run of roman sub-points: the nearest bracketed
     * line before it is sub-point n and the nearest after it is sub-point n + 1.
     */
    private static boolean insideRomanRun(List<Block> blocks, int at) {
        int before = 0;
        for (int k = at - 1; k >= 0 && before == 0; k--) {
            before = bracketed(blocks.get(k).text());
        }
        int after = 0;
        for (int k = at + 1; k < blocks.size() && after == 0; k++) {
            after = bracketed(blocks.get(k).text());
        }
        return before > 0 && after == before + 1;
    }

    /** The value of a roman sub-point "(i)" … "(xii)" opening the text; -1 for another bracketed letter; 0 for neither. */
    private static int bracketed(String text) {
        Matcher m = ROMAN.matcher(text);
        if (m.lookingAt()) {
            return ROMANS.indexOf(m.group(1)) + 1;
        }
        return LETTER.matcher(text).matches() ? -1 : 0;
    }

    private static final Pattern ROMAN = Pattern.compile("^[(（](i{1,3}|iv|vi{0,3}|ix|xi{0,2})[)）]");
    private static final List<String> ROMANS = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii");

    /** A numbered block: where it is, its number, label and text after the number. */
    private record Candidate(int index, double number, String label, String body, Block block, boolean romanLike) {
    }

    private static Reading read(List<Block> blocks, Style style) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        List<Candidate> found = new ArrayList<>();
        // end matter that numbers anew ("SCHEDULE 1" after regulation 12): its points are a chain of their own
        List<Integer> part = new ArrayList<>();
        int parts = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            roles[i] = NumberingScheme.plain(b);
            if ((b.type() == BlockType.HEADING || b.type() == BlockType.PARAGRAPH) && EnglishUnits.RESTARTS.matcher(b.text()).find()
                    && part.size() > 0 && part.get(part.size() - 1) == parts) {
                parts++;
            }
            if (b.type() == BlockType.HEADING || (b.type() == BlockType.LIST_ITEM && b.level() > 1)) {
                continue;
            }
            Candidate c = candidate(blocks, i, style);
            if (c != null && c.number() != Math.floor(c.number())
                    && (found.isEmpty() || Math.floor(found.get(found.size() - 1).number()) != Math.floor(c.number()))) {
                // "4A." is inserted after 4: without a 4 (or 4A) just before it, it is quoted text
                // (an amending instrument's "insert— “Fees payable / 4A.—(1) …”" inside regulation 3)
                c = null;
            }
            if (c != null) {
                found.add(c);
                part.add(parts);
            }
        }
        // the run 1, 2, 3, … is taken from the heaviest increasing chain: a number where most numbers
        // of this style sit (paragraphs, list items, table rows) counts fully, elsewhere it joins only
        // as the very next number, so a stray "3" in a list cannot take the place of the real point 3
        double[] weights = Chains.locationWeights(found.stream().map(Candidate::block).toList());
        // a point out of the usual form of the points joins only where no point competes: its text in
        // another script than most points' ("二、 applies from …" among "二、加强…" points), its first
        // word in another case ("(b) applies from …" among "(b) Condition …"), or a number opening its
        // text among numbers alone in their cells (an errata table's "3.—(1)" spliced in among table
        // rows 1, 2, 3), or the other way round
        outOfTheUsualForm(found, weights, c -> script(c.body()));
        outOfTheUsualForm(found, weights, c -> initialCase(c.body()));
        outOfTheUsualForm(found, weights, c -> c.body().isEmpty() ? 1 : -1);
        // where most points follow their title line (a UK statutory instrument: "Interpretation" /
        // "2. In these Regulations—"), a point without one ("3.—(1) applies from …", a notice citing
        // regulation 3 inside regulation 2) joins only where no titled point competes
        boolean[] titled = new boolean[found.size()];
        int titles = 0;
        for (int k = 0; k < found.size(); k++) {
            int i = found.get(k).index();
            Block before = i > 0 ? blocks.get(i - 1) : null;
            titled[k] = before != null && (before.type() == BlockType.HEADING || before.type() == BlockType.PARAGRAPH)
                    && Assembler.titleText(before.text());
            titles += titled[k] ? 1 : 0;
        }
        if (titles >= 2 && titles * 3 >= found.size() * 2) {
            for (int k = 0; k < found.size(); k++) {
                if (!titled[k]) {
                    weights[k] = Math.min(weights[k], Chains.MINORITY);
                }
            }
        }
        // a lettered point standing between a roman sub-point and the next one ("(b) applies from …"
        // between (a)'s (i) and (ii)) interrupts a sub-list: it joins only where no point competes
        if (style == Style.LETTER) {
            for (int k = 0; k < found.size(); k++) {
                if (insideRomanRun(blocks, found.get(k).index())) {
                    weights[k] = Math.min(weights[k], Chains.MINORITY);
                }
            }
        }
        List<double[]> keys = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            keys.add(new double[] {part.get(k), found.get(k).number()});
        }
        boolean[] inChain = Chains.heaviestIncreasing(keys, weights);
        double last = 0;
        int lastPart = 0;
        int points = 0;
        int candidates = 0;
        for (int k = 0; k < found.size(); k++) {
            Candidate c = found.get(k);
            if (part.get(k) != lastPart && c.number() == 1) {
                last = 0; // the first point of end matter that numbers anew
                lastPart = part.get(k);
            }
            boolean taken = inChain[k] && follows(last, c.number());
            if (!c.romanLike() || taken) {
                candidates++;
            }
            if (taken) {
                roles[c.index()] = Role.provision(c.label(), "", c.body(), Role.PARAGRAPH_OPENED);
                last = c.number();
                points++;
            }
        }
        if (points < 3 || points < MIN_SHARE * candidates) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            Matcher m;
            if ((roles[i].type() == Role.Type.CONTENT && blocks.get(i).type() == BlockType.PARAGRAPH
                    || roles[i].type() == Role.Type.HEADING) && (m = UNIT_LINE.matcher(blocks.get(i).text().strip())).matches()) {
                String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
                int rank = switch (word) {
                    case "schedule" -> 1;
                    case "part" -> 2;
                    default -> 3;
                };
                String title = m.group(3) == null ? "" : m.group(3).strip();
                roles[i] = Role.container(Character.toUpperCase(word.charAt(0)) + word.substring(1) + " " + m.group(2), title, rank);
            }
        }
        return new Reading(Scheme.NUMBERED_POINTS, roles, points, 0.5);
    }

    /**
     * The run's next number after {@code last}: the next whole number (2 → 3, 2A → 3), or a point
     * inserted without renumbering, lettered after it (2 → 2A, 2A → 2B; keys 2.01, 2.02, as {@link Numbers} orders them).
     */
    private static boolean follows(double last, double next) {
        return Math.abs(next - (Math.floor(last) + 1)) < 1e-9 || Math.abs(next - (last + 0.01)) < 1e-9;
    }

    /**
     * Lowers to {@link Chains#MINORITY} the weight of every point whose form (+1 or -1; 0 for none)
     * is not the form most points have.
     */
    private static void outOfTheUsualForm(List<Candidate> found, double[] weights, java.util.function.ToIntFunction<Candidate> form) {
        int[] f = new int[found.size()];
        int balance = 0;
        for (int k = 0; k < found.size(); k++) {
            f[k] = form.applyAsInt(found.get(k));
            balance += f[k];
        }
        int usual = Integer.signum(balance);
        for (int k = 0; k < found.size(); k++) {
            if (usual != 0 && f[k] == -usual) {
                weights[k] = Math.min(weights[k], Chains.MINORITY);
            }
        }
    }

    /** The case of a point's first letter: upper (1), lower (-1), or caseless or no letter (0). */
    private static int initialCase(String body) {
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? -1 : 0;
            }
        }
        return 0;
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
                    String label = Long.parseLong(m.group(1)) + m.group(2);
                    // "3.—(1) …": the dash after the number joins it to the first paragraph, it is not text
                    return new Candidate(i, Numbers.key(label)[0], label, m.group(3).strip().replaceFirst("^[—–]\\s*(?=[(（])", ""), b, false);
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

package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.engine.segment.StructureUnit.Kind;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns blocks and their roles into provisions and structure units: a provision runs from its
 * block to the next provision, container or (shallower) heading; containers push themselves on the
 * path of what follows them. A numbered container's own text (before its first provision) is a
 * provision under the container's label when it reads as text, not as a second title line
 * ("CHAPTER I" / "GENERAL PROVISIONS"). One assembler per segmentation; not thread-safe.
 */
final class Assembler {

    /** Own text of a container is a provision when some line of it is a sentence, or long. */
    private static final Pattern SENTENCE = Pattern.compile("[。；;：:.!?！？]\\s*$|[，,。]");
    private static final int LONG_LINE = 60;
    /** A line that ends a sentence (or opens a list with a colon). */
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;：:.!?！？]\\s*$");

    /** A title line is at most this long, in characters and words. */
    private static final int TITLE_LENGTH = 100;
    private static final int TITLE_WORDS = 14;
    /** What a title line does not end with: a sentence end, a comma, a dash opening a list. */
    private static final Pattern TITLE_END = Pattern.compile("[。；;：:.,，!?！？—–-]\\s*$");
    /** A line opened by a unit word and number ("PART 2", "SCHEDULE 1", "Article 5") is a unit, not a title. */
    private static final Pattern NUMBERED = Pattern.compile("\\p{L}+\\s+(?:\\d|[IVXLC]+\\b)");

    private final Scheme scheme;
    private final String title;
    private final List<Provision> provisions = new ArrayList<>();
    private final List<StructureUnit> structure = new ArrayList<>();
    private final List<PathEntry> pathStack = new ArrayList<>();
    private final StringBuilder preamble = new StringBuilder();
    // the open provision
    private String pLabel;
    private String pTitle;
    private List<String> pPath;
    private int pLevel;
    /** The level of the last heading before a provision opened by a paragraph (0: none). */
    private int pEnclosing;
    /** The shallowest sub-heading kept in the text of a provision opened by a paragraph (0: none). */
    private int pInner;
    private final StringBuilder pText = new StringBuilder();
    // the open structure unit (a heading and the text after it)
    private String sLabel;
    private String sTitle;
    private List<String> sPath;
    private boolean sOwnText;
    private final StringBuilder sText = new StringBuilder();
    private boolean sOpen;

    private record PathEntry(int rank, String name) {
    }

    Assembler(Scheme scheme, String title) {
        this.scheme = scheme;
        this.title = title;
    }

    Segmentation assemble(List<Block> blocks, Role[] roles) {
        int[] siblings = innerSiblings(blocks, roles);
        int[] titleOf = titlesBefore(blocks, roles);
        boolean[] titled = new boolean[blocks.size()];
        int headingLevel = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Role r = roles[i];
            boolean inText = r.type() == Role.Type.HEADING && pLabel != null
                    && (pLevel > 0 ? b.level() > pLevel
                            : b.level() > pEnclosing && (siblings[i] >= 2 || pInner > 0 && b.level() > pInner));
            if (inText && pLevel == 0 && (pInner == 0 || b.level() < pInner)) {
                pInner = b.level(); // what is deeper than a sub-heading kept in the text is its text too
            }
            if (titleOf[i] >= 0 && !inText) {
                // a title line printed before its number ("Interpretation" / "2. In these Regulations…") opens the provision
                Role p = roles[titleOf[i]];
                closeProvision();
                closeStructure();
                openProvision(Role.provision(p.label(), b.text().strip(), "", p.rank()));
                pEnclosing = b.type() == BlockType.HEADING ? b.level() : headingLevel; // the title heading is the one above it
                pInner = 0;
                titled[titleOf[i]] = true;
                continue;
            }
            if (b.type() == BlockType.HEADING && r.type() != Role.Type.PROVISION && !inText) {
                headingLevel = b.level();
            }
            switch (r.type()) {
                case PROVISION -> {
                    if (titled[i] && pLabel != null) {
                        if (r.body() != null && !r.body().isEmpty()) {
                            append(pText, r.body());
                        }
                        continue;
                    }
                    closeProvision();
                    closeStructure();
                    openProvision(r);
                    pEnclosing = headingLevel;
                    pInner = 0;
                }
                case CONTAINER -> {
                    closeProvision();
                    closeStructure();
                    int rank = r.rank();
                    pathStack.removeIf(e -> e.rank() >= rank);
                    openStructure(r.label(), r.title(), r.textIsOwn());
                    if (r.body() != null && !r.body().isEmpty()) {
                        sText.append(r.body());
                    }
                    pathStack.add(new PathEntry(rank, r.label() != null ? r.label() : r.title()));
                }
                case HEADING -> {
                    if (inText) {
                        append(pText, b.text());
                    } else {
                        closeProvision();
                        closeStructure();
                        if (scheme == Scheme.IDENTIFIERS || scheme == Scheme.HEADINGS) {
                            // in heading-structured documents every heading above a provision groups it
                            int rank = b.level();
                            pathStack.removeIf(e -> e.rank() >= rank);
                            openStructure(null, b.text(), false);
                            pathStack.add(new PathEntry(rank, b.text()));
                        } else {
                            openStructure(null, b.text(), false);
                        }
                    }
                }
                case CONTENT -> {
                    if (pLabel != null) {
                        append(pText, b.text());
                    } else if (sOpen) {
                        append(sText, b.text());
                    } else {
                        append(preamble, b.text());
                    }
                }
            }
        }
        closeProvision();
        closeStructure();
        List<StructureUnit> units = new ArrayList<>();
        if (title != null) {
            units.add(new StructureUnit(Kind.TITLE, null, title, List.of(), ""));
        }
        if (preamble.length() > 0) {
            units.add(new StructureUnit(Kind.PREAMBLE, null, "", List.of(), preamble.toString()));
        }
        units.addAll(structure);
        return new Segmentation(scheme, title, units, provisions);
    }

    /**
     * For each unnumbered heading, how many headings of its level subdivide the same stretch of text
     * (up to the next numbered unit) when no heading of that level is directly followed by a
     * numbered unit; 0 otherwise. Under a provision opened by a
     * paragraph, such headings (the definition terms "#### Access", "#### Active Attack" … under
     * "A.1 Definitions" printed as a paragraph), deeper than the heading above the provision and
     * more than one, stay in its text, as they do under a provision opened by a heading. A
     * cross-heading followed by the next regulation, or one lone heading after a section (an
     * unnumbered sibling whose number the layout lost), closes it.
     */
    private static int[] innerSiblings(List<Block> blocks, Role[] roles) {
        Set<Integer> refused = new HashSet<>();
        Map<Long, Integer> counts = new HashMap<>();
        long[] stretchLevel = new long[blocks.size()];
        long stretch = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Role.Type type = roles[i].type();
            if (type == Role.Type.PROVISION || type == Role.Type.CONTAINER) {
                stretch++;
            }
            if (type != Role.Type.HEADING) {
                continue;
            }
            int level = blocks.get(i).level();
            Role.Type next = i + 1 < blocks.size() ? roles[i + 1].type() : null;
            if (next == Role.Type.PROVISION || next == Role.Type.CONTAINER) {
                refused.add(level);
            }
            stretchLevel[i] = stretch * 16 + level;
            counts.merge(stretchLevel[i], 1, Integer::sum);
        }
        int[] siblings = new int[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            if (roles[i].type() == Role.Type.HEADING && !refused.contains(blocks.get(i).level())) {
                siblings[i] = counts.get(stretchLevel[i]);
            }
        }
        return siblings;
    }

    /**
     * Titles printed before their number, as a UK statutory instrument prints each regulation
     * ("Interpretation" / "2. In these Regulations—…", in a heading or a plain line): for each
     * provision opened by a paragraph, the index of its title line, else -1 (indexed by block). A
     * title line is a heading or a paragraph that is short, starts with a capital, ends no sentence and
     * is not numbered itself. It is the title of the next provision only in a document that prints
     * titles so (at least two thirds of the paragraph-opened provisions of its body, before any end matter
     * that numbers anew, directly follow one). Between the
     * title and its number may stand table cells, list items and at most one paragraph that is no title
     * line (a notice inserted there): they become the provision's text, so inserting a block never
     * moves a title back into the provision before.
     */
    private static int[] titlesBefore(List<Block> blocks, Role[] roles) {
        int n = blocks.size();
        int[] titleOf = new int[n];
        Arrays.fill(titleOf, -1);
        int provisions = 0;
        int direct = 0;
        for (int j = 0; j < n; j++) {
            if (EnglishUnits.RESTARTS.matcher(blocks.get(j).text()).find()
                    && (blocks.get(j).type() == BlockType.HEADING || blocks.get(j).type() == BlockType.PARAGRAPH)) {
                break; // the body decides; end matter numbering anew (a Schedule's paragraphs) often has no titles
            }
            if (opensUntitled(roles[j])) {
                provisions++;
                if (j > 0 && titleLine(blocks.get(j - 1), roles[j - 1]) && !containersTitle(blocks, roles, j - 1)) {
                    direct++;
                }
            }
        }
        if (direct < 2 || direct * 3 < provisions * 2) {
            return titleOf;
        }
        for (int j = 0; j < n; j++) {
            if (!opensUntitled(roles[j])) {
                continue;
            }
            int paragraphs = 0;
            for (int k = j - 1; k >= 0; k--) {
                Block b = blocks.get(k);
                if (titleLine(b, roles[k])) {
                    if (!containersTitle(blocks, roles, k)) {
                        titleOf[k] = j;
                    }
                    break;
                }
                if (roles[k].type() != Role.Type.CONTENT || b.type() == BlockType.HEADING
                        || (b.type() == BlockType.PARAGRAPH && ++paragraphs > 1)) {
                    break;
                }
            }
        }
        return titleOf;
    }

    /**
     * Whether the title line at {@code k}, a paragraph, is the title of the unit line before it
     * ("SCHEDULE 1" / "Fees" / "1. The fee is £10.", as legislation.gov.uk prints every Part and
     * Schedule with its title): a container without a title of its own precedes it, with at most what
     * may also stand between a title and its number.
     */
    private static boolean containersTitle(List<Block> blocks, Role[] roles, int k) {
        if (blocks.get(k).type() == BlockType.HEADING) {
            return false; // "## PART 2" / "### Duty to register": a heading under the unit's heading is the next one's title
        }
        int paragraphs = 0;
        for (int m = k - 1; m >= 0; m--) {
            Role r = roles[m];
            if (r.type() == Role.Type.CONTAINER) {
                return r.title() == null || r.title().isEmpty();
            }
            Block b = blocks.get(m);
            if (r.type() != Role.Type.CONTENT || b.type() == BlockType.HEADING || titleLine(b, r)
                    || (b.type() == BlockType.PARAGRAPH && ++paragraphs > 1)) {
                return false;
            }
        }
        return false;
    }

    private static boolean opensUntitled(Role r) {
        return r.type() == Role.Type.PROVISION && r.rank() == Role.PARAGRAPH_OPENED && (r.title() == null || r.title().isEmpty());
    }

    /** A short line that can only be a title: a heading or paragraph, capitalised, no sentence end, no number. */
    private static boolean titleLine(Block b, Role r) {
        boolean candidate = (r.type() == Role.Type.HEADING && b.type() == BlockType.HEADING)
                || (r.type() == Role.Type.CONTENT && b.type() == BlockType.PARAGRAPH);
        if (!candidate) {
            return false;
        }
        return titleText(b.text());
    }

    /** Text that can only be a title: short, capitalised, no sentence end, no number of its own. */
    static boolean titleText(String text) {
        String t = text.strip();
        return !t.isEmpty() && t.length() <= TITLE_LENGTH && Character.isUpperCase(t.codePointAt(0))
                && !TITLE_END.matcher(t).find() && !t.contains(". ") && t.split("\\s+").length <= TITLE_WORDS
                && !NUMBERED.matcher(t).lookingAt();
    }

    private List<String> currentPath() {
        List<String> path = new ArrayList<>(pathStack.size() + 1);
        for (PathEntry e : pathStack) {
            path.add(e.name());
        }
        return path;
    }

    private void openProvision(Role r) {
        pLabel = r.label(); // as printed: two provisions may share a label (a supplement's comment on "Appendix C")
        pTitle = r.title();
        pLevel = r.rank();
        pPath = currentPath();
        pPath.add(pLabel);
        pText.setLength(0);
        if (r.body() != null && !r.body().isEmpty()) {
            pText.append(r.body());
        }
    }

    private void closeProvision() {
        if (pLabel == null) {
            return;
        }
        String text = pText.toString();
        provisions.add(new Provision(pLabel, pPath, pTitle, text, Tombstones.isTombstone(pLabel, pTitle, text)));
        pLabel = null;
    }

    private void openStructure(String label, String headingTitle, boolean ownText) {
        sOpen = true;
        sLabel = label;
        sTitle = headingTitle == null ? "" : headingTitle;
        sOwnText = ownText;
        sPath = currentPath();
        sText.setLength(0);
    }

    private void closeStructure() {
        if (!sOpen) {
            return;
        }
        sOpen = false;
        String text = sText.toString();
        if (sOwnText && readsAsText(text)) {
            // a numbered unit with text of its own: that text is a provision (4.3 before 4.3.1)
            String label = sLabel;
            List<String> path = new ArrayList<>(sPath);
            path.add(label);
            provisions.add(new Provision(label, path, sTitle, text, Tombstones.isTombstone(label, sTitle, text)));
            return;
        }
        structure.add(new StructureUnit(Kind.HEADING, sLabel, sTitle, sPath, text));
    }

    /**
     * A container's own text reads as text when some line of it, after its title line, is a sentence
     * or long. The first line is a title line when it does not end a sentence ("CHAPTER IV" /
     * "CYBERSECURITY RISK-MANAGEMENT MEASURES AND REPORTING OBLIGATIONS", "Section 4" / "ENISA Advisory
     * Group, Stakeholder … and National Liaison Officers Network"), however long, commas or not.
     */
    private static boolean readsAsText(String text) {
        if (text.isBlank()) {
            return false;
        }
        String[] lines = text.split("\n");
        int from = SENTENCE_END.matcher(lines[0].strip()).find() ? 0 : 1;
        for (int k = from; k < lines.length; k++) {
            String line = lines[k];
            if (line.length() >= LONG_LINE || SENTENCE.matcher(line.strip()).find()) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder sb, String line) {
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(line);
    }
}

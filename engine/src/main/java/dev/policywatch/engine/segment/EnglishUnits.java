package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English numbered units: Article, Section, §, Rule, Regulation, Clause, Paragraph (and the
 * abbreviations Art., Sec., Para.) as provisions; Part,
 * Title, Book, Chapter, Subchapter, Subpart, Division, Schedule, Annex as containers. When several
 * provision words occur, the one with most units is the provision and the others are containers
 * (Sections grouping Articles). A container with text of its own before its first provision
 * (Part 164 with its authority note) gives that text a provision of its own.
 *
 * <p>In a heading the unit is always a unit. In running text it must be capitalised, stand apart
 * from what follows ("Section 4." / "Section 4 Scope" / "Appendix A to Part 1013—Model Forms", not
 * "Section 4 applies"), and belong to the
 * increasing chain of its kind; out of the units' usual place (a table cell, a list) it must be the
 * very next number.
 */
final class EnglishUnits implements NumberingScheme {

    private static final Pattern EN_UNIT = Pattern.compile(
            "^(?:(?i:(part|title|book|chapter|subchapter|subpart|division|schedule|annex|appendix|article|art\\.|section|sec\\.|rule|regulation|clause|paragraph|para\\.))\\s+|(§{1,2})\\s*)"
                    + "([0-9]+[A-Za-z]?(?:[.\\-][0-9A-Za-z]+)*|[IVXLCDM]+|[A-Z](?:-[0-9]+)?)(?![\\w])\\.?(.*)$", Pattern.DOTALL);
    /**
     * A unit word the list above lacks, when the label stands alone on its line as a paragraph
     * ("Artikel 5", "Artículo 12" of a text without heading markup): the document's own unit, taken
     * like the others (increasing chain, most units wins). Same groups as {@link #EN_UNIT}; group 2
     * (the § sign) never takes part.
     */
    private static final Pattern LABEL_ALONE = Pattern.compile("^(\\p{Lu}\\p{L}{2,19})(?:(§)(?!))?\\s+([0-9]{1,4}[a-z]?|[IVXLCDM]{1,7})(\\s*)$");
    /** The unit words of {@link #EN_UNIT} (a word found by {@link #LABEL_ALONE} is any other). */
    private static final Set<String> LISTED = Set.of("part", "title", "book", "chapter", "subchapter", "subpart", "division",
            "schedule", "annex", "appendix", "article", "section", "rule", "regulation", "clause", "paragraph");
    /** Captions and page furniture, whose numbers run too but open nothing. */
    private static final Set<String> CAPTIONS = Set.of("table", "figure", "fig", "page", "step", "exhibit", "chart", "box",
            "equation", "example", "note", "version", "release", "volume", "phase", "level");
    /** End matter whose units number anew: "Supplement I to Part 1013—Official Interpretations", "SCHEDULE 2", "Annex III". */
    static final Pattern RESTARTS = Pattern.compile(
            "^(?i:supplement|schedule|annex)\\s+(?:[IVXLC]+|\\d{1,3}|[A-Z])(?![\\w])\\s*(?:$|[.:—–-]|to\\s+(?:Part|the)\\b|\\p{Lu})");
    private static final Pattern TO_UNIT = Pattern.compile(
            "^to\\s+(?:Part|Subpart|Chapter|Title|Regulation|Article|§)\\s*[\\w.\\-]+\\s*[.:—–-]*\\s*");
    private static final Set<String> CONTAINERS = Set.of(
            "part", "title", "book", "chapter", "subchapter", "subpart", "division", "schedule", "annex", "appendix");

    private record Candidate(int index, String kind, Matcher match, double[] key, Block block) {
    }

    @Override
    public Reading read(List<Block> blocks) {
        int n = blocks.size();
        Map<String, List<Candidate>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            Matcher m = EN_UNIT.matcher(b.text());
            if (!m.matches()) {
                m = LABEL_ALONE.matcher(b.text());
                if ((b.type() != BlockType.PARAGRAPH && b.type() != BlockType.HEADING) || !m.matches()
                        || CAPTIONS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
            }
            String rest = m.group(4);
            boolean dotted = b.text().charAt(b.text().length() - rest.length() - 1) == '.';
            boolean separated = rest.isEmpty() || Character.isWhitespace(rest.charAt(0))
                    || ".:—–-".indexOf(rest.charAt(0)) >= 0 || dotted;
            if (!separated) {
                continue;
            }
            if (b.type() != BlockType.HEADING && !opensUnit(b.text(), m, rest)) {
                continue;
            }
            String kind = kindOf(m);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(new Candidate(i, kind, m, Numbers.key(m.group(3)), b));
        }
        // a kind whose labels include a letter no roman numeral reads (Appendix A, B) is lettered:
        // its C and D follow B, they are not 100 and 500
        byKind.replaceAll((kind, list) -> list.stream().anyMatch(c -> Numbers.lettered(c.match().group(3)))
                ? list.stream().map(c -> new Candidate(c.index(), kind, c.match(), Numbers.key(c.match().group(3), true), c.block()))
                        .toList()
                : list);
        Role[] roles = new Role[n];
        for (int i = 0; i < n; i++) {
            roles[i] = NumberingScheme.plain(blocks.get(i));
        }
        Map<String, List<Candidate>> accepted = new LinkedHashMap<>();
        String provisionKind = null;
        for (Map.Entry<String, List<Candidate>> e : byKind.entrySet()) {
            List<Candidate> kept = new ArrayList<>();
            // numbering restarts in end matter (Supplement I's "Section 1013.2" after the regulation's
            // "§ 1013.2", a Schedule's paragraphs, an Annex's points): each part is a chain of its own
            for (List<Candidate> part : byPart(e.getValue(), blocks)) {
                kept.addAll(acceptedOf(part));
            }
            accepted.put(e.getKey(), kept);
            if (!CONTAINERS.contains(e.getKey()) && kept.size() >= 2
                    && (provisionKind == null || kept.size() > accepted.get(provisionKind).size())) {
                provisionKind = e.getKey();
            }
        }
        if (provisionKind == null) {
            return null;
        }
        // the document's own container words (KAPITEL, Abschnitt): ranked by where each first shows,
        // every line of them a container, their numbers restarting in each higher unit
        Map<String, Integer> ownRanks = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : byKind.entrySet()) {
            if (!LISTED.contains(e.getKey()) && !e.getKey().equals(provisionKind)) {
                ownRanks.put(e.getKey(), 3 + ownRanks.size());
                accepted.put(e.getKey(), e.getValue());
            }
        }
        BlockType usual = Chains.usualType(accepted.get(provisionKind).stream().map(Candidate::block).toList());
        for (List<Candidate> kept : accepted.values()) {
            for (Candidate c : kept) {
                Matcher m = c.match();
                Block b = c.block();
                String label = m.group(2) != null ? "§ " + m.group(3) : labelFor(m.group(1), m.group(3));
                String rest = m.group(4).strip().replaceFirst("^[.:—–-]\\s*", "");
                if (c.kind().equals(provisionKind)) {
                    boolean isHeading = b.type() == BlockType.HEADING;
                    roles[c.index()] = Role.provision(label, isHeading ? rest : "", isHeading ? "" : rest,
                            isHeading ? b.level() : Role.PARAGRAPH_OPENED);
                } else if (b.type() == BlockType.HEADING || b.type() == BlockType.PARAGRAPH || b.type() == usual) {
                    // a unit named in a table cell or a list item is a reference, never a container,
                    // unless the provisions themselves sit there (a page laid out in a table)
                    int rank = switch (c.kind()) {
                        case "part", "book" -> 1;
                        case "title", "schedule", "annex", "appendix" -> 2;
                        case "chapter" -> 3;
                        case "subchapter", "subpart", "division" -> 4;
                        default -> ownRanks.containsKey(c.kind()) ? ownRanks.get(c.kind())
                                : provisionKind.equals("article") ? 5 : 3; // Section inside Chapter/Article
                    };
                    roles[c.index()] = Role.numberedContainer(label, rest, rank);
                }
            }
        }
        leafContainersAreProvisions(blocks, roles);
        return new Reading(Scheme.NUMBERED_SECTIONS, roles, accepted.get(provisionKind).size(), 1.0);
    }

    /**
     * A numbered container that holds no provision (an appendix of forms, a part without sections)
     * is itself a provision: its heading opens it and everything up to the next unit is its text.
     */
    private static void leafContainersAreProvisions(List<Block> blocks, Role[] roles) {
        for (int i = 0; i < roles.length; i++) {
            Role r = roles[i];
            if (r.type() != Role.Type.CONTAINER) {
                continue;
            }
            boolean holdsProvision = false;
            for (int j = i + 1; j < roles.length; j++) {
                Role next = roles[j];
                if (next.type() == Role.Type.PROVISION) {
                    holdsProvision = true;
                    break;
                }
                if (next.type() == Role.Type.CONTAINER && next.rank() <= r.rank()) {
                    break;
                }
            }
            if (!holdsProvision) {
                Block b = blocks.get(i);
                boolean heading = b.type() == BlockType.HEADING;
                roles[i] = Role.provision(r.label(), heading ? r.title() : "", heading ? "" : r.title(),
                        heading ? b.level() : Role.PARAGRAPH_OPENED);
            }
        }
    }

    /** A unit in running text: capitalised, and not followed by a lower-case word ("Section 4 applies"). */
    private static boolean opensUnit(String text, Matcher m, String rest) {
        if (m.group(2) == null && !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        String after = rest.strip().replaceFirst("^[.:—–-]+\\s*", "");
        // "Appendix A to Part 1013—Model Forms": the unit it belongs to is part of the label line
        after = TO_UNIT.matcher(after).replaceFirst("");
        return after.isEmpty() || !Character.isLowerCase(after.charAt(0));
    }

    /** The candidates split where end matter that restarts the numbering begins (a Supplement, Schedule or Annex line). */
    private static List<List<Candidate>> byPart(List<Candidate> all, List<Block> blocks) {
        List<List<Candidate>> parts = new ArrayList<>();
        List<Candidate> part = new ArrayList<>();
        int from = 0;
        for (Candidate c : all) {
            for (int i = from; i < c.index(); i++) {
                Block b = blocks.get(i);
                if (b.type() != BlockType.TABLE_CELL && b.type() != BlockType.LIST_ITEM && RESTARTS.matcher(b.text()).find()
                        && !part.isEmpty()) {
                    parts.add(part);
                    part = new ArrayList<>();
                }
            }
            from = c.index();
            part.add(c);
        }
        parts.add(part);
        return parts;
    }

    /**
     * Headings always; running-text units when in the increasing chain of their kind, and not a
     * number that a heading of the same kind carries (a table cell "§ 164.502" before the heading
     * "§ 164.502" cites the section, it does not open it).
     */
    private static List<Candidate> acceptedOf(List<Candidate> all) {
        TreeSet<double[]> headingKeys = new TreeSet<>(Numbers::compare);
        all.stream().filter(c -> c.block().type() == BlockType.HEADING).forEach(c -> headingKeys.add(c.key()));
        List<Candidate> candidates = all.stream()
                .filter(c -> c.block().type() == BlockType.HEADING || !headingKeys.contains(c.key()))
                .toList();
        List<Block> where = candidates.stream().map(Candidate::block).toList();
        double[] weights = Chains.locationWeights(where);
        List<double[]> keys = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (candidates.get(k).block().type() != BlockType.HEADING) {
                keys.add(candidates.get(k).key());
                texts.add(k);
            }
        }
        double[] textWeights = texts.stream().mapToDouble(k -> weights[k]).toArray();
        boolean[] inChain = Chains.heaviestIncreasing(keys, textWeights);
        boolean[] keep = new boolean[candidates.size()];
        for (int t = 0; t < texts.size(); t++) {
            keep[texts.get(t)] = inChain[t];
        }
        List<Candidate> out = new ArrayList<>();
        double[] last = null;
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            if (c.block().type() != BlockType.HEADING) {
                if (!keep[k] || (last != null && Numbers.compare(c.key(), last) <= 0)) {
                    continue;
                }
                if (weights[k] < Chains.MAJORITY && !Chains.directlyFollows(last, c.key())) {
                    continue;
                }
            }
            last = c.key();
            out.add(c);
        }
        return out;
    }

    private static String kindOf(Matcher m) {
        if (m.group(2) != null) {
            return "section"; // § is the section sign: the same unit, printed differently
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        return switch (word) {
            case "art." -> "article";
            case "sec." -> "section";
            case "para." -> "paragraph";
            default -> word;
        };
    }

    /**
     * The label as printed ("Art. 5", "Regulation 4"), the word capitalised: a heading set in capitals
     * ("ARTICLE 5", "PART 164") is typography, not another label.
     */
    private static String labelFor(String word, String number) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + " " + number;
    }
}

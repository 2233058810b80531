package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.engine.segment.StructureUnit.Kind;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document's blocks into provisions and structure.
 *
 * <p>It first recognises the document's numbering, in this order, and that decides what a provision is:
 * <ol>
 *   <li>Chinese articles: a block starting 第X条 opens an article, but only when X moves forward from
 *       the previous article (a line starting with a cross-reference, "第十条规定的…", does not);
 *       第X编/分编/章/节 are the path; items (一) 1. （1） are article text;</li>
 *   <li>identifier headings (FRR-SCN-01, KSI-IAM-01, AC-2(1)): the identifier is the label; a
 *       heading whose identifier is a prefix of others, that contains deeper identifier headings,
 *       or that reads "ID: Theme" is a group (structure);</li>
 *   <li>English numbered units: Article, Section, Sec., §, and decimal headings (3.2). When both
 *       Articles and Sections occur the more frequent is the provision and the other is context;
 *       Part, Title, Chapter ... are context; items (a)(1)(i) are text;</li>
 *   <li>the numbered points 1., 2., ... of a plan, when they form one run;</li>
 *   <li>otherwise the smallest headed sections, else paragraphs.</li>
 * </ol>
 * Text before the first provision is the preamble; the first level-1 heading is the title.
 * Stateless and thread-safe; linear in the number of blocks.
 */
public final class Segmenter {

    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千万0-9０-９]+";
    private static final Pattern CN_UNIT = Pattern.compile(
            "^第\\s*(" + CN_NUM + ")\\s*(分编|编|章|节|条)(\\s*之\\s*[一二三四五六七八九十]+)?(.*)$", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^([A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]{1,15}){1,5}(?:\\([0-9A-Za-z]{1,4}\\))*)(?=$|[\\s:：.,(（—–])(.*)$",
            Pattern.DOTALL);
    private static final Pattern EN_UNIT = Pattern.compile(
            "^(?:(?i:(part|title|book|chapter|subchapter|subpart|division|article|art\\.|section|sec\\.|rule|regulation))\\s+|(§{1,2})\\s*)"
                    + "([0-9]+[A-Za-z]?(?:[.\\-][0-9A-Za-z]+)*|[IVXLCDM]+)(?![\\w])\\.?(.*)$", Pattern.DOTALL);
    private static final Pattern DECIMAL_HEADING = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("^(\\d{1,3})\\s*[.)．、]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern CN_TOMBSTONE = Pattern.compile("^[（(【\\[]?\\s*(删除|已删除|废止|删去)\\s*[)）】\\]]?[。.]?$");
    private static final Pattern EN_TOMBSTONE = Pattern.compile(
            "(?i)^[\\[(]?\\s*(retired|withdrawn|repealed|reserved|deleted|removed|rescinded)\\s*[)\\]]?\\.?$");
    private static final Pattern TITLE_TOMBSTONE = Pattern.compile("(?i)[\\[(]\\s*(retired|withdrawn|repealed|deleted|removed|rescinded)\\s*[)\\]]");
    private static final Pattern SUPERSEDED = Pattern.compile("(?i)\\b(superseded|replaced)\\s+by\\b|\\b(retired|withdrawn)\\b");
    private static final Set<String> EN_CONTAINERS = Set.of("part", "title", "book", "chapter", "subchapter", "subpart", "division");
    private static final int PARAGRAPH_OPENED = 0;

    /** Segments the blocks of one version of a document. */
    public Segmentation segment(List<Block> blocks) {
        List<Block> body = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (!b.text().isBlank()) {
                body.add(b);
            }
        }
        String title = null;
        int start = 0;
        if (!body.isEmpty() && body.get(0).type() == BlockType.HEADING) {
            title = body.get(0).text();
            start = 1;
        }
        List<Block> rest = body.subList(start, body.size());
        Role[] roles;
        Scheme scheme;
        if ((roles = chineseRoles(rest)) != null) {
            scheme = Scheme.CHINESE_ARTICLES;
        } else if ((roles = identifierRoles(rest)) != null) {
            scheme = Scheme.IDENTIFIERS;
        } else if ((roles = englishRoles(rest)) != null || (roles = decimalRoles(rest)) != null) {
            scheme = Scheme.NUMBERED_SECTIONS;
        } else if ((roles = pointRoles(rest)) != null) {
            scheme = Scheme.NUMBERED_POINTS;
        } else if ((roles = headingRoles(rest)) != null) {
            scheme = Scheme.HEADINGS;
        } else {
            roles = paragraphRoles(rest);
            scheme = Scheme.PARAGRAPHS;
        }
        return new Assembler(scheme, title).assemble(rest, roles);
    }

    // ---------------------------------------------------------------- roles

    /** What one block does in the document. */
    private record Role(Type type, String label, String title, String body, int rank) {
        enum Type { CONTENT, CONTAINER, PROVISION, HEADING }

        static final Role CONTENT = new Role(Type.CONTENT, null, null, null, 0);

        static Role provision(String label, String title, String body, int level) {
            return new Role(Type.PROVISION, label, title, body, level);
        }

        static Role container(String label, String title, int rank) {
            return new Role(Type.CONTAINER, label, title, null, rank);
        }
    }

    private static Role[] chineseRoles(List<Block> blocks) {
        Role[] roles = new Role[blocks.size()];
        double last = 0;
        int articles = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            roles[i] = b.type() == BlockType.HEADING ? heading(b) : Role.CONTENT;
            Matcher m = CN_UNIT.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            long n = ChineseNumerals.parse(m.group(1));
            if (n < 0) {
                continue;
            }
            String kind = m.group(2);
            String rest = m.group(4);
            String numeral = m.group(1).replaceAll("\\s+", "");
            if (kind.equals("条")) {
                String sub = m.group(3) == null ? "" : m.group(3).replaceAll("\\s+", "");
                double number = n + (sub.isEmpty() ? 0 : ChineseNumerals.parse(sub.substring(1)) / 1000.0);
                boolean separated = rest.isEmpty() || Character.isWhitespace(rest.charAt(0))
                        || "（(【[：:、.．".indexOf(rest.charAt(0)) >= 0;
                boolean next = number == Math.floor(last) + 1 || (!sub.isEmpty() && number > last && number < Math.floor(last) + 1);
                if (number > last && (separated || next)) {
                    roles[i] = Role.provision("第" + numeral + "条" + sub, "", rest.strip(),
                            b.type() == BlockType.HEADING ? PARAGRAPH_OPENED : PARAGRAPH_OPENED);
                    last = number;
                    articles++;
                }
            } else {
                boolean shortLine = rest.length() <= 40 && !rest.contains("。")
                        && (rest.isEmpty() || Character.isWhitespace(rest.charAt(0)));
                if (b.type() == BlockType.HEADING || shortLine) {
                    int rank = switch (kind) {
                        case "编" -> 1;
                        case "分编" -> 2;
                        case "章" -> 3;
                        default -> 4;
                    };
                    roles[i] = Role.container("第" + numeral + kind, compactCjk(rest.strip()), rank);
                }
            }
        }
        return articles >= 1 ? roles : null;
    }

    private static Role heading(Block b) {
        return new Role(Role.Type.HEADING, null, b.text(), null, b.level());
    }

    private static Role[] identifierRoles(List<Block> blocks) {
        int n = blocks.size();
        String[] ids = new String[n];
        boolean[] theme = new boolean[n];
        Set<String> all = new HashSet<>();
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
                all.add(ids[i]);
            }
        }
        Role[] roles = new Role[n];
        int provisions = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (ids[i] == null) {
                roles[i] = b.type() == BlockType.HEADING ? heading(b) : Role.CONTENT;
                continue;
            }
            String id = ids[i];
            String rest = b.text().substring(id.length()).strip();
            boolean group = theme[i] || isPrefixOfAnother(id, all) || containsDeeperIdentifier(blocks, ids, i);
            if (group) {
                String groupTitle = rest.replaceFirst("^[:：]\\s*", "");
                roles[i] = Role.container(id, groupTitle, b.level());
            } else {
                roles[i] = Role.provision(id, rest.replaceFirst("^[:：.—–-]\\s*", ""), "", b.level());
                provisions++;
            }
        }
        return provisions >= 2 ? roles : null;
    }

    private static boolean isPrefixOfAnother(String id, Set<String> all) {
        for (String other : all) {
            if (other.length() > id.length() && other.startsWith(id)
                    && (other.charAt(id.length()) == '-' || other.charAt(id.length()) == '(')) {
                return true;
            }
        }
        return false;
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

    private static Role[] englishRoles(List<Block> blocks) {
        int n = blocks.size();
        String[] kinds = new String[n];
        Matcher[] matches = new Matcher[n];
        Map<String, Integer> unitCounts = new HashMap<>();
        Map<String, double[]> lastNumber = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            Matcher m = EN_UNIT.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            String kind = kindOf(m);
            String rest = m.group(4);
            boolean separated = rest.isEmpty() || Character.isWhitespace(rest.charAt(0)) || ".:—–-".indexOf(rest.charAt(0)) >= 0
                    || b.text().charAt(b.text().length() - rest.length() - 1) == '.';
            if (!separated) {
                continue;
            }
            double[] key = numberKey(m.group(3));
            if (b.type() != BlockType.HEADING) {
                // a paragraph starting "Section 4 applies ..." is a reference: require capitals and forward numbering
                if (!Character.isUpperCase(b.text().charAt(0)) && m.group(2) == null) {
                    continue;
                }
                double[] previous = lastNumber.get(kind);
                if (previous != null && compare(key, previous) <= 0) {
                    continue;
                }
            }
            lastNumber.put(kind, key);
            kinds[i] = kind;
            matches[i] = m;
            if (!EN_CONTAINERS.contains(kind)) {
                unitCounts.merge(kind, 1, Integer::sum);
            }
        }
        String provisionKind = unitCounts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        if (provisionKind == null) {
            return null;
        }
        Role[] roles = new Role[n];
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (kinds[i] == null) {
                roles[i] = b.type() == BlockType.HEADING ? heading(b) : Role.CONTENT;
                continue;
            }
            Matcher m = matches[i];
            String label = m.group(2) != null ? "§ " + m.group(3) : labelFor(kinds[i], m.group(3));
            String rest = m.group(4).strip().replaceFirst("^[.:—–-]\\s*", "");
            if (kinds[i].equals(provisionKind)) {
                boolean isHeading = b.type() == BlockType.HEADING;
                roles[i] = Role.provision(label, isHeading ? rest : "", isHeading ? "" : rest,
                        isHeading ? b.level() : PARAGRAPH_OPENED);
            } else {
                int rank = switch (kinds[i]) {
                    case "part", "book" -> 1;
                    case "title" -> 2;
                    case "chapter" -> 3;
                    case "subchapter", "subpart", "division" -> 4;
                    default -> provisionKind.equals("article") ? 5 : 3; // Section inside Chapter/Article
                };
                roles[i] = Role.container(label, rest, rank);
            }
        }
        return roles;
    }

    private static String kindOf(Matcher m) {
        if (m.group(2) != null) {
            return "section"; // § is the section sign: the same unit, printed differently
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        return switch (word) {
            case "art." -> "article";
            case "sec." -> "section";
            default -> word;
        };
    }

    private static String labelFor(String kind, String number) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + number;
    }

    private static double[] numberKey(String number) {
        String[] parts = number.split("[.\\-]");
        double[] key = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            key[i] = numericValue(parts[i]);
        }
        return key;
    }

    private static double numericValue(String part) {
        if (part.matches("\\d+")) {
            return Double.parseDouble(part);
        }
        if (part.matches("\\d+[A-Za-z]")) {
            return Double.parseDouble(part.substring(0, part.length() - 1))
                    + (Character.toLowerCase(part.charAt(part.length() - 1)) - 'a' + 1) / 100.0;
        }
        if (part.matches("[IVXLCDM]+")) {
            return roman(part);
        }
        return 0;
    }

    private static int roman(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                case 'C' -> 100;
                case 'D' -> 500;
                default -> 1000;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static Role[] decimalRoles(List<Block> blocks) {
        int n = blocks.size();
        String[] numbers = new String[n];
        Set<String> all = new HashSet<>();
        boolean[] inParagraph = new boolean[n];
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            Matcher m = DECIMAL_HEADING.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            if (b.type() == BlockType.HEADING) {
                numbers[i] = m.group(1);
                all.add(numbers[i]);
            } else if (m.group(1).contains(".") && b.type() != BlockType.TABLE_CELL) {
                // "3.2 Systems that …" as a paragraph under a "3. Measurement" heading: a numbered
                // subsection printed as running text; kept below only if its parent is a heading
                numbers[i] = m.group(1);
                inParagraph[i] = true;
            }
        }
        Set<String> headingNumbers = new HashSet<>(all);
        for (int i = 0; i < n; i++) {
            if (inParagraph[i]) {
                String number = numbers[i];
                if (headingNumbers.contains(number.substring(0, number.lastIndexOf('.')))) {
                    all.add(number);
                } else {
                    numbers[i] = null;
                    inParagraph[i] = false;
                }
            }
        }
        Role[] roles = new Role[n];
        int provisions = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (numbers[i] == null) {
                roles[i] = b.type() == BlockType.HEADING ? heading(b) : Role.CONTENT;
                continue;
            }
            String number = numbers[i];
            String rest = b.text().substring(b.text().indexOf(number) + number.length()).replaceFirst("^\\.?\\s*", "");
            boolean group = all.stream().anyMatch(o -> o.startsWith(number + "."));
            if (inParagraph[i]) {
                roles[i] = Role.provision(number, "", rest, PARAGRAPH_OPENED);
                provisions++;
            } else if (group) {
                roles[i] = Role.container(number, rest, b.level());
            } else {
                roles[i] = Role.provision(number, rest, "", b.level());
                provisions++;
            }
        }
        return provisions >= 2 ? roles : null;
    }

    private static Role[] pointRoles(List<Block> blocks) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        int expected = 1;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            roles[i] = b.type() == BlockType.HEADING ? heading(b) : Role.CONTENT;
            if (b.type() == BlockType.HEADING || (b.type() == BlockType.LIST_ITEM && b.level() > 1)) {
                continue;
            }
            Matcher m = POINT.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            int number = Integer.parseInt(m.group(1));
            if (number == expected) {
                roles[i] = Role.provision(String.valueOf(number), "", m.group(2).strip(), PARAGRAPH_OPENED);
                expected++;
            } else if (number == 1) {
                return null; // a second list restarting at 1: these are lists, not the points of a plan
            }
        }
        return expected > 3 ? roles : null;
    }

    private static Role[] headingRoles(List<Block> blocks) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        int provisions = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (b.type() != BlockType.HEADING) {
                roles[i] = Role.CONTENT;
                continue;
            }
            boolean leaf = true;
            for (int j = i + 1; j < n; j++) {
                Block c = blocks.get(j);
                if (c.type() == BlockType.HEADING) {
                    leaf = c.level() <= b.level();
                    break;
                }
            }
            if (leaf) {
                roles[i] = Role.provision(b.text(), "", "", b.level());
                provisions++;
            } else {
                roles[i] = Role.container(null, b.text(), b.level());
            }
        }
        return provisions >= 2 ? roles : null;
    }

    private static Role[] paragraphRoles(List<Block> blocks) {
        Role[] roles = new Role[blocks.size()];
        int count = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            roles[i] = b.type() == BlockType.HEADING ? heading(b)
                    : Role.provision("¶" + (++count), "", b.text(), PARAGRAPH_OPENED);
        }
        return roles;
    }

    /** Removes white space between CJK characters ("总 则" → "总则"), keeps it elsewhere. */
    static String compactCjk(String s) {
        if (s.indexOf(' ') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < s.length() && isCjk(s.charAt(i - 1)) && isCjk(s.charAt(i + 1))) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u30FF')
                || (c >= '\uFF00' && c <= '\uFFEF');
    }

    static boolean isTombstone(String label, String title, String text) {
        String t = text.strip();
        if (label.startsWith("第") && CN_TOMBSTONE.matcher(t).matches()) {
            return true;
        }
        if (TITLE_TOMBSTONE.matcher(title).find()) {
            return true;
        }
        if (EN_TOMBSTONE.matcher(t).matches() && title.isEmpty()) {
            return true;
        }
        if (EN_TOMBSTONE.matcher(title.strip()).matches() && t.length() < 300) {
            return true;
        }
        // "This KSI ID was retired ... Superseded by KSI-AFR-05": short, says both
        return t.length() < 300 && t.toLowerCase(Locale.ROOT).contains("superseded by")
                && SUPERSEDED.matcher(t).results().count() >= 2;
    }

    // ---------------------------------------------------------------- assembly

    /** Turns blocks and their roles into provisions and structure units. */
    private static final class Assembler {
        private final Scheme scheme;
        private final String title;
        private final List<Provision> provisions = new ArrayList<>();
        private final List<StructureUnit> structure = new ArrayList<>();
        private final List<String[]> pathStack = new ArrayList<>(); // {rank, label}
        private final Set<String> labels = new HashSet<>();
        private final StringBuilder preamble = new StringBuilder();
        // the open provision
        private String pLabel;
        private String pTitle;
        private List<String> pPath;
        private int pLevel;
        private final StringBuilder pText = new StringBuilder();
        // the open structure unit (a heading and the text after it)
        private String sLabel;
        private String sTitle;
        private List<String> sPath;
        private final StringBuilder sText = new StringBuilder();
        private boolean sOpen;

        Assembler(Scheme scheme, String title) {
            this.scheme = scheme;
            this.title = title;
        }

        Segmentation assemble(List<Block> blocks, Role[] roles) {
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                Role r = roles[i];
                switch (r.type()) {
                    case PROVISION -> {
                        closeProvision();
                        closeStructure();
                        openProvision(r);
                    }
                    case CONTAINER -> {
                        closeProvision();
                        closeStructure();
                        int rank = r.rank();
                        pathStack.removeIf(e -> Integer.parseInt(e[0]) >= rank);
                        openStructure(r.label(), r.title());
                        pathStack.add(new String[] {String.valueOf(rank), r.label() != null ? r.label() : r.title()});
                    }
                    case HEADING -> {
                        if (pLabel != null && pLevel > 0 && b.level() > pLevel) {
                            append(pText, b.text());
                        } else {
                            closeProvision();
                            closeStructure();
                            if (scheme == Scheme.IDENTIFIERS || scheme == Scheme.HEADINGS) {
                                // in heading-structured documents every heading above a provision groups it
                                int rank = b.level();
                                pathStack.removeIf(e -> Integer.parseInt(e[0]) >= rank);
                                openStructure(null, b.text());
                                pathStack.add(new String[] {String.valueOf(rank), b.text()});
                            } else {
                                openStructure(null, b.text());
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

        private void openProvision(Role r) {
            String label = r.label();
            if (!labels.add(label)) {
                int k = 2;
                while (!labels.add(label + " #" + k)) {
                    k++;
                }
                label = label + " #" + k;
            }
            pLabel = label;
            pTitle = r.title();
            pLevel = r.rank();
            List<String> path = new ArrayList<>();
            for (String[] e : pathStack) {
                path.add(e[1]);
            }
            path.add(label);
            pPath = path;
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
            boolean retired = isTombstone(pLabel, pTitle, text);
            provisions.add(new Provision(pLabel, pPath, pTitle, text, retired));
            pLabel = null;
        }

        private void openStructure(String label, String headingTitle) {
            sOpen = true;
            sLabel = label;
            sTitle = headingTitle == null ? "" : headingTitle;
            List<String> path = new ArrayList<>();
            for (String[] e : pathStack) {
                path.add(e[1]);
            }
            sPath = path;
            sText.setLength(0);
        }

        private void closeStructure() {
            if (!sOpen) {
                return;
            }
            structure.add(new StructureUnit(Kind.HEADING, sLabel, sTitle, sPath, sText.toString()));
            sOpen = false;
        }

        private static void append(StringBuilder sb, String line) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line);
        }
    }
}

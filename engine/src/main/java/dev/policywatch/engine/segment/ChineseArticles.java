package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese articles, Simplified or Traditional: 第X条 / 第X條 opens an article (Chinese numerals or
 * digits; an inserted article as 第X条之一 or, as Taiwan's law database prints it, 第 X-1 條), 第X编/分编/章/节 (編/節) are containers, items (一) 1. （1） and paragraphs
 * (款) are article text.
 *
 * <p>The articles are the heaviest increasing chain of 第X条 at the start of a block. A label glued
 * to a citing word ("第十条规定的…", "第十条第二款…") is a reference, never an article; a glued label
 * otherwise ("第十条国家…", a page without spaces) counts only as the next number. A label where
 * few articles are (a table cell, a list item, when the articles are paragraphs) joins only as the
 * next number and loses to a rival in the majority place.
 */
final class ChineseArticles implements NumberingScheme {

    private static final String CN_NUM = "[零〇一二两兩三四五六七八九十百千万萬0-9０-９]+";
    private static final Pattern CN_UNIT = Pattern.compile(
            "^第\\s*(" + CN_NUM + ")(?:\\s*[-－‐‑–]\\s*([0-9０-９]+))?\\s*(分编|分編|编|編|章|节|節|条|條)"
                    + "(\\s*之\\s*[一二三四五六七八九十0-9０-９]+)?(.*)$", Pattern.DOTALL);
    /** What follows a glued label that cites rather than opens: 第十条规定的, 第十条第二款, 第十条、第十一条. */
    private static final Pattern CITING = Pattern.compile(
            "^(规定|規定|的|所|中|之规定|之規定|第|、|，|,|和|及|以及|或|至|到|有关|有關|项|項|款|关于|關於|适用|適用|所列|所称|所稱|另有)");

    @Override
    public Reading read(List<Block> blocks) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        List<Integer> at = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        List<Block> where = new ArrayList<>();
        List<Boolean> glued = new ArrayList<>();
        List<String[]> parts = new ArrayList<>(); // {label, rest}
        List<Integer> containers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            roles[i] = NumberingScheme.plain(b);
            Matcher m = CN_UNIT.matcher(b.text());
            if (!m.matches()) {
                continue;
            }
            long number = ChineseNumerals.parse(m.group(1));
            if (number < 0) {
                continue;
            }
            String dashed = m.group(2);
            String kind = m.group(3);
            String rest = m.group(5);
            String numeral = m.group(1).replaceAll("\\s+", "");
            if (kind.equals("条") || kind.equals("條")) {
                // an inserted article: 第十条之一, or as Taiwan's database prints it 第 98-1 條 (label 第98-1條)
                String sub = dashed != null ? "-" + dashed
                        : m.group(4) == null ? "" : m.group(4).replaceAll("\\s+", "");
                boolean separated = rest.isEmpty() || Character.isWhitespace(rest.charAt(0))
                        || "（(【[：:、.．".indexOf(rest.charAt(0)) >= 0;
                if (!separated && CITING.matcher(rest).lookingAt()) {
                    continue;
                }
                double key = number + (sub.isEmpty() ? 0 : ChineseNumerals.parse(sub.substring(1)) / 1000.0);
                at.add(i);
                keys.add(new double[] {key});
                where.add(b);
                glued.add(!separated);
                parts.add(new String[] {dashed != null ? "第" + numeral + sub + kind : "第" + numeral + kind + sub, rest.strip()});
            } else if (dashed == null) {
                boolean shortLine = rest.length() <= 40 && !rest.contains("。")
                        && (rest.isEmpty() || Character.isWhitespace(rest.charAt(0)) || rest.length() <= 12);
                if (b.type() == BlockType.HEADING || shortLine) {
                    int rank = switch (kind) {
                        case "编", "編" -> 1;
                        case "分编", "分編" -> 2;
                        case "章" -> 3;
                        default -> 4;
                    };
                    containers.add(i);
                    roles[i] = Role.numberedContainer("第" + numeral + kind, Segmenter.compactCjk(rest.strip()), rank);
                }
            }
        }
        boolean[] bare = new boolean[parts.size()];
        for (int k = 0; k < bare.length; k++) {
            bare[k] = parts.get(k)[1].isEmpty();
        }
        double[] weights = Chains.locationWeights(where, bare);
        for (int k = 0; k < weights.length; k++) {
            if (glued.get(k)) {
                weights[k] *= 0.9;
            }
        }
        // a chapter named in a table cell or a list is a citation, unless the articles themselves
        // are table cells (a page laid out in a table); and a bare label ("第二章" alone) where the
        // same unit is printed with its title ("第二章 监督检查") cites that unit, it does not open it
        BlockType usual = Chains.usualType(where);
        Set<String> titled = new HashSet<>();
        for (int i : containers) {
            if (!roles[i].title().isEmpty()) {
                titled.add(roles[i].label());
            }
        }
        for (int i : containers) {
            BlockType type = blocks.get(i).type();
            boolean citation = roles[i].title().isEmpty() && titled.contains(roles[i].label())
                    && type != BlockType.HEADING;
            if (citation || (type != BlockType.HEADING && type != BlockType.PARAGRAPH && type != usual)) {
                roles[i] = NumberingScheme.plain(blocks.get(i));
            }
        }
        boolean[] in = Chains.heaviestIncreasing(keys, weights);
        int articles = 0;
        double[] previous = null;
        for (int k = 0; k < in.length; k++) {
            if (!in[k]) {
                continue;
            }
            // a glued label or one out of the articles' usual place must be the very next number
            boolean strict = glued.get(k) || weights[k] < Chains.MAJORITY * 0.9;
            if (strict && !Chains.directlyFollows(previous, keys.get(k))) {
                continue;
            }
            previous = keys.get(k);
            String[] p = parts.get(k);
            roles[at.get(k)] = Role.provision(p[0], "", p[1], Role.PARAGRAPH_OPENED);
            articles++;
        }
        return articles >= 1 ? new Reading(Scheme.CHINESE_ARTICLES, roles, articles, 1.0) : null;
    }
}

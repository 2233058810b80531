package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document's blocks into provisions and structure.
 *
 * <p>The document says how it is numbered. Every known numbering scheme reads it
 * ({@link ChineseArticles}, {@link IdentifierHeadings}, {@link EnglishUnits}, {@link DecimalSections},
 * {@link NumberedPoints}, {@link LeafHeadings}); each finds the labels of its kind that form an
 * increasing sequence at one level, wherever they sit (a heading, the start of a paragraph, a table
 * row), leaving references out. The reading that explains most of the document wins: the most
 * provisions, weighted by a prior per scheme (articles, identifiers and Article/Section units 1.0,
 * decimal sections 0.9, numbered points 0.5, bare headings 0.2), the order above breaking ties.
 * So a table of errata citing "§4.3" cannot displace 119 numbered section headings: a minority
 * pattern never wins over the majority one. Without any, paragraphs are the provisions.
 *
 * <p>Text before the first provision is the preamble; the first block, when it is a heading, or else
 * the first heading when it is of level 1, is the title; see
 * {@link Assembler} for what a provision holds. Stateless and thread-safe; near-linear in the
 * number of blocks.
 */
public final class Segmenter {

    private static final List<NumberingScheme> SCHEMES = List.of(
            new ChineseArticles(), new IdentifierHeadings(), new EnglishUnits(), new DecimalSections(),
            new NumberedPoints(), new LeafHeadings());

    /** Segments the blocks of one version of a document. */
    public Segmentation segment(List<Block> blocks) {
        List<Block> body = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (!b.text().isBlank()) {
                body.add(b);
            }
        }
        String title = null;
        List<Block> rest = body;
        int at = titleIndex(body);
        if (at >= 0) {
            title = body.get(at).text();
            rest = new ArrayList<>(body.subList(0, at));
            rest.addAll(body.subList(at + 1, body.size()));
        }
        Reading best = null;
        for (NumberingScheme scheme : SCHEMES) {
            Reading reading = scheme.read(rest);
            if (reading != null && (best == null || reading.score() > best.score())) {
                best = reading;
            }
        }
        Scheme scheme = best == null ? Scheme.PARAGRAPHS : best.scheme();
        Role[] roles = best == null ? paragraphRoles(rest) : best.roles();
        return new Assembler(scheme, title).assemble(rest, roles);
    }

    /**
     * The document's title: its first block when that is a heading, else its first heading when that
     * is a level-1 heading (a notice, a banner or an inserted table before the title does not turn the
     * title into a numbered part of the body); -1 when there is none.
     */
    private static int titleIndex(List<Block> body) {
        for (int i = 0; i < body.size(); i++) {
            Block b = body.get(i);
            if (b.type() == BlockType.HEADING) {
                return i == 0 || b.level() <= 1 ? i : -1;
            }
        }
        return -1;
    }

    private static Role[] paragraphRoles(List<Block> blocks) {
        Role[] roles = new Role[blocks.size()];
        int count = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            roles[i] = b.type() == BlockType.HEADING ? Role.heading(b.text(), b.level())
                    : Role.provision("¶" + (++count), "", b.text(), Role.PARAGRAPH_OPENED);
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
}

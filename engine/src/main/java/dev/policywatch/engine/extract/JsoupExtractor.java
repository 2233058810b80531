package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * HTML through jsoup: drops scripts, styles, navigation, page headers and footers and the
 * source's {@code exclude} selectors, keeps the {@code content} selector's elements (or the body),
 * and walks the rest in document order. Headings become headings with their level, list items list
 * items (ordered ones prefixed with their number), table cells cells (a cell holding a nested table
 * yields the inner cells, not one giant cell), everything else paragraphs; {@code <br>} ends a line.
 *
 * <p>The title is the page's {@code <title>} without the site's name: the first {@code <h1>} (of the
 * {@code content} selector, then of the page) or a {@code <meta name="ArticleTitle">} when the title
 * contains it and it is most of it ({@code 示例办法_示例市网信办} with {@code <h1>示例办法</h1>}); else
 * trailing segments after {@code _}, {@code |}, {@code ——} (short ones: section and site names) or after
 * {@code " - "} / {@code " – "} (only a name the page gives as its site's: {@code og:site_name},
 * {@code SiteName}, a logo) are dropped while what remains is substantial. So
 * {@code …_国务院文件_中国政府网} loses both, and {@code "NIST AI 100-1 - Artificial Intelligence Risk
 * Management Framework"} keeps its dash.
 *
 * <p>Pages that carry their text after the first {@code </html>} (seen on gov.cn) are read
 * whole: jsoup's HTML5 parser moves such content into the body. Walking is iterative, so deeply
 * nested markup cannot overflow the stack. Thread-safe.
 */
public final class JsoupExtractor {

    private static final String NOISE = "script, style, nav, header, footer, noscript, template, iframe, svg, "
            + "object, embed, form, button, select, [hidden], [aria-hidden=true]";
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "aside",
            "blockquote", "pre", "address", "figure", "figcaption", "center", "dl", "dt", "dd", "ul", "ol",
            "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "body", "fieldset", "details", "summary",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th");
    // "_", "|", "｜" and "——" separate a title from section and site names; a spaced dash may be the title's own
    private static final Pattern TITLE_SEPARATOR =
            Pattern.compile("(\\s*(?:_|\\||｜|——)\\s*)|(\\s+[-–—]\\s+)");
    private static final int MAX_SITE_SEGMENT = 40;

    public ExtractedDocument extract(byte[] bytes, String contentType, ExtractOptions options) {
        Charset charset = Charsets.detect(bytes, contentType, true);
        String html = Charsets.decode(bytes, charset);
        // random bytes labelled HTML would otherwise become pages of mojibake "text"
        PlainTextExtractor.checkNotBinary(html);
        Document doc = Jsoup.parse(html);
        String title = cleanTitle(TextNormaliser.clean(doc.title()), titleCandidates(doc, options), siteNames(doc));
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        doc.select(NOISE).remove();
        for (String selector : options.exclude()) {
            select(doc, selector).remove();
        }
        List<Element> roots = new ArrayList<>();
        if (options.contentSelector() != null) {
            roots.addAll(select(doc, options.contentSelector()));
        }
        if (roots.isEmpty()) {
            roots.add(doc.body());
        }
        Walker walker = new Walker();
        for (Element root : roots) {
            NodeTraversor.traverse(walker, root);
            walker.flush();
        }
        List<Block> blocks = walker.blocks;
        if (title.isEmpty()) {
            title = blocks.stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).findFirst().orElse(null);
        }
        String language = guessLanguage(lang, blocks);
        return new ExtractedDocument(title, language, "text/html", blocks);
    }

    /** Lines that may be the document's own title: ArticleTitle, the content's h1s, the page's h1s. */
    private static List<String> titleCandidates(Document doc, ExtractOptions options) {
        Set<String> out = new LinkedHashSet<>();
        for (Element meta : doc.select("meta[name=ArticleTitle]")) {
            out.add(TextNormaliser.clean(meta.attr("content")));
        }
        if (options.contentSelector() != null) {
            for (Element h1 : select(doc, options.contentSelector()).select("h1")) {
                out.add(TextNormaliser.clean(h1.text()));
            }
        }
        for (Element h1 : doc.select("h1")) {
            out.add(TextNormaliser.clean(h1.text()));
        }
        out.remove("");
        return List.copyOf(out);
    }

    /** Names the page gives its site: meta tags and logos. */
    private static Set<String> siteNames(Document doc) {
        Set<String> names = new LinkedHashSet<>();
        for (Element meta : doc.select("meta[property=og:site_name], meta[name=SiteName], meta[name=sitename], "
                + "meta[name=application-name], meta[name=apple-mobile-web-app-title], meta[name=ColumnName]")) {
            names.add(titleKey(meta.attr("content")));
        }
        for (Element logo : doc.select("[class*=logo], [id*=logo]")) {
            names.add(titleKey(logo.text()));
            for (Element img : logo.select("img[alt]")) {
                names.add(titleKey(img.attr("alt")));
            }
        }
        for (Element img : doc.select("header img[alt], img[class*=logo][alt], img[src*=logo][alt]")) {
            names.add(titleKey(img.attr("alt")));
        }
        names.remove("");
        return names;
    }

    static String cleanTitle(String title, List<String> candidates, Set<String> siteNames) {
        if (title.isEmpty()) {
            return title;
        }
        String key = titleKey(title);
        for (String candidate : candidates) {
            String c = titleKey(candidate);
            // most of the title: a site-name h1 ("Example Agency" of "Example Agency AI Profile | Example Agency") is not
            if (key.contains(c) && c.length() * 10 >= key.length() * 4) {
                return candidate;
            }
        }
        String t = title;
        for (int round = 0; round < 3; round++) {
            Matcher m = TITLE_SEPARATOR.matcher(t);
            int start = -1;
            int end = -1;
            boolean strong = false;
            while (m.find()) {
                if (m.start() > 0 && m.end() < t.length()) {
                    start = m.start();
                    end = m.end();
                    strong = m.group(1) != null;
                }
            }
            if (start < 0) {
                break;
            }
            String rest = t.substring(0, start).strip();
            String segment = t.substring(end).strip();
            boolean siteName = siteNames.contains(titleKey(segment));
            if (!substantial(rest) || !(siteName || strong && segment.length() <= MAX_SITE_SEGMENT)) {
                break;
            }
            t = rest;
        }
        return t;
    }

    /** Enough of a title to stand alone: five letters or digits ("数据安全法", "AI Act"). */
    private static boolean substantial(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).count() >= 5;
    }

    private static String titleKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static Elements select(Document doc, String selector) {
        try {
            return doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("invalid CSS selector '" + selector + "': " + e.getMessage(), e);
        }
    }

    private static String guessLanguage(String lang, List<Block> blocks) {
        String fromText = Languages.guess(blocks);
        if (fromText != null) {
            return fromText;
        }
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(Locale.ROOT).split("[-_]")[0];
        }
        return null;
    }

    /** Collects inline text into the current line and emits a block at each block boundary. */
    private static final class Walker implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int headingLevel;      // > 0 inside h1..h6
        private int listDepth;         // nesting of ul/ol
        private int liDepth;           // > 0 inside li
        private int cellDepth;         // > 0 inside td/th
        private final List<int[]> orderedCounters = new ArrayList<>(); // per open list: {ordered?1:0, next}
        private String pendingPrefix = "";

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                line.append(text.getWholeText());
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            String tag = el.normalName();
            if (tag.equals("br")) {
                flush();
                return;
            }
            if (BLOCK_TAGS.contains(tag)) {
                flush();
            }
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> headingLevel = tag.charAt(1) - '0';
                case "ul", "ol" -> {
                    listDepth++;
                    int start = 1;
                    if (tag.equals("ol") && el.hasAttr("start")) {
                        try {
                            start = Integer.parseInt(el.attr("start").trim());
                        } catch (NumberFormatException ignored) {
                            // a broken start attribute counts from 1, as browsers do
                        }
                    }
                    orderedCounters.add(new int[] {tag.equals("ol") ? 1 : 0, start});
                }
                case "li" -> {
                    liDepth++;
                    if (!orderedCounters.isEmpty()) {
                        int[] counter = orderedCounters.get(orderedCounters.size() - 1);
                        if (counter[0] == 1) {
                            pendingPrefix = counter[1]++ + ". ";
                        }
                    }
                }
                case "td", "th" -> cellDepth++;
                case "img" -> {
                    String alt = el.attr("alt");
                    if (!alt.isBlank()) {
                        line.append(' ').append(alt).append(' ');
                    }
                }
                default -> {
                    // inline elements add their text through their text nodes
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return;
            }
            String tag = el.normalName();
            if (BLOCK_TAGS.contains(tag)) {
                flush();
            }
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> headingLevel = 0;
                case "ul", "ol" -> {
                    listDepth = Math.max(0, listDepth - 1);
                    if (!orderedCounters.isEmpty()) {
                        orderedCounters.remove(orderedCounters.size() - 1);
                    }
                }
                case "li" -> liDepth = Math.max(0, liDepth - 1);
                case "td", "th" -> cellDepth = Math.max(0, cellDepth - 1);
                default -> {
                    // nothing to close
                }
            }
        }

        void flush() {
            String text = TextNormaliser.clean(line);
            line.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            if (headingLevel > 0) {
                blocks.add(Block.heading(headingLevel, text));
            } else if (cellDepth > 0) {
                blocks.add(Block.tableCell(text));
            } else if (liDepth > 0) {
                blocks.add(new Block(BlockType.LIST_ITEM, Math.min(9, Math.max(1, listDepth)), pendingPrefix + text));
                pendingPrefix = "";
            } else {
                blocks.add(Block.paragraph(text));
            }
        }
    }
}

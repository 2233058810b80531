package dev.policywatch.engine;

import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * One document rendered the ways real sites publish it. A {@link Source} is a document's blocks as
 * the Markdown extractor reads them (title, headings with levels, paragraphs, list items, table
 * cells); each {@link Layout} writes them as one class of publication does: Chinese government pages
 * in gb2312, GBK or Big5 (layout tables, full-width indents, bold or plain article labels, centred
 * chapter lines, {@code <br>} lines, {@code <font>}, navigation and footer around the text, the title
 * repeated), Markdown variants (article headings, bold labels, labels as list items, Setext headings,
 * hard-wrapped lines, escaped characters), English legal HTML (eCFR, Federal Register, EUR-Lex) and
 * the plain text a PDF converter leaves (page headers and footers, wrapped and hyphenated lines).
 *
 * <p>Every layout is written from its publishers' markup, never from a document: what it knows of a
 * text is the label patterns its publishers mark up (an article label put in {@code <strong>}, a
 * paragraph's {@code (a)} put in an indent class).
 */
final class Renderings {

    private Renderings() {
    }

    enum Script { SIMPLIFIED, TRADITIONAL, LATIN }

    /** A document to render: its blocks in reading order and the script it is written in. */
    record Source(Script script, List<Block> blocks) {

        static Source of(ExtractedDocument markdown) {
            return new Source(scriptOf(markdown.blocks()), markdown.blocks());
        }

        String title() {
            return blocks.stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).findFirst().orElse("");
        }

        boolean chinese() {
            return script != Script.LATIN;
        }

        /** Whether some heading of the document is a numbered provision of a legal convention. */
        boolean hasHeading(Pattern label) {
            return blocks.stream().anyMatch(b -> b.type() == BlockType.HEADING && label.matcher(b.text()).find());
        }
    }

    /** Bytes as a server sends them: the body, the Content-Type header (null: none) and the URL. */
    record Rendered(byte[] bytes, String contentType, String url) {
    }

    /** A publication layout: the documents it applies to and how it writes one. */
    record Layout(String name, Predicate<Source> fits, Function<Source, Rendered> render) {
        @Override
        public String toString() {
            return name;
        }
    }

    // Label patterns publishers mark up. Chinese: 第X条 / 第 1 條 / 第98-1條 / 第十条之一, set apart from the text
    // by a space or alone on its line (a citation opening a paragraph, 第十三條規定…, is not marked up)
    static final Pattern ZH_ARTICLE = Pattern.compile(
            "^(第\\s*[零〇一二三四五六七八九十百千两\\d]+(?:\\s*-\\s*\\d+)?\\s*[条條](?:之[一二三四五六七八九十]+)?)(?:\\s+|$)(.*)$");
    static final Pattern EN_SECTION = Pattern.compile("^(§+\\s*[\\w.\\-]+)\\.?\\s+(.*)$");
    static final Pattern EN_LABELLED = Pattern.compile(
            "^((?:§+\\s*[\\w.\\-]+|Article\\s+\\d+\\w*|Appendix\\s+[A-Z0-9][\\w.\\-]*|(?:[A-Z]\\.)?\\d+(?:\\.\\d+)*)\\.?)\\s+(\\S.*)$");
    private static final Pattern EN_ARTICLE_OR_SECTION = Pattern.compile("^(?:Article\\s+\\d|§)");
    private static final Pattern POINT = Pattern.compile("^\\(([a-z]{1,4}|\\d{1,3}|[A-Z])\\)\\s*(.*)$");
    private static final Pattern ROMAN = Pattern.compile("^[ivxl]+$");

    static final List<Layout> ALL = List.of(
            new Layout("gov-table-p (gb2312 / big5)", Source::chinese, Renderings::govTablePage),
            new Layout("gov-td-br (gbk / big5)", Source::chinese, Renderings::govBrCell),
            new Layout("trs-div-br (gb2312 http-equiv)", Source::chinese, Renderings::trsDivLines),
            new Layout("cac-div-p (utf-8)", Source::chinese, Renderings::cacPage),
            new Layout("md-article-headings", Source::chinese, Renderings::markdownArticleHeadings),
            new Layout("md-bold-labels", s -> true, Renderings::markdownBoldLabels),
            new Layout("md-list-labels", s -> true, Renderings::markdownListLabels),
            new Layout("md-setext-wrapped-escaped", s -> true, Renderings::markdownSetextWrapped),
            new Layout("site-html (utf-8)", s -> true, Renderings::siteHtml),
            new Layout("ecfr-html", s -> s.hasHeading(EN_SECTION), Renderings::ecfrHtml),
            new Layout("federal-register-html", s -> s.hasHeading(EN_SECTION), Renderings::federalRegisterHtml),
            new Layout("eurlex-html", s -> s.hasHeading(EN_ARTICLE_OR_SECTION), Renderings::eurLexHtml),
            new Layout("pdf-text", s -> true, Renderings::pdfText));

    // ---------------------------------------------------------------- Chinese government pages

    /** Words of the boilerplate around the text, in the document's script. */
    private record Chrome(String home, String section, String position, String published, String source, String print,
            String close, String sponsor, String site, String font) {
        static Chrome of(Script script) {
            return script == Script.TRADITIONAL
                    ? new Chrome("首頁", "法規資料", "目前位置", "發布日期", "來源：本站", "列印本頁", "關閉視窗",
                            "主辦單位：示例縣政府　版權所有", "示例縣政府全球資訊網", "字型：大 中 小")
                    : new Chrome("首页", "政策法规", "当前位置", "发布时间", "来源：本网", "打印本页", "关闭窗口",
                            "主办单位：示例省人民政府办公厅　版权所有", "示例省人民政府门户网站", "字体：大 中 小");
        }
    }

    /** A provincial portal: layout tables, the text in {@code <p>}s with full-width indents, bold labels. */
    static Rendered govTablePage(Source s) {
        Chrome c = Chrome.of(s.script());
        String charset = s.script() == Script.TRADITIONAL ? "big5" : "gb2312";
        StringBuilder b = new StringBuilder("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(charset).append("\">\n<title>").append(esc(s.title())).append('_').append(c.site())
                .append("</title>\n<link href=\"/css/style.css\" rel=\"stylesheet\" type=\"text/css\">\n"
                        + "<script language=\"javascript\" src=\"/js/common.js\"></script>\n</head>\n<body topmargin=\"0\">\n"
                        + "<table width=\"1000\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">"
                        + "<tr><td height=\"30\" class=\"nav\">").append(c.position()).append("：<a href=\"/\">").append(c.home())
                .append("</a> &gt; <a href=\"/zwgk/zcfg/\">").append(c.section()).append("</a></td></tr></table>\n"
                        + "<table width=\"1000\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\"><tr><td valign=\"top\">\n"
                        + "<table width=\"100%\" border=\"0\"><tr><td align=\"center\" height=\"60\" class=\"title\">"
                        + "<font size=\"5\" color=\"#003399\"><b>").append(esc(s.title())).append("</b></font></td></tr>\n"
                        + "<tr><td align=\"center\" class=\"info\">").append(c.published()).append("：2024-05-20　")
                .append(c.source()).append("　【").append(c.font()).append("】</td></tr></table>\n"
                        + "<table width=\"96%\" border=\"0\" align=\"center\"><tr><td class=\"content\" id=\"Zoom\">\n");
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append(cellTable(cells));
            } else if (block.type() == BlockType.HEADING) {
                b.append("<p align=\"center\"><strong>").append(esc(block.text())).append("</strong></p>\n");
            } else {
                Matcher m = ZH_ARTICLE.matcher(block.text());
                b.append("<p>　　");
                if (m.matches()) {
                    b.append("<strong>").append(esc(m.group(1))).append("</strong>　").append(esc(m.group(2)));
                } else {
                    b.append(esc(block.text()));
                }
                b.append("</p>\n");
            }
        });
        b.append("</td></tr></table>\n<table width=\"96%\" align=\"center\"><tr><td align=\"right\">【<a href=\"javascript:window.print()\">")
                .append(c.print()).append("</a>】【<a href=\"javascript:window.close()\">").append(c.close())
                .append("</a>】</td></tr></table>\n</td></tr></table>\n<table width=\"1000\" align=\"center\" class=\"bottom\"><tr>"
                        + "<td align=\"center\">").append(c.sponsor()).append("<br>网站标识码：0000000001　ICP备00000000号</td></tr></table>\n"
                        + "</body>\n</html>\n");
        return new Rendered(encode(b, Charset.forName(charset)), "text/html", "http://www.example.gov.cn/art/2024/5/20/art_1_1.html");
    }

    /** An older template: the whole text in one {@code <td>}, lines ended by {@code <br>}, plain labels, {@code <font>}. */
    static Rendered govBrCell(Source s) {
        Chrome c = Chrome.of(s.script());
        String charset = s.script() == Script.TRADITIONAL ? "big5" : "gbk";
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"").append(charset).append("\"><title>")
                .append(esc(s.title())).append("</title></head>\n<body>\n<div class=\"top\"><a href=\"/\">").append(c.home())
                .append("</a> | <a href=\"/zcfg/\">").append(c.section()).append("</a></div>\n"
                        + "<table width=\"760\" align=\"center\"><tr><td class=\"bt_content\" style=\"line-height:200%\">\n"
                        + "<font face=\"宋体\" style=\"font-size:14px\">\n");
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append(cellTable(cells));
            } else if (block.type() == BlockType.HEADING) {
                // centred by full-width spaces, as typed into the editor
                b.append("　　　　　　　　").append(esc(block.text())).append("<br>\n");
            } else {
                Matcher m = ZH_ARTICLE.matcher(block.text());
                b.append("&nbsp;&nbsp;&nbsp;&nbsp;").append(m.matches() ? esc(m.group(1)) + "　" + esc(m.group(2)) : esc(block.text()))
                        .append("<br>\n");
            }
        });
        b.append("</font></td></tr></table>\n<div class=\"foot\">").append(c.sponsor()).append("</div>\n</body></html>\n");
        return new Rendered(encode(b, Charset.forName(charset)), null, "http://www.example.gov.cn/zcfg/20240520/1.htm");
    }

    /** A TRS editor body: {@code <div>} lines ended by {@code <br>}, labels in {@code <b>}, charset only in http-equiv. */
    static Rendered trsDivLines(Source s) {
        String charset = s.script() == Script.TRADITIONAL ? "big5" : "gb2312";
        StringBuilder b = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(charset).append("\"><title>").append(esc(s.title())).append("</title></head><body>\n"
                        + "<div class=\"TRS_Editor\"><div style=\"text-indent:2em;font-size:16px\">\n");
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append(cellTable(cells));
            } else if (block.type() == BlockType.HEADING) {
                b.append("</div><div align=\"center\"><font size=\"4\"><b>").append(esc(block.text()))
                        .append("</b></font></div><div style=\"text-indent:2em;font-size:16px\">\n");
            } else {
                Matcher m = ZH_ARTICLE.matcher(block.text());
                b.append(m.matches() ? "<b>" + esc(m.group(1)) + "</b>&nbsp;&nbsp;" + esc(m.group(2)) : esc(block.text()))
                        .append("<br>\n");
            }
        });
        b.append("</div></div>\n</body></html>\n");
        return new Rendered(encode(b, Charset.forName(charset)), "text/html", "http://www.example.gov.cn/xxgk/t20240520_1.html");
    }

    /** The CAC detail page: {@code h1.title} and the text in {@code div#BodyLabel} paragraphs, UTF-8. */
    static Rendered cacPage(Source s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>")
                .append(esc(s.title())).append("</title></head>\n<body>\n<div class=\"main-title\">\n<h1 class=\"title\">\n")
                .append(esc(s.title())).append("\n</h1>\n<div class=\"info clearfix\"><span id=\"pubtime\">2024年05月20日 17:00</span>"
                        + "<span id=\"source\">来源：本网</span></div>\n</div>\n<div class=\"main-content\">\n<div id=\"BodyLabel\">");
        boolean first = true;
        for (int i = 0; i < s.blocks().size(); i++) {
            Block block = s.blocks().get(i);
            if (first && block.type() == BlockType.HEADING) {
                first = false;
                continue; // the title is the page's h1
            }
            first = false;
            if (block.type() == BlockType.HEADING) {
                b.append("<p style=\"text-align: center;\"><strong>").append(esc(block.text())).append("</strong></p>");
            } else {
                Matcher m = ZH_ARTICLE.matcher(block.text());
                b.append("<p>").append(m.matches() ? "<strong>" + esc(m.group(1)) + "</strong> " + esc(m.group(2)) : esc(block.text()))
                        .append("</p>");
            }
        }
        b.append("</div>\n<div id=\"网站群管理\"></div>\n</div>\n</body>\n</html>\n");
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://www.cac.gov.cn/2024-05/20/c_1716000000000000.htm");
    }

    // ---------------------------------------------------------------- Markdown variants

    /** Article labels as headings of their own ({@code #### 第一条}), the text below. */
    static Rendered markdownArticleHeadings(Source s) {
        StringBuilder b = new StringBuilder();
        markdown(s, b, (block, out) -> {
            Matcher m = ZH_ARTICLE.matcher(block.text());
            if (block.type() == BlockType.PARAGRAPH && m.matches()) {
                out.append("#### ").append(md(m.group(1))).append("\n\n");
                if (!m.group(2).isEmpty()) {
                    out.append(md(m.group(2))).append("\n\n");
                }
                return true;
            }
            return false;
        });
        return markdownFile(b);
    }

    /** Labels in bold at the start of their paragraph; English provision headings as bold lines. */
    static Rendered markdownBoldLabels(Source s) {
        StringBuilder b = new StringBuilder();
        boolean[] titled = {false};
        markdown(s, b, (block, out) -> {
            if (block.type() == BlockType.HEADING && !titled[0]) {
                titled[0] = true;
                return false;
            }
            Matcher m = (s.chinese() ? ZH_ARTICLE : EN_LABELLED).matcher(block.text());
            if (s.chinese() && block.type() == BlockType.PARAGRAPH && m.matches()) {
                out.append("**").append(md(m.group(1))).append("**　").append(md(m.group(2))).append("\n\n");
                return true;
            }
            if (!s.chinese() && block.type() == BlockType.HEADING && m.matches()) {
                out.append("**").append(md(m.group(1))).append("** ").append(md(m.group(2))).append("\n\n");
                return true;
            }
            return false;
        });
        return markdownFile(b);
    }

    /** Article labels (Chinese) or paragraph markers (English) as list items. */
    static Rendered markdownListLabels(Source s) {
        StringBuilder b = new StringBuilder();
        markdown(s, b, (block, out) -> {
            if (block.type() != BlockType.PARAGRAPH) {
                return false;
            }
            Matcher m = (s.chinese() ? ZH_ARTICLE : POINT).matcher(block.text());
            if (m.matches()) {
                out.append("- ").append(md(block.text())).append("\n\n");
                return true;
            }
            return false;
        });
        return markdownFile(b);
    }

    /** Setext headings, hard-wrapped paragraphs (blank lines between them) and every punctuation mark escaped. */
    static Rendered markdownSetextWrapped(Source s) {
        StringBuilder b = new StringBuilder();
        markdown(s, b, (block, out) -> {
            if (block.type() == BlockType.HEADING && block.level() <= 2) {
                String text = escapeAll(block.text());
                out.append(text).append('\n').append((block.level() == 1 ? "=" : "-").repeat(Math.max(3, Math.min(60, text.length()))))
                        .append("\n\n");
                return true;
            }
            if (block.type() == BlockType.PARAGRAPH) {
                for (String line : wrap(block.text(), s.chinese() ? 36 : 72, false)) {
                    out.append(escapeAll(line)).append('\n');
                }
                out.append('\n');
                return true;
            }
            return false;
        });
        return markdownFile(b);
    }

    /** A variant writes the blocks it handles and returns true; the rest are written as plain Markdown. */
    private interface MarkdownBlock {
        boolean write(Block block, StringBuilder out);
    }

    private static void markdown(Source s, StringBuilder b, MarkdownBlock variant) {
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append('\n');
                for (Block cell : cells) {
                    b.append("| ").append(md(cell.text()).replace("|", "\\|")).append(" |\n");
                }
                b.append('\n');
            } else if (!variant.write(block, b)) {
                switch (block.type()) {
                    case HEADING -> b.append("#".repeat(block.level())).append(' ').append(md(block.text())).append("\n\n");
                    case LIST_ITEM -> b.append("    ".repeat(Math.max(0, block.level() - 1))).append("- ")
                            .append(md(block.text())).append("\n\n");
                    default -> b.append(md(block.text())).append("\n\n");
                }
            }
        });
    }

    private static Rendered markdownFile(StringBuilder b) {
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), null, "https://example.org/docs/document.md");
    }

    /** Escapes what Markdown would otherwise read as markup. */
    private static String md(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("\\*_`[]<&|".indexOf(ch) >= 0 || (i == 0 && (ch == '#' || ch == '>' || ch == '+' || ch == '-' || ch == '!'))) {
                out.append('\\');
            }
            out.append(ch);
        }
        String s = out.toString();
        // "1. text" would read as a list item: pandoc writes "1\. text"
        return s.replaceFirst("^(\\d{1,4})([.)])(\\s)", "$1\\\\$2$3");
    }

    /** Escapes every ASCII punctuation mark, as some converters do. */
    private static String escapeAll(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- English HTML

    /** A site's rendering of the document: headings, paragraphs, lists and tables inside header, nav and footer. */
    static Rendered siteHtml(Source s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"").append(s.chinese() ? "zh" : "en")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(s.title())).append(" | Example Agency</title></head>\n<body>\n"
                        + "<header><a class=\"logo\" href=\"/\">Example Agency</a><nav><a href=\"/\">Home</a> <a href=\"/rules\">Rules</a></nav></header>\n"
                        + "<main id=\"main\">\n");
        int[] open = {0};
        forEachRun(s.blocks(), (block, cells) -> {
            if (block == null || block.type() != BlockType.LIST_ITEM) {
                b.append("</ul>".repeat(open[0]));
                open[0] = 0;
            }
            if (cells != null) {
                b.append(cellTable(cells));
                return;
            }
            switch (block.type()) {
                case HEADING -> b.append("<h").append(block.level()).append('>').append(esc(block.text())).append("</h")
                        .append(block.level()).append(">\n");
                case LIST_ITEM -> {
                    int level = Math.max(1, block.level());
                    while (open[0] < level) {
                        b.append("<ul>");
                        open[0]++;
                    }
                    while (open[0] > level) {
                        b.append("</ul>");
                        open[0]--;
                    }
                    b.append("<li>").append(esc(block.text())).append("</li>\n");
                }
                default -> b.append("<p>").append(esc(block.text())).append("</p>\n");
            }
        });
        b.append("</ul>".repeat(open[0]));
        b.append("</main>\n<footer><p>Example Agency, 1 Main Street</p><a href=\"/privacy\">Privacy</a></footer>\n</body></html>\n");
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", "https://www.example.gov/rules/document");
    }

    /** The eCFR: part and subpart headings, {@code <h4>§ …</h4>} sections, paragraphs in indent classes. */
    static Rendered ecfrHtml(Source s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>eCFR :: ")
                .append(esc(s.title())).append("</title></head>\n<body>\n<div id=\"breadcrumbs\">Title 12 / Chapter X</div>\n"
                        + "<div id=\"content\" class=\"content-area\">\n<div class=\"part\">\n");
        int[] depth = {0};
        // sections are h4 where the document's depth allows; every heading moves by the same amount
        int sectionLevel = s.blocks().stream().filter(x -> x.type() == BlockType.HEADING && EN_SECTION.matcher(x.text()).matches())
                .mapToInt(Block::level).min().orElse(4);
        int deepest = s.blocks().stream().filter(x -> x.type() == BlockType.HEADING).mapToInt(Block::level).max().orElse(1);
        int shift = Math.max(0, Math.min(4 - sectionLevel, 6 - deepest));
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append("<div class=\"table_wrapper\">").append(cellTable(cells)).append("</div>");
            } else if (block.type() == BlockType.HEADING) {
                depth[0] = 0;
                int level = block.level() + shift;
                boolean section = EN_SECTION.matcher(block.text()).matches();
                b.append(section ? "<div class=\"section\">\n<h" : "<h").append(level).append(section ? " data-hierarchy-metadata=\"{}\">" : ">")
                        .append(esc(block.text())).append("</h").append(level).append(">\n");
            } else {
                Matcher m = POINT.matcher(block.text());
                if (m.matches()) {
                    depth[0] = pointDepth(m.group(1), depth[0]);
                    b.append("<p class=\"indent-").append(depth[0]).append("\" data-title=\"(").append(esc(m.group(1))).append(")\">")
                            .append(esc(block.text())).append("</p>\n");
                } else {
                    b.append("<p>").append(esc(block.text())).append("</p>\n");
                }
            }
        });
        b.append("</div>\n</div>\n<div class=\"footer\">The Electronic Code of Federal Regulations (eCFR) is a continuously updated "
                + "online version of the CFR. It is not an official legal edition of the CFR.</div>\n</body></html>\n");
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://www.ecfr.gov/current/title-12/chapter-X/part-1");
    }

    /** The Federal Register's full text: section numbers in bold at the start of a paragraph, the rest in paragraphs. */
    static Rendered federalRegisterHtml(Source s) {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>Federal Register :: ")
                .append(esc(s.title())).append("</title></head><body>\n<div class=\"body-column\">\n"
                        + "<p><strong>AGENCY:</strong> Example Bureau.</p>\n<p><strong>ACTION:</strong> Final rule.</p>\n"
                        + "<h2 id=\"h-1\">List of Subjects</h2>\n<p>Banks, banking, Reporting and recordkeeping requirements.</p>\n"
                        + "<p>For the reasons set forth in the preamble, the Bureau amends the regulation as follows:</p>\n");
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append(cellTable(cells));
                return;
            }
            Matcher m = EN_SECTION.matcher(block.text());
            if (block.type() == BlockType.HEADING && m.matches()) {
                b.append("<p id=\"p-").append(b.length()).append("\"><strong>").append(esc(m.group(1))).append("</strong> ")
                        .append(esc(m.group(2))).append("</p>\n");
            } else if (block.type() == BlockType.HEADING) {
                b.append("<p><strong>").append(esc(block.text())).append("</strong></p>\n");
            } else {
                b.append("<p>").append(esc(block.text())).append("</p>\n");
            }
        });
        b.append("</div>\n<div class=\"fr-footer\">[FR Doc. 2016-00001 Filed 1-4-16; 8:45 am]<br>BILLING CODE 4810-AM-P</div>\n</body></html>\n");
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/html",
                "https://www.federalregister.gov/documents/full_text/html/2016/01/05/2016-00001.html");
    }

    /**
     * EUR-Lex: a provision's label in {@code <p class="oj-ti-art">}, its title in {@code oj-sti-art},
     * division headings in {@code oj-ti-section-1}, paragraphs in {@code oj-normal}, points as two-cell tables.
     */
    static Rendered eurLexHtml(Source s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(s.title())).append(" - EUR-Lex</title></head>\n<body>\n<div id=\"document1\"><div class=\"eli-container\">\n");
        boolean[] titled = {false};
        forEachRun(s.blocks(), (block, cells) -> {
            if (cells != null) {
                b.append("<table class=\"oj-table\">").append(cellRows(cells)).append("</table>\n");
                return;
            }
            if (block.type() == BlockType.HEADING) {
                Matcher m = EN_LABELLED.matcher(block.text());
                if (!titled[0]) {
                    titled[0] = true;
                    b.append("<p class=\"oj-doc-ti\">").append(esc(block.text())).append("</p>\n");
                } else if (m.matches()) {
                    b.append("<div class=\"eli-subdivision\"><p class=\"oj-ti-art\">").append(esc(m.group(1)))
                            .append("</p>\n<div class=\"eli-title\"><p class=\"oj-sti-art\">").append(esc(m.group(2))).append("</p></div>\n");
                } else {
                    b.append("<p class=\"oj-ti-section-1\">").append(esc(block.text())).append("</p>\n");
                }
                return;
            }
            Matcher point = POINT.matcher(block.text());
            if (point.matches()) {
                b.append("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><col width=\"4%\"><col width=\"96%\">"
                        + "<tbody><tr><td valign=\"top\"><p class=\"oj-normal\">(").append(esc(point.group(1)))
                        .append(")</p></td><td valign=\"top\"><p class=\"oj-normal\">").append(esc(point.group(2)))
                        .append("</p></td></tr></tbody></table>\n");
            } else {
                b.append("<p class=\"oj-normal\">").append(esc(block.text())).append("</p>\n");
            }
        });
        b.append("</div></div>\n</body></html>\n");
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:32016R0001");
    }

    // ---------------------------------------------------------------- PDF-like plain text

    /**
     * What a PDF-to-text converter leaves: lines wrapped at the page width (English words hyphenated),
     * pages separated by form feeds, each with the title as running head and a centred page number.
     */
    static Rendered pdfText(Source s) {
        List<String> lines = new ArrayList<>();
        for (Block block : s.blocks()) {
            String text = block.type() == BlockType.LIST_ITEM ? "• " + block.text() : block.text();
            if (block.type() == BlockType.HEADING || block.type() == BlockType.TABLE_CELL) {
                lines.add(text);
            } else {
                lines.addAll(wrap(text, s.chinese() ? 38 : 78, !s.chinese()));
            }
        }
        String head = s.title();
        StringBuilder b = new StringBuilder();
        int perPage = 46;
        for (int page = 0; page * perPage < lines.size(); page++) {
            if (page > 0) {
                b.append('\f');
            }
            b.append(head).append("\n\n");
            for (String line : lines.subList(page * perPage, Math.min(lines.size(), (page + 1) * perPage))) {
                b.append(line).append('\n');
            }
            b.append('\n').append(s.chinese() ? "— " + (page + 1) + " —" : String.valueOf(page + 1)).append('\n');
        }
        return new Rendered(b.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                "https://www.example.gov/files/document.txt");
    }

    // ---------------------------------------------------------------- helpers

    /** Visits blocks; consecutive table cells come as one run ({@code block} null, {@code cells} the run). */
    private interface RunVisitor {
        void visit(Block block, List<Block> cells);
    }

    private static void forEachRun(List<Block> blocks, RunVisitor visitor) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).type() == BlockType.TABLE_CELL) {
                int j = i;
                while (j < blocks.size() && blocks.get(j).type() == BlockType.TABLE_CELL) {
                    j++;
                }
                visitor.visit(null, blocks.subList(i, j));
                i = j - 1;
            } else {
                visitor.visit(blocks.get(i), null);
            }
        }
    }

    private static String cellTable(List<Block> cells) {
        return "<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\">" + cellRows(cells) + "</table>\n";
    }

    private static String cellRows(List<Block> cells) {
        StringBuilder b = new StringBuilder();
        for (Block cell : cells) {
            b.append("<tr><td>").append(esc(cell.text())).append("</td></tr>");
        }
        return b.toString();
    }

    /** The indent depth of a paragraph marker: (a) 1, (1) 2, (i) 3, (A) 4; a roman-looking letter after (h) is a letter. */
    private static int pointDepth(String marker, int previous) {
        if (Character.isDigit(marker.charAt(0))) {
            return 2;
        }
        if (Character.isUpperCase(marker.charAt(0))) {
            return 4;
        }
        if (ROMAN.matcher(marker).matches() && (marker.length() > 1 || previous >= 2)) {
            return 3;
        }
        return 1;
    }

    /** Lines of at most {@code width} characters; English breaks at spaces, a long word hyphenated when asked. */
    static List<String> wrap(String text, int width, boolean hyphenate) {
        List<String> out = new ArrayList<>();
        if (!text.contains(" ") || text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            for (int i = 0; i < text.length(); i += width) {
                out.add(text.substring(i, Math.min(text.length(), i + width)));
            }
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                int room = width - line.length() - 2;
                if (hyphenate && room >= 3 && word.length() - room >= 3 && word.chars().allMatch(Character::isLetter)) {
                    line.append(' ').append(word, 0, room).append('-');
                    word = word.substring(room);
                }
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }

    /** The page in a legacy charset; characters it lacks become numeric references, as the CMSs write them. */
    private static byte[] encode(CharSequence html, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(html.length());
        html.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (encoder.canEncode(ch)) {
                out.append(ch);
            } else {
                out.append("&#").append(cp).append(';');
            }
        });
        return out.toString().getBytes(charset);
    }

    /** Traditional when a tenth of the Han characters are outside GB2312; Latin when there are few Han characters. */
    static Script scriptOf(List<Block> blocks) {
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        long han = 0;
        long outside = 0;
        long letters = 0;
        for (Block block : blocks) {
            for (int i = 0; i < block.text().length(); i++) {
                char ch = block.text().charAt(i);
                if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
                    han++;
                    if (!gb2312.canEncode(ch)) {
                        outside++;
                    }
                } else if (Character.isLetter(ch)) {
                    letters++;
                }
            }
        }
        if (han * 4 < letters) {
            return Script.LATIN;
        }
        return outside * 10 >= han ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    static String slug(String layout) {
        return layout.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}

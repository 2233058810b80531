package dev.policywatch.engine.segment;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Generated documents in numbering conventions the corpus lacks (other jurisdictions, other kinds
 * of documents, Markdown, HTML and gb2312 government pages), each in two versions: the original of
 * {@value #ARTICLES} provisions and an amendment that rewrites provision 3 and inserts a provision
 * before provision 5 (renumbering the rest). Our own texts; every convention is written the way its
 * publishers print it.
 */
final class Conventions {

    static final int ARTICLES = 12;

    /** One provision: its number and its text (one or more paragraphs, one per line). */
    record Article(int number, List<String> paragraphs) {
    }

    /**
     * A convention: how a document is written, under which file name (its extension chooses the
     * extractor) and how the segmenter should label provision {@code k}.
     */
    record Convention(String name, String fileName, Function<List<Article>, byte[]> render, IntFunction<String> label,
            boolean chinese) {
        @Override
        public String toString() {
            return name;
        }

        byte[] original() {
            return render.apply(articles(chinese, false));
        }

        byte[] amended() {
            return render.apply(articles(chinese, true));
        }
    }

    private static final String[] EN_TOPICS = {"scope of application", "definitions of terms", "registration of operators",
        "keeping of records", "annual reporting", "inspection of premises", "complaints from consumers",
        "protection of personal data", "training of staff", "labelling of products", "suspension of licences",
        "administrative penalties", "appeals against decisions", "transitional arrangements", "entry into force",
        "review of this instrument"};
    private static final String[] ZH_TOPICS = {"适用范围", "用语含义", "经营者登记", "档案保存", "年度报告", "现场检查",
        "消费者投诉", "个人信息保护", "从业人员培训", "产品标识", "许可证暂停", "行政处罚", "复议和诉讼", "过渡安排", "施行日期", "评估修订"};

    /** The provisions of one version: the amendment rewrites 3 and inserts a new 5. */
    static List<Article> articles(boolean chinese, boolean amended) {
        List<List<String>> texts = new ArrayList<>();
        for (int k = 1; k <= ARTICLES; k++) {
            texts.add(text(chinese, k - 1, amended && k == 3));
        }
        if (amended) {
            texts.add(4, text(chinese, 14, false));
        }
        List<Article> out = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            out.add(new Article(k + 1, texts.get(k)));
        }
        return out;
    }

    private static List<String> text(boolean chinese, int topic, boolean rewritten) {
        if (chinese) {
            String t = ZH_TOPICS[topic];
            List<String> p = new ArrayList<>(List.of(
                    "主管部门负责" + t + "的监督管理工作，经营者应当建立" + t + "制度，每" + (topic + 2) + "个月报告一次" + t + "情况。",
                    "第二条规定的经营者办理" + t + "事项，应当如实提供材料。"));
            if (rewritten) {
                p.set(0, p.get(0) + "报告应当通过全国统一的在线平台提交，并抄送所在地人民政府。");
            }
            return p;
        }
        String t = EN_TOPICS[topic];
        List<String> p = new ArrayList<>(List.of(
                "The competent authority shall supervise the " + t + ", and every operator shall establish procedures on the "
                        + t + " and report on them every " + (topic + 2) + " months.",
                "An operator referred to in Article 2 shall provide accurate information on the " + t + "."));
        if (rewritten) {
            p.set(0, p.get(0) + " Reports shall be submitted through the single electronic platform and copied to the local authority.");
        }
        return p;
    }

    // ---- renderers -----------------------------------------------------------------------------

    /** A provision's heading: the subject it regulates (never its number, which an amendment changes). */
    private static String heading(Article a) {
        String first = a.paragraphs().get(0);
        int from = first.indexOf("the ") + 4;
        String subject = first.substring(from, first.indexOf(',', from));
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }

    private static byte[] utf8(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI"};
    private static final String[] ZH_DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** 1..99 in Chinese numerals. */
    static String zh(int n) {
        if (n < 10) {
            return ZH_DIGITS[n];
        }
        String tens = n / 10 == 1 ? "十" : ZH_DIGITS[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + ZH_DIGITS[n % 10];
    }

    /** EU regulation in Markdown: chapters, "Article N" headings, a title line, "1." paragraphs and "(a)" points. */
    static byte[] euMarkdown(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# Regulation (EU) 2099/17 of the European Parliament and of the Council\n\n"
                + "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\n\nWhereas:\n\n"
                + "(1) Article 5 of Regulation (EU) 2016/679 applies.\n\n(2) Rules are needed.\n\nHAVE ADOPTED THIS REGULATION:\n\n");
        for (Article a : arts) {
            if ((a.number() - 1) % 5 == 0) {
                sb.append("## CHAPTER ").append(ROMAN[(a.number() - 1) / 5]).append("\n\n");
            }
            sb.append("### Article ").append(a.number()).append("\n\n**").append(heading(a)).append("**\n\n");
            sb.append("1. ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("2. ").append(a.paragraphs().get(1)).append(" Operators shall:\n\n");
            sb.append("(a) keep the documents;\n\n(b) make them available on request.\n\n");
        }
        return utf8(sb);
    }

    /** EU regulation as EUR-Lex prints it in HTML: "Article N" and title paragraphs by class, points in tables. */
    static byte[] euHtml(List<Article> arts) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Regulation</title></head><body>"
                + "<p class=\"doc-ti\">REGULATION (EU) 2099/18</p><p class=\"normal\">Having regard to Article 114 thereof,</p>");
        for (Article a : arts) {
            sb.append("<p class=\"ti-art\">Article ").append(a.number()).append("</p>");
            sb.append("<p class=\"sti-art\">").append(heading(a)).append("</p>");
            sb.append("<p class=\"normal\">1.   ").append(a.paragraphs().get(0)).append("</p>");
            sb.append("<p class=\"normal\">2.   ").append(a.paragraphs().get(1)).append(" Operators shall:</p>");
            sb.append("<table><tr><td>(a)</td><td><p>keep the documents;</p></td></tr>")
                    .append("<tr><td>(b)</td><td><p>make them available on request.</p></td></tr></table>");
        }
        return (sb + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** "Art. N." at the start of each paragraph, as continental codes print it. */
    static byte[] artAbbreviated(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# Federal Act on Widgets\n\nof 1 January 2099\n\n");
        for (Article a : arts) {
            sb.append("Art. ").append(a.number()).append(" ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /** A CFR part: "§ 164.5NN" section headings, (a)(1) paragraphs, citations of "§ 164.502(a)(1)". */
    static byte[] cfr(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# PART 164—SECURITY AND PRIVACY\n\nAuthority: 42 U.S.C. 1302(a).\n\n"
                + "## Subpart E—Privacy\n\n");
        for (Article a : arts) {
            sb.append("### § 164.").append(500 + a.number()).append(" ").append(heading(a)).append(".\n\n");
            sb.append("(a) ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("(1) ").append(a.paragraphs().get(1)).append("\n\n");
            sb.append("§ 164.502(a)(1) and paragraph (a) of this section apply to the operator.\n\n");
        }
        return utf8(sb);
    }

    /** Court rules: "Rule N. Title" headings with lettered subdivisions. */
    static byte[] rules(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# Rules of Procedure of the Widget Tribunal\n\n");
        for (Article a : arts) {
            sb.append("## Rule ").append(a.number()).append(". ").append(heading(a)).append("\n\n");
            sb.append("(a) ").append(a.paragraphs().get(0)).append("\n\n(b) ").append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /** Regulations printed as bold paragraph labels: "**Regulation N** Title" then text. */
    static byte[] regulationsBold(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# The Widget Regulations 2099\n\nThe Secretary of State makes these Regulations.\n\n");
        for (Article a : arts) {
            sb.append("**Regulation ").append(a.number()).append("** — ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /** Numbered paragraphs of guidance: "Paragraph N" headings. */
    static byte[] paragraphs(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# Guidance on widgets\n\n## Introduction\n\nThis guidance explains the rules.\n\n");
        for (Article a : arts) {
            sb.append("### Paragraph ").append(a.number()).append("\n\n").append(a.paragraphs().get(0)).append("\n\n")
                    .append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /** A document numbered only by letters: "(a)", "(b)", … with "(i)" sub-points. */
    static byte[] letters(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# Conditions of the licence\n\nThe licence holder shall comply with the following conditions.\n\n");
        for (Article a : arts) {
            sb.append("(").append((char) ('a' + a.number() - 1)).append(") ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("(i) ").append(a.paragraphs().get(1)).append("\n\n(ii) Records are kept for five years.\n\n");
        }
        return utf8(sb);
    }

    /** UK statutory instrument: "N.—(1)" regulations under Parts, with "(2)" paragraphs. */
    static byte[] ukSi(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# The Widget Safety Regulations 2099\n\nMade 1st January 2099\n\n");
        for (Article a : arts) {
            if ((a.number() - 1) % 6 == 0) {
                sb.append("## PART ").append((a.number() - 1) / 6 + 1).append("\n\n");
            }
            sb.append("### ").append(heading(a)).append("\n\n");
            sb.append(a.number()).append(".—(1) ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("(2) ").append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /**
     * UK statutory instrument as legislation.gov.uk's plain text gives it: "PART n" and its title on
     * lines of their own, each regulation's title on the line before its number, "N.—(1)".
     */
    static byte[] ukSiText(List<Article> arts) {
        StringBuilder sb = new StringBuilder("The Widget Safety Regulations 2099\n\nMade 1st January 2099\n\n");
        for (Article a : arts) {
            if ((a.number() - 1) % 6 == 0) {
                sb.append("PART ").append((a.number() - 1) / 6 + 1).append("\n\nGeneral provisions\n\n");
            }
            sb.append(heading(a)).append("\n\n");
            sb.append(a.number()).append(".—(1) ").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("(2) ").append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    /** The same as legislation.gov.uk's HTML: centred part lines, the title a bold paragraph, the number in bold. */
    static byte[] ukSiHtml(List<Article> arts) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Widget Safety</title></head><body>"
                + "<h1>The Widget Safety Regulations 2099</h1><p>Made 1st January 2099</p>");
        for (Article a : arts) {
            if ((a.number() - 1) % 6 == 0) {
                sb.append("<p class=\"LegPartNo\" style=\"text-align:center\">PART ").append((a.number() - 1) / 6 + 1)
                        .append("</p><p class=\"LegPartTitle\" style=\"text-align:center\">General provisions</p>");
            }
            sb.append("<p class=\"LegP1GroupTitle\"><strong>").append(heading(a)).append("</strong></p>");
            sb.append("<p class=\"LegP1ParaText\"><strong>").append(a.number()).append(".</strong>—(1) ")
                    .append(a.paragraphs().get(0)).append("</p><p class=\"LegP2ParaText\">(2) ").append(a.paragraphs().get(1)).append("</p>");
        }
        return (sb + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** Chinese outline numbering of a notice: 一、 / （一） / 1. */
    static byte[] chineseOutline(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# 关于加强某项管理工作的通知\n\n各省、自治区、直辖市人民政府：\n\n");
        for (Article a : arts) {
            sb.append(zh(a.number())).append("、").append(a.paragraphs().get(0)).append("\n\n");
            sb.append("（一）").append(a.paragraphs().get(1)).append("\n\n（二）加强组织领导。\n\n1. 明确责任分工。\n\n2. 强化督促检查。\n\n");
        }
        return utf8(sb);
    }

    /** Traditional Chinese: 第一章 / 第一節 / 第一條. */
    static byte[] traditional(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# 某某管理條例\n\n");
        for (Article a : arts) {
            if ((a.number() - 1) % 6 == 0) {
                sb.append("## 第").append(zh((a.number() - 1) / 6 + 1)).append("章 總則\n\n");
            }
            if ((a.number() - 1) % 3 == 0) {
                sb.append("### 第").append(zh((a.number() - 1) % 6 / 3 + 1)).append("節 通則\n\n");
            }
            sb.append("第").append(zh(a.number())).append("條 ").append(a.paragraphs().get(0).replace("规定", "規定"))
                    .append("\n\n").append(a.paragraphs().get(1).replace("第二条", "第二條")).append("\n\n");
        }
        return utf8(sb);
    }

    /** Numbered rows of a table (a schedule of fees or duties): the first cell is the number. */
    static byte[] tableRows(List<Article> arts) {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>Schedule</title></head><body>"
                + "<h1>Schedule of duties</h1><table><tr><th>No.</th><th>Duty</th><th>Note</th></tr>");
        for (Article a : arts) {
            sb.append("<tr><td>").append(a.number()).append("</td><td>").append(a.paragraphs().get(0))
                    .append("</td><td>").append(a.paragraphs().get(1)).append("</td></tr>");
        }
        return (sb + "</table></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** A provincial government page in gb2312: articles in bold inline labels inside a layout table. */
    static byte[] gb2312Page(List<Article> arts) {
        StringBuilder sb = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>某省某某管理办法</title></head><body><table width=\"100%\"><tr><td class=\"nav\">首页 &gt; 政策文件</td></tr>"
                + "<tr><td><div class=\"TRS_Editor\"><p align=\"center\"><b>某省某某管理办法</b></p>"
                + "<p>（2099年1月1日省人民政府令第1号公布）</p>");
        for (Article a : arts) {
            if ((a.number() - 1) % 6 == 0) {
                sb.append("<p align=\"center\"><b>第").append(zh((a.number() - 1) / 6 + 1)).append("章　总　则</b></p>");
            }
            sb.append("<p>　　<b>第").append(zh(a.number())).append("条</b>　").append(a.paragraphs().get(0)).append("</p>");
            sb.append("<p>　　").append(a.paragraphs().get(1)).append("</p>");
        }
        sb.append("</div></td></tr><tr><td>相关链接：<a href=\"/a\">第十条解读</a></td></tr></table></body></html>");
        return sb.toString().getBytes(Charset.forName("GB18030"));
    }

    /** A Markdown law whose article labels are bold inline text: "**第一条** …". */
    static byte[] boldChineseMarkdown(List<Article> arts) {
        StringBuilder sb = new StringBuilder("# 某某管理办法\n\n");
        for (Article a : arts) {
            sb.append("**第").append(zh(a.number())).append("条** ").append(a.paragraphs().get(0)).append("\n\n")
                    .append(a.paragraphs().get(1)).append("\n\n");
        }
        return utf8(sb);
    }

    static final List<Convention> ALL = List.of(
            new Convention("EU regulation, Markdown", "eu.md", Conventions::euMarkdown, k -> "Article " + k, false),
            new Convention("EU regulation, EUR-Lex HTML", "eu.html", Conventions::euHtml, k -> "Article " + k, false),
            new Convention("Art. N paragraphs", "act.md", Conventions::artAbbreviated, k -> "Art. " + k, false),
            new Convention("CFR part", "cfr.md", Conventions::cfr, k -> "§ 164." + (500 + k), false),
            new Convention("court rules", "rules.md", Conventions::rules, k -> "Rule " + k, false),
            new Convention("bold Regulation labels", "regs.md", Conventions::regulationsBold, k -> "Regulation " + k, false),
            new Convention("Paragraph N headings", "guidance.md", Conventions::paragraphs, k -> "Paragraph " + k, false),
            new Convention("lettered conditions", "licence.md", Conventions::letters, k -> "(" + (char) ('a' + k - 1) + ")", false),
            new Convention("UK SI N.—(1)", "si.md", Conventions::ukSi, k -> String.valueOf(k), false),
            new Convention("UK SI, title before number, text", "si.txt", Conventions::ukSiText, k -> String.valueOf(k), false),
            new Convention("UK SI, title before number, HTML", "si.html", Conventions::ukSiHtml, k -> String.valueOf(k), false),
            new Convention("Chinese outline 一、（一）1.", "notice.md", Conventions::chineseOutline, Conventions::zh, true),
            new Convention("Traditional 第N條", "law.md", Conventions::traditional, k -> "第" + zh(k) + "條", true),
            new Convention("table rows", "schedule.html", Conventions::tableRows, String::valueOf, false),
            new Convention("gb2312 government page", "page.html", Conventions::gb2312Page, k -> "第" + zh(k) + "条", true),
            new Convention("bold inline 第N条", "bold.md", Conventions::boldChineseMarkdown, k -> "第" + zh(k) + "条", true));

    private Conventions() {
    }
}

package dev.policywatch.engine.segment;

import static dev.policywatch.engine.Fixtures.blocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The segmenter finds a document's numbering from the document itself, on conventions the corpus
 * lacks. Small synthetic documents of our own, written in each convention's usual layout.
 */
class NumberingDiscoveryTest {

    private final Segmenter segmenter = new Segmenter();

    private static List<String> labels(Segmentation s) {
        return s.provisions().stream().map(Provision::label).toList();
    }

    private static Provision provision(Segmentation s, String label) {
        return s.provisions().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    /** Numbered section headings 1 … 6.2, each with a paragraph. */
    private static List<Block> standard() {
        List<Block> doc = new ArrayList<>(blocks("# Guideline"));
        for (int major = 1; major <= 6; major++) {
            doc.add(Block.heading(2, major + " Part number " + major));
            for (int minor = 1; minor <= 2; minor++) {
                doc.add(Block.heading(3, major + "." + minor + " Topic " + major + minor));
                doc.add(Block.paragraph("Requirement text of " + major + "." + minor + " for the reader."));
            }
        }
        return doc;
    }

    @Test
    void anErrataTableCitingSectionsDoesNotDisplaceTheNumberedHeadings() {
        List<Block> doc = standard();
        List<Block> errata = new ArrayList<>(blocks("## Errata", "This table lists the corrections."));
        for (String cited : List.of("§1.2", "§2.1", "§3.2", "§4.1", "§5.1", "§5.2", "§6.1", "§6.2", "§7.1", "§8.1",
                "§9.2", "§10.1", "§11.1", "§12.1", "§13.3")) {
            errata.add(Block.tableCell(cited));
            errata.add(Block.tableCell("Corrected a typo."));
        }
        doc.addAll(1, errata);

        Segmentation s = segmenter.segment(doc);

        assertThat(s.scheme()).isEqualTo(Scheme.NUMBERED_SECTIONS);
        assertThat(labels(s)).containsExactly("1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2");
    }

    @Test
    void aSectionWithItsOwnTextAndSubsectionsIsAProvisionToo() {
        Segmentation s = segmenter.segment(blocks(
                "# Standard", "## 4 Requirements", "### 4.3 Authentication", "Verifiers shall authenticate subscribers.",
                "#### 4.3.1 Passwords", "Passwords shall be at least eight characters.",
                "#### 4.3.2 Tokens", "Tokens shall be replaced every year.", "### 4.4 Records", "Records are kept."));

        assertThat(labels(s)).containsExactly("4.3", "4.3.1", "4.3.2", "4.4");
        assertThat(provision(s, "4.3").text()).isEqualTo("Verifiers shall authenticate subscribers.");
        assertThat(provision(s, "4.3").title()).isEqualTo("Authentication");
        assertThat(provision(s, "4.3.1").path()).containsExactly("4", "4.3", "4.3.1");
        assertThat(s.structure()).extracting(StructureUnit::label).contains("4").doesNotContain("4.3");
    }

    @Test
    void aTitleLineUnderAChapterIsNotTextOfItsOwn() {
        Segmentation s = segmenter.segment(blocks(
                "# Regulation (EU) 2099/1", "CHAPTER I", "GENERAL PROVISIONS", "Article 1", "Subject matter",
                "1. This Regulation lays down rules on widgets.", "2. It applies to all widgets.",
                "Article 2", "Definitions", "For the purposes of this Regulation, 'widget' means a small device.",
                "CHAPTER II", "OBLIGATIONS", "Article 3", "Duties",
                "1. Article 2 applies to manufacturers.", "2. Manufacturers shall register widgets."));

        assertThat(labels(s)).containsExactly("Article 1", "Article 2", "Article 3");
        assertThat(provision(s, "Article 1").text()).contains("1. This Regulation lays down rules", "2. It applies");
        assertThat(provision(s, "Article 3").path()).containsExactly("Chapter II", "Article 3");
    }

    @Test
    void aLongTitleLineWithCommasUnderASectionIsNotTextOfItsOwn() {
        // as the Official Journal prints Regulation (EU) 2019/881: a section's title line is long and has commas
        Segmentation s = segmenter.segment(blocks(
                "# REGULATION (EU) 2099/2", "## CHAPTER III", "TASKS",
                "### Section 4", "ENISA Advisory Group, Stakeholder Cybersecurity Certification Group and National Liaison Officers Network",
                "#### Article 21", "Advisory Group", "1. The Executive Board shall set up an Advisory Group.",
                "#### Article 22", "Stakeholder Group", "1. A Stakeholder Group shall be established.",
                "## CHAPTER IV", "CYBERSECURITY RISK-MANAGEMENT MEASURES AND REPORTING OBLIGATIONS",
                "### Article 23", "Reporting obligations", "1. Each Member State shall ensure that entities notify incidents.",
                "## CHAPTER V", "PREFACE WITH TEXT", "This Chapter applies to trust services.",
                "### Article 24", "Scope", "1. It applies to providers."));

        assertThat(labels(s)).containsExactly("Article 21", "Article 22", "Article 23", "Chapter V", "Article 24");
        assertThat(provision(s, "Article 21").path()).containsExactly("Chapter III", "Section 4", "Article 21");
        assertThat(provision(s, "Chapter V").text()).contains("This Chapter applies to trust services.");
    }

    @Test
    void unitWordsTheEngineWasNeverToldAboutAreFoundInTheDocument() {
        // an EU act in German as plain text: "Artikel N" lines alone are the provisions, "KAPITEL I"
        // and "Abschnitt 1" (numbers restarting per chapter) are containers, a sentence that starts
        // with "Artikel 5" is running text
        Segmentation s = segmenter.segment(blocks(
                "VERORDNUNG (EU) 2099/3", "KAPITEL I", "Allgemeine Bestimmungen",
                "Artikel 1", "Gegenstand", "(1) Diese Verordnung regelt Geräte.",
                "Artikel 2", "Begriffe", "Im Sinne dieser Verordnung bezeichnet der Ausdruck:",
                "KAPITEL II", "Pflichten", "Abschnitt 1", "Hersteller",
                "Artikel 3", "Registrierung", "(1) Hersteller registrieren Geräte.",
                "Artikel 5 gilt entsprechend.",
                "Abschnitt 2", "Händler", "Artikel 4", "Prüfung", "(1) Händler prüfen Geräte.",
                "KAPITEL III", "Schlussbestimmungen", "Abschnitt 1", "Inkrafttreten",
                "Artikel 5", "Inkrafttreten", "Diese Verordnung tritt am zwanzigsten Tag in Kraft."));

        assertThat(labels(s)).containsExactly("Artikel 1", "Artikel 2", "Artikel 3", "Artikel 4", "Artikel 5");
        assertThat(provision(s, "Artikel 3").path()).containsExactly("Kapitel II", "Abschnitt 1", "Artikel 3");
        assertThat(provision(s, "Artikel 3").text()).contains("Artikel 5 gilt entsprechend.");
        assertThat(provision(s, "Artikel 4").path()).containsExactly("Kapitel II", "Abschnitt 2", "Artikel 4");
        assertThat(provision(s, "Artikel 5").path()).containsExactly("Kapitel III", "Abschnitt 1", "Artikel 5");
    }

    @Test
    void traditionalChineseArticlesAndChapters() {
        Segmentation s = segmenter.segment(blocks(
                "# 示例條例", "## 第一章 總則", "第一條 為規範管理，制定本條例。", "第二條 本條例所稱主管機關為縣政府。",
                "## 第二章 管理", "第一節 登記", "第三條 依第二條規定辦理登記。", "第二條規定之期限，得延長一次。",
                "第四條（刪除）", "第十條之一 附則。"));

        assertThat(s.scheme()).isEqualTo(Scheme.CHINESE_ARTICLES);
        assertThat(labels(s)).containsExactly("第一條", "第二條", "第三條", "第四條", "第十條之一");
        assertThat(provision(s, "第三條").text()).contains("第二條規定之期限");
        assertThat(provision(s, "第三條").path()).containsExactly("第二章", "第一節", "第三條");
        assertThat(provision(s, "第四條").retired()).isTrue();
    }

    /** Taiwan's law database prints the number alone in its paragraph, and an inserted article as 第 X-1 條. */
    @Test
    void taiwanDatabaseLayoutWithDashedInsertedArticles() {
        Segmentation s = segmenter.segment(blocks(
                "# 示例法", "沿革：", "1.中華民國一百十二年五月二十四日總統令修正公布第 6、12 條條文；增訂第 98-1 條條文",
                "## 第 一 章 總則", "第 1 條", "為規範管理，特制定本法。", "第 2 條", "本法之主管機關為經濟部。",
                "第 2-1 條", "依第 2 條規定辦理登記。", "第 3 條", "（刪除）", "第 3-1 條", "申請應以書面為之。", "第 3-2 條", "前條之期限，得延長一次。"));

        assertThat(s.scheme()).isEqualTo(Scheme.CHINESE_ARTICLES);
        assertThat(labels(s)).containsExactly("第1條", "第2條", "第2-1條", "第3條", "第3-1條", "第3-2條");
        assertThat(provision(s, "第2條").text()).doesNotContain("登記");
        assertThat(provision(s, "第2-1條").text()).contains("依第 2 條規定辦理登記");
    }

    @Test
    void aChapterWithAPrefaceOfItsOwnGivesThePrefaceAProvision() {
        Segmentation s = segmenter.segment(blocks(
                "# 示例法", "## 第一章 总则", "第一条 目的。", "第二条 范围。",
                "## 第二章 罚则", "违反本法规定，构成犯罪的，依法追究刑事责任。", "第三条 罚款。"));

        assertThat(labels(s)).containsExactly("第一条", "第二条", "第二章", "第三条");
        assertThat(provision(s, "第二章").title()).isEqualTo("罚则");
    }

    @Test
    void ukStatutoryInstrumentRegulationsAreTheirNumberedParagraphs() {
        Segmentation s = segmenter.segment(blocks(
                "# The Widget Safety Regulations 2099", "Made 1st January 2099",
                "## PART 1 Introduction", "### Citation and commencement",
                "1.—(1) These Regulations may be cited as the Widget Safety Regulations 2099.",
                "(2) They come into force on 1st April 2099.",
                "### Interpretation", "2. In these Regulations, \"widget\" means a small device.",
                "## PART 2 Duties", "### Duty to register",
                "3.—(1) A manufacturer must register each widget.", "(2) Regulation 2 applies to registration.",
                "### Offences", "4. A person who fails to comply with regulation 3 commits an offence.",
                "## SCHEDULE 1 Fees", "1. The fee is £10.", "2. The fee is payable on registration."));

        // the Schedule numbers anew: its paragraphs are a chain of their own under it, not text of regulation 4
        assertThat(labels(s)).containsExactly("1", "2", "3", "4", "1", "2");
        assertThat(provision(s, "3").text()).contains("(2) Regulation 2 applies to registration.");
        assertThat(provision(s, "3").path()).containsExactly("Part 2", "3");
        assertThat(provision(s, "4").text()).doesNotContain("fee");
        assertThat(s.provisions().get(4).path()).containsExactly("Schedule 1", "1");
    }

    @Test
    void cfrSectionsUnderAPartThatHasItsOwnText() {
        Segmentation s = segmenter.segment(blocks(
                "# Title 45 Public Welfare",
                "## PART 164—SECURITY AND PRIVACY",
                "Authority: 42 U.S.C. 1302(a); 42 U.S.C. 1320d-1320d-9.",
                "### Subpart E—Privacy of Individually Identifiable Health Information",
                "### § 164.500 Applicability.", "(a) Except as otherwise provided, the standards apply to covered entities.",
                "### § 164.501 Definitions.", "As used in this subpart, the following terms have the following meanings.",
                "### § 164.502 Uses and disclosures of protected health information: General rules.",
                "(a) Standard. A covered entity may not use protected health information, except as permitted by § 164.506.",
                "§ 164.506 applies to treatment, payment and operations.",
                "### § 164.504 Uses and disclosures: Organizational requirements.", "(a) Definitions. As used in this section."));

        assertThat(labels(s)).containsExactly("Part 164", "§ 164.500", "§ 164.501", "§ 164.502", "§ 164.504");
        assertThat(provision(s, "Part 164").text()).startsWith("Authority: 42 U.S.C.");
        assertThat(provision(s, "§ 164.502").text()).contains("§ 164.506 applies to treatment");
    }

    @Test
    void nistRequirementsPrintedAsNumberedParagraphs() {
        Segmentation s = segmenter.segment(blocks(
                "# Protecting Controlled Unclassified Information", "## 3 The Requirements",
                "### 3.1 ACCESS CONTROL",
                "3.1.1 Limit system access to authorized users.", "3.1.2 Limit system access to the types of transactions.",
                "3.1.3 Control the flow of CUI in accordance with approved authorizations.",
                "### 3.2 AWARENESS AND TRAINING",
                "3.2.1 Ensure that managers are made aware of the security risks.",
                "3.2.2 Ensure that personnel are trained.",
                "This is done at least once a year; 3.1.1 and 3.1.2 apply as well."));

        assertThat(labels(s)).containsExactly("3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2");
        assertThat(provision(s, "3.2.2").text()).contains("3.1.1 and 3.1.2 apply");
        assertThat(provision(s, "3.2.1").path()).containsExactly("3", "3.2", "3.2.1");
    }

    @Test
    void numberedTableRowsAreProvisions() {
        List<Block> doc = new ArrayList<>(blocks("# Fee schedule", "The fees are:"));
        for (int row = 1; row <= 5; row++) {
            doc.add(Block.tableCell(String.valueOf(row)));
            doc.add(Block.tableCell("Service number " + row));
            doc.add(Block.tableCell(row * 10 + " yuan"));
        }

        Segmentation s = segmenter.segment(doc);

        assertThat(s.scheme()).isEqualTo(Scheme.NUMBERED_POINTS);
        assertThat(labels(s)).containsExactly("1", "2", "3", "4", "5");
        assertThat(provision(s, "3").text()).isEqualTo("Service number 3\n30 yuan");
    }

    @Test
    void aNumberOpeningTextAmongRowsNumberedAloneDoesNotTakeARowsPlace() {
        // seen by the locality property: an errata table's cells spliced in after row 2, one of them
        // "3.—(1)", took row 3's place (equal weights, the earlier won) and changed rows 2 and 3
        List<Block> doc = new ArrayList<>(blocks("# Fee schedule", "The fees are:"));
        for (int row = 1; row <= 5; row++) {
            doc.add(Block.tableCell(String.valueOf(row)));
            doc.add(Block.tableCell("Service number " + row));
            doc.add(Block.tableCell(row * 10 + " yuan"));
            if (row == 2) {
                doc.add(Block.tableCell("Section"));
                doc.add(Block.tableCell("3.—(1)"));
                doc.add(Block.tableCell("Corrected a typographical error."));
            }
        }

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("1", "2", "3", "4", "5");
        assertThat(provision(s, "2").text()).contains("3.—(1)");
        assertThat(provision(s, "3").text()).isEqualTo("Service number 3\n30 yuan");
    }

    /**
     * Licence conditions (a) … {@code last}, each with sub-points (i) and (ii), and {@code stray} inserted
     * in condition {@code in} at {@code where}: 0 right after the condition, 1 between (i) and (ii).
     */
    private Segmentation conditions(char last, char in, int where, String stray) {
        List<String> lines = new ArrayList<>(List.of("# Conditions of the licence", "The holder shall comply with these conditions."));
        for (char c = 'a'; c <= last; c++) {
            lines.add("(" + c + ") Condition " + c + " applies to every holder.");
            if (c == in && where == 0) {
                lines.add(stray);
            }
            lines.add("(i) Records of condition " + c + " are kept.");
            if (c == in && where == 1) {
                lines.add(stray);
            }
            lines.add("(ii) Records are kept for five years.");
        }
        return segmenter.segment(blocks(lines.toArray(String[]::new)));
    }

    @Test
    void anEarlierLetterBetweenARomanSubPointAndItsNextDecidesNothing() {
        // seen by the locality property: "(b) as amended …" inserted between (h)'s sub-points (i) and
        // (ii) made that (i) a point, which took the real point (i)'s place and changed (h) and (i)
        Segmentation s = conditions('j', 'h', 1, "(b) as amended by the corrigendum");

        assertThat(labels(s)).containsExactly("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)");
        assertThat(provision(s, "(h)").text()).contains("(i) Records of condition h", "(b) as amended");
        assertThat(provision(s, "(i)").text()).startsWith("Condition i applies");
    }

    @Test
    void aLetteredLineBetweenTwoRomanSubPointsDoesNotTakeTheNextPointsPlace() {
        // seen by the locality property: "(b) applies from 1 January." inserted between (a)'s (i) and
        // (ii) took the real point (b)'s place and changed (a) and (b)
        Segmentation s = conditions('e', 'a', 1, "(b) applies from 1 January.");

        assertThat(labels(s)).containsExactly("(a)", "(b)", "(c)", "(d)", "(e)");
        assertThat(provision(s, "(a)").text()).contains("(b) applies from 1 January.", "(ii) Records are kept");
        assertThat(provision(s, "(b)").text()).startsWith("Condition b applies");
    }

    @Test
    void aPointWhoseFirstWordIsInAnotherCaseThanThePointsDoesNotTakeTheRealOnesPlace() {
        // seen by the locality property: "(b) applies from 1 January." inserted right after (a) took the
        // real point (b)'s place and changed (a) and (b)
        Segmentation s = conditions('e', 'a', 0, "(b) applies from 1 January.");

        assertThat(labels(s)).containsExactly("(a)", "(b)", "(c)", "(d)", "(e)");
        assertThat(provision(s, "(a)").text()).contains("(b) applies from 1 January.");
        assertThat(provision(s, "(b)").text()).startsWith("Condition b applies");
    }

    @Test
    void chineseNoticeEnumerationIsItsProvisions() {
        Segmentation s = segmenter.segment(blocks(
                "# 关于加强管理的通知", "各有关单位：",
                "一、提高认识。各单位要充分认识工作的重要性。", "（一）加强领导。", "（二）明确责任。",
                "二、完善制度。建立健全管理制度。", "三、强化监督。开展监督检查。", "四、本通知自印发之日起施行。"));

        assertThat(s.scheme()).isEqualTo(Scheme.NUMBERED_POINTS);
        assertThat(labels(s)).containsExactly("一", "二", "三", "四");
        assertThat(provision(s, "一").text()).contains("（二）明确责任。");
    }

    @Test
    void aPointInAnotherScriptThanThePointsDoesNotTakeThePlaceOfTheRealOne() {
        // seen by the locality property: "二、 applies from 1 January." inserted inside point 一 took
        // the place of the real 二 (equal weights, the earlier won) and changed both 一 and 二
        Segmentation s = segmenter.segment(blocks(
                "# 关于加强管理的通知", "各有关单位：",
                "一、提高认识。各单位要充分认识工作的重要性。", "（一）加强领导。",
                "二、 applies from 1 January.",
                "二、完善制度。建立健全管理制度。", "三、强化监督。开展监督检查。", "四、本通知自印发之日起施行。"));

        assertThat(labels(s)).containsExactly("一", "二", "三", "四");
        assertThat(provision(s, "一").text()).contains("applies from 1 January.");
        assertThat(provision(s, "二").text()).contains("完善制度");
    }

    @Test
    void referencesInTablesListsAndSentencesAreNeverArticleStarts() {
        Segmentation s = segmenter.segment(List.of(
                Block.paragraph("第一条 目的。"), Block.paragraph("第二条 范围。"),
                Block.tableCell("第三条"), Block.tableCell("修改"),
                Block.listItem("第三条 规定的情形"),
                Block.paragraph("第三条规定的期限，可以延长。"),
                Block.paragraph("第三条 管理。"), Block.paragraph("第四条 附则。"),
                Block.tableCell("第九十条"), Block.paragraph("第五条 施行。")));

        assertThat(labels(s)).containsExactly("第一条", "第二条", "第三条", "第四条", "第五条");
        assertThat(provision(s, "第三条").text()).isEqualTo("管理。");
        assertThat(provision(s, "第二条").text()).contains("第三条规定的期限");
    }

    @Test
    void oneOutOfOrderNumberCannotPushTheRealRunOut() {
        List<Block> doc = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            doc.add(Block.paragraph("Section " + i + ". Rule number " + i + "."));
            if (i == 2) {
                doc.add(Block.paragraph("Section 7. Rules applying to everyone are listed here."));
            }
        }

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("Section 1", "Section 2", "Section 3", "Section 4", "Section 5",
                "Section 6", "Section 7", "Section 8");
    }

    @Test
    void aUnitWordOfAnotherLanguageAloneOnItsLineIsTheDocumentsUnit() {
        // a regulation's plain text (no heading markup): "Artikel 1" alone, then its title and paragraphs
        List<Block> doc = new ArrayList<>(List.of(Block.paragraph("VERORDNUNG ÜBER DIE PARKS"),
                Block.paragraph("KAPITEL I"), Block.paragraph("Allgemeine Bestimmungen")));
        String[] titles = {"Gegenstand und Ziele", "Anwendungsbereich", "Begriffsbestimmungen", "Grundsätze", "Inkrafttreten"};
        for (int k = 1; k <= 5; k++) {
            doc.add(Block.paragraph("Artikel " + k));
            doc.add(Block.paragraph(titles[k - 1]));
            doc.add(Block.paragraph("(1) Diese Verordnung regelt den Punkt " + k + " nach Artikel " + (k + 1) + "."));
            doc.add(Block.paragraph("Table " + k));
        }
        doc.add(Block.paragraph("Artikel 3 gilt entsprechend."));

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("Artikel 1", "Artikel 2", "Artikel 3", "Artikel 4", "Artikel 5");
        assertThat(provision(s, "Artikel 5").text()).contains("Inkrafttreten", "Artikel 3 gilt entsprechend.");
    }

    @Test
    void endMatterThatNumbersAnewKeepsItsOwnUnitsInRunningText() {
        // a CFR part printed without heading markup: the official interpretations number their
        // comments by the sections they explain, after the sections themselves
        List<Block> doc = new ArrayList<>(List.of(Block.paragraph("PART 1013—CONSUMER LEASING")));
        for (int k = 1; k <= 4; k++) {
            doc.add(Block.paragraph("§ 1013." + k + " Rule number " + k + "."));
            doc.add(Block.paragraph("(a) The lessor shall do thing " + k + "."));
        }
        doc.add(Block.paragraph("Appendix A to Part 1013—Model Forms"));
        doc.add(Block.paragraph("A model form."));
        doc.add(Block.paragraph("Supplement I to Part 1013—Official Interpretations"));
        doc.add(Block.paragraph("Introduction"));
        for (int k = 1; k <= 4; k++) {
            doc.add(Block.paragraph("Section 1013." + k + "—Rule number " + k));
            doc.add(Block.paragraph("1. Comment on rule " + k + ", which § 1013." + k + " states."));
        }

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("§ 1013.1", "§ 1013.2", "§ 1013.3", "§ 1013.4", "Appendix A",
                "Section 1013.1", "Section 1013.2", "Section 1013.3", "Section 1013.4");
    }

    @Test
    void letteredAppendicesFollowInTheAlphabetNotAsRomanNumerals() {
        // appendices printed as paragraphs: C and D follow B (read as roman numerals they were 100
        // and 500, and A and B, no numerals at all, tied at 0, so B fell out of the sequence)
        List<Block> doc = new ArrayList<>(List.of(Block.paragraph("PART 1002—EQUAL CREDIT")));
        for (int k = 1; k <= 3; k++) {
            doc.add(Block.paragraph("§ 1002." + k + " Rule number " + k + "."));
            doc.add(Block.paragraph("(a) The creditor shall do thing " + k + "."));
        }
        for (String letter : List.of("A", "B", "C", "D")) {
            doc.add(Block.paragraph("Appendix " + letter + " to Part 1002—Forms " + letter));
            doc.add(Block.paragraph("Model form " + letter + " is printed here."));
        }

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("§ 1002.1", "§ 1002.2", "§ 1002.3", "Appendix A", "Appendix B",
                "Appendix C", "Appendix D");
        assertThat(s.provisions().get(4).text()).doesNotContain("Model form A", "Model form C");
    }

    @Test
    void anIdentifierWithABracketedTitleOpensItsProvisionInRunningText() {
        // requirement identifiers as plain paragraphs (PDF text): a retired one reads "KSI-ABC-02 (Retired)"
        List<Block> doc = List.of(
                Block.paragraph("Key Indicators"),
                Block.paragraph("KSI-ABC-01 Inventory"),
                Block.paragraph("Keep an inventory of every resource."),
                Block.paragraph("KSI-ABC-02 (Retired)"),
                Block.paragraph("This indicator was retired. Superseded by KSI-ABC-03."),
                Block.paragraph("KSI-ABC-03 Logging"),
                Block.paragraph("Log every change."),
                Block.paragraph("KSI-ABC-04 Recovery"),
                Block.paragraph("Test recovery yearly."));

        Segmentation s = segmenter.segment(doc);

        assertThat(labels(s)).containsExactly("KSI-ABC-01", "KSI-ABC-02", "KSI-ABC-03", "KSI-ABC-04");
        assertThat(s.provisions().get(0).text()).doesNotContain("retired");
        assertThat(s.provisions().get(1).retired()).isTrue();
    }
}

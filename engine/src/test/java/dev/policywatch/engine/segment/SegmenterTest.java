package dev.policywatch.engine.segment;

import static dev.policywatch.engine.Fixtures.blocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter();

    @Test
    void chineseArticlesAreProvisionsAndChaptersArePaths() {
        Segmentation s = segmenter.segment(blocks(
                "# 示例法", "2020年通过", "## 第一章 总则", "第一条 目的。", "第二条 范围。",
                "## 第二章 管理", "第三条 主管部门负责下列工作：", "（一）规划；", "(二) 监督；", "1. 检查。"));

        assertThat(s.scheme()).isEqualTo(Scheme.CHINESE_ARTICLES);
        assertThat(s.title()).isEqualTo("示例法");
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("第一条", "第二条", "第三条");
        assertThat(s.provisions().get(2).path()).containsExactly("第二章", "第三条");
        assertThat(s.provisions().get(2).text()).isEqualTo("主管部门负责下列工作：\n（一）规划；\n(二) 监督；\n1. 检查。");
        assertThat(s.structure()).extracting(StructureUnit::displayLabel)
                .containsExactly("title", "preamble", "第一章 总则", "第二章 管理");
    }

    @Test
    void crossReferenceAtTheStartOfALineIsNotAnArticle() {
        Segmentation s = segmenter.segment(blocks(
                "第九条 一般规定。", "第十条 特别规定。", "第九条规定的期限，可以延长。", "第十一条 附则。"));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("第九条", "第十条", "第十一条");
        assertThat(s.provisions().get(1).text()).contains("第九条规定的期限");
    }

    @Test
    void spacedAndDigitLabelsAreCompactedAsPrinted() {
        Segmentation s = segmenter.segment(blocks("第 一 条 甲。", "第2条 乙。", "第一百零二条 丙。", "第一百零二条之一 丁。"));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("第一条", "第2条", "第一百零二条", "第一百零二条之一");
    }

    @Test
    void deletedArticleStubIsRetired() {
        Segmentation s = segmenter.segment(blocks("第一条 甲。", "第二条（删除）", "第三条 丙。"));

        assertThat(s.provisions()).extracting(Provision::retired).containsExactly(false, true, false);
    }

    @Test
    void identifierHeadingsLabelTheirSectionAndGroupHeadingsAreStructure() {
        Segmentation s = segmenter.segment(blocks(
                "# Indicators", "Intro text.",
                "## ABC-DEF: Defence", "Theme summary.",
                "### ABC-DEF-01 Firewalls", "Keep a firewall.", "#### Notes", "A sub-heading stays inside.",
                "### ABC-DEF-02", "Patch monthly.",
                "## XYZ-REQ", "### XYZ-REQ-01 First", "Do the first thing.",
                "### AC-2(1) Automated accounts", "Automate account management.",
                "### ABC-DEF-03 (Retired)", "This ID was retired. Superseded by ABC-NEW-01."));

        assertThat(s.scheme()).isEqualTo(Scheme.IDENTIFIERS);
        assertThat(s.provisions()).extracting(Provision::label)
                .containsExactly("ABC-DEF-01", "ABC-DEF-02", "XYZ-REQ-01", "AC-2(1)", "ABC-DEF-03");
        Provision first = s.provisions().get(0);
        assertThat(first.title()).isEqualTo("Firewalls");
        assertThat(first.text()).isEqualTo("Keep a firewall.\nNotes\nA sub-heading stays inside.");
        assertThat(first.path()).containsExactly("ABC-DEF", "ABC-DEF-01");
        assertThat(s.provisions().get(4).retired()).isTrue();
        assertThat(s.structure()).extracting(StructureUnit::label).contains("ABC-DEF", "XYZ-REQ");
    }

    @Test
    void aControlWithEnhancementsKeepsItsOwnTextAsAProvision() {
        // a control catalog (SP 800-53): AC-2 has enhancements AC-2(1), AC-2(2) below it, AC-1 and AC-3 none
        Segmentation s = segmenter.segment(blocks(
                "# Catalog", "## AC Access Control",
                "### AC-1 Policy and Procedures", "Control:", "- a. Develop a policy;",
                "### AC-2 Account Management", "Control:", "- a. Define account types;", "Discussion: Accounts matter.",
                "Control Enhancements:",
                "#### AC-2(1) Automated System Account Management", "Support account management with tools.",
                "#### AC-2(2) Removal of Temporary Accounts", "[Withdrawn: Incorporated into AC-2.]",
                "### AC-3 Access Enforcement", "Enforce approved authorizations.",
                "## FRA-SCN", "Purpose: this group only introduces its members.",
                "### FRA-SCN-01 First", "Do it."));

        assertThat(s.scheme()).isEqualTo(Scheme.IDENTIFIERS);
        assertThat(s.provisions()).extracting(Provision::label)
                .containsExactly("AC-1", "AC-2", "AC-2(1)", "AC-2(2)", "AC-3", "FRA-SCN-01");
        Provision control = s.provisions().get(1);
        assertThat(control.title()).isEqualTo("Account Management");
        assertThat(control.text()).contains("Define account types").contains("Control Enhancements:")
                .doesNotContain("Support account management");
        assertThat(s.provisions().get(2).path()).containsExactly("AC Access Control", "AC-2", "AC-2(1)");
        assertThat(s.structure()).extracting(StructureUnit::label).contains("FRA-SCN").doesNotContain("AC-2");
    }

    @Test
    void controlIdentifiersAtTheStartOfParagraphsAreProvisionsWhenTheCatalogHasNoHeadingsForThem() {
        // a control catalog rendered without heading markup (bold lines become plain text): the
        // identifier lines that form the increasing sequence open provisions, references do not
        Segmentation s = segmenter.segment(blocks(
                "# Catalog", "## AC Access Control",
                "AC-1 POLICY AND PROCEDURES", "Control: Develop a policy.",
                "AC-2 ACCOUNT MANAGEMENT", "Control: Define account types.",
                "AC-20 addresses mobile devices that are not organization-controlled.",
                "AC-2(1) AUTOMATED SYSTEM ACCOUNT MANAGEMENT", "Support account management with tools.",
                "AC-3 ACCESS ENFORCEMENT", "Enforce approved authorizations.", "IA-2 Identification", "(cited out of order)",
                "## AT Awareness and Training",
                "AT-1 POLICY AND PROCEDURES", "Control: Train people.",
                "AT-2 LITERACY TRAINING AND AWARENESS", "Provide training.",
                "## IA Identification and Authentication",
                "IA-1 POLICY AND PROCEDURES", "Control: Identify users.",
                "IA-2 IDENTIFICATION AND AUTHENTICATION", "Uniquely identify users."));

        assertThat(s.scheme()).isEqualTo(Scheme.IDENTIFIERS);
        assertThat(s.provisions()).extracting(Provision::label)
                .containsExactly("AC-1", "AC-2", "AC-2(1)", "AC-3", "AT-1", "AT-2", "IA-1", "IA-2");
        assertThat(s.provisions().get(1).title()).isEqualTo("ACCOUNT MANAGEMENT");
        assertThat(s.provisions().get(1).text()).contains("AC-20 addresses mobile devices");
        assertThat(s.provisions().get(3).text()).contains("IA-2 Identification");
        assertThat(s.provisions().get(4).path()).containsExactly("AT Awareness and Training", "AT-1");
    }

    @Test
    void identifierShapesCollapseRunsOfLettersAndDigits() {
        assertThat(IdentifierHeadings.shape("AC-13(2)")).isEqualTo("A-9(9)");
        assertThat(IdentifierHeadings.shape("FRR-SCN-01")).isEqualTo("A-A-9");
        assertThat(IdentifierHeadings.shape("FRA-SCN")).isEqualTo("A-A");
    }

    @Test
    void englishSectionsUnderPartsAreProvisionsWithItemsInside() {
        Segmentation s = segmenter.segment(blocks(
                "# Act", "## Part I General", "## Section 1. Short title", "This Act may be cited as the Act.",
                "## Section 2. Definitions", "(a) In this Act:", "(1) term means a term.", "(A) sub item.",
                "## Part II Rules", "## § 3 Duties", "Section 2 applies to duties."));

        assertThat(s.scheme()).isEqualTo(Scheme.NUMBERED_SECTIONS);
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("Section 1", "Section 2", "§ 3");
        assertThat(s.provisions().get(1).text()).contains("(1) term means a term.");
        assertThat(s.provisions().get(0).path()).containsExactly("Part I", "Section 1");
    }

    @Test
    void moreFrequentOfArticleAndSectionIsTheProvision() {
        Segmentation s = segmenter.segment(blocks(
                "Chapter 1 General", "Section 1 Scope", "Article 1", "Text one.", "Article 2", "Text two.",
                "Section 2 Other", "Article 3", "Text three."));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("Article 1", "Article 2", "Article 3");
        assertThat(s.provisions().get(2).path()).containsExactly("Chapter 1", "Section 2", "Article 3");
    }

    @Test
    void thirteenPointPlanIsThirteenProvisions() {
        List<Block> plan = new ArrayList<>(blocks("# Action plan", "We will act on these points:"));
        for (int i = 1; i <= 13; i++) {
            plan.add(Block.paragraph(i + ". Point number " + i + " of the plan."));
            plan.add(Block.paragraph("Details of point " + i + "."));
        }

        Segmentation s = segmenter.segment(plan);

        assertThat(s.scheme()).isEqualTo(Scheme.NUMBERED_POINTS);
        assertThat(s.provisions()).hasSize(13);
        assertThat(s.provisions().get(12).label()).isEqualTo("13");
        assertThat(s.provisions().get(0).text()).isEqualTo("Point number 1 of the plan.\nDetails of point 1.");
    }

    @Test
    void withoutNumberingTheSmallestHeadedSectionsAreProvisions() {
        Segmentation s = segmenter.segment(blocks(
                "# Guide", "## Access", "### Opening", "Open daily.", "### Closing", "Closed at night.", "## Contact", "Call us."));

        assertThat(s.scheme()).isEqualTo(Scheme.HEADINGS);
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("Opening", "Closing", "Contact");
        assertThat(s.provisions().get(0).path()).containsExactly("Access", "Opening");
    }

    @Test
    void withoutNumberingOrHeadingsParagraphsAreProvisions() {
        Segmentation s = segmenter.segment(blocks("First paragraph.", "Second paragraph."));

        assertThat(s.scheme()).isEqualTo(Scheme.PARAGRAPHS);
        assertThat(s.provisions()).extracting(Provision::text).containsExactly("First paragraph.", "Second paragraph.");
    }

    @ParameterizedTest
    @CsvSource({"一,1", "十,10", "十二,12", "二十,20", "一百零二,102", "一百二十,120", "两千零五,2005", "12,12", "１２,12", "一万零一,10001"})
    void chineseNumeralsParse(String numeral, long value) {
        assertThat(ChineseNumerals.parse(numeral)).isEqualTo(value);
    }
}

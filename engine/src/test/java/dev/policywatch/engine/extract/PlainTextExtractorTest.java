package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Block;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {

    @Test
    void aConvertedPdfLosesItsRunningHeadsAndPageNumbers() {
        String text = "示例条例\n\n示例条例\n第一条 为了规范示例活动，制定本条例。\n第二条 本条例适用于示例活动。\n\n— 1 —\n"
                + "\f示例条例\n\n第三条 主管部门负责监督管理。\n第四条 经营者应当建立制度，\n并报告情况。\n\n— 2 —\n"
                + "\f示例条例\n\n第五条 本条例自公布之日起施行。\n\n— 3 —\n";

        ExtractedDocument doc = new PlainTextExtractor().extract(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");

        assertThat(doc.blocks()).extracting(Block::text).containsExactly(
                "第一条 为了规范示例活动，制定本条例。", "第二条 本条例适用于示例活动。", "第三条 主管部门负责监督管理。",
                "第四条 经营者应当建立制度，", "并报告情况。", "第五条 本条例自公布之日起施行。");
    }

    @Test
    void textWithoutFormFeedsKeepsEveryLine() {
        String text = "Annual report\n\n1\nSection 1. Scope\n— 2 —\n";

        ExtractedDocument doc = new PlainTextExtractor().extract(text.getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(doc.blocks()).extracting(Block::text).containsExactly("Annual report", "1", "Section 1. Scope", "— 2 —");
    }

    @Test
    void linesThePageWidthBrokeAreJoinedBack() {
        String wrapped = "示例条例\n第一条 为了规范示例活动，加强对示例活动的日常指导和监\n督检查，保障公民、法人和其他组织的合法权益，根据有关\n法律，制定本条例。\n"
                + "第二条 本条例适用于在本省行政区域内从事示例活动的单位\n和个人，以及对示例活动实施监督管理的有关部门。\n"
                + "第三条 主管部门负责本行政区域内示例活动的监督管理工作\n；其他有关部门在各自职责范围内负责相关工作。\n"
                + "第四条 短条。\n\n— 1 —\n\f示例条例\n"
                + "Providers shall keep the records of every change they make to the require-\nments for at least three years.\n"
                + "第五条 本条例自公布之日起施行，有效期至二〇三〇年十二月三十一日止\n。\n\n— 2 —\n";

        ExtractedDocument doc = new PlainTextExtractor().extract(wrapped.getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(doc.blocks()).extracting(Block::text).containsExactly(
                "第一条 为了规范示例活动，加强对示例活动的日常指导和监督检查，保障公民、法人和其他组织的合法权益，根据有关法律，制定本条例。",
                "第二条 本条例适用于在本省行政区域内从事示例活动的单位和个人，以及对示例活动实施监督管理的有关部门。",
                "第三条 主管部门负责本行政区域内示例活动的监督管理工作；其他有关部门在各自职责范围内负责相关工作。",
                "第四条 短条。",
                "Providers shall keep the records of every change they make to the requirements for at least three years.",
                "第五条 本条例自公布之日起施行，有效期至二〇三〇年十二月三十一日止。");
    }

    @Test
    void aSectionNumberTheWidthCutFromItsReferenceIsJoinedBackNotASection() {
        String wrapped = "Proofing Guidelines\n"
                + "4.4 Conventional Proofing\n"
                + "A provider shall preferentially proof applicants according to the requirements in Section\n"
                + "4.4.1. Depending on the population it serves, a provider may also proof remotely as\n"
                + "described in the next section of these guidelines and its tables of evidence.\n"
                + "4.4.1 Conventional Proofing Requirements\n"
                + "Collection of personal information shall be limited to the minimum necessary to resolve\n"
                + "a unique identity in a given context, and to nothing more than that in any case at all.\n"
                + "Evidence shall be collected from the applicant in person or remotely by the provider.\n"
                + "4.4.2 Remote Proofing Requirements\n"
                + "Remote proofing shall use a supervised session recorded and kept by the provider here.\n";

        ExtractedDocument doc = new PlainTextExtractor().extract(wrapped.getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(doc.blocks()).extracting(Block::text).contains(
                "A provider shall preferentially proof applicants according to the requirements in Section 4.4.1. Depending"
                        + " on the population it serves, a provider may also proof remotely as described in the next section of"
                        + " these guidelines and its tables of evidence.",
                "4.4.1 Conventional Proofing Requirements");
    }
}

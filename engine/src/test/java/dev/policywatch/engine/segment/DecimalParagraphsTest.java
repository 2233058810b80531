package dev.policywatch.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbered subsections printed as paragraphs ("3.2 Systems …") under numbered headings ("3. Measurement"). */
class DecimalParagraphsTest {

    private static List<Block> profile(String threeTwo, String fourOne, boolean withFourTwo) {
        List<Block> blocks = new java.util.ArrayList<>(List.of(
                Block.heading(1, "Risk profile"),
                Block.paragraph("This profile exists to show how changes are reported."),
                Block.heading(2, "3. Measurement"),
                Block.paragraph("3.1 Systems are tested for accuracy on representative data."),
                Block.paragraph(threeTwo),
                Block.heading(2, "4. Incident response"),
                Block.paragraph(fourOne)));
        if (withFourTwo) {
            blocks.add(Block.paragraph("4.2 Serious incidents are also reported to the people affected."));
        }
        return blocks;
    }

    @Test
    void subsectionParagraphsAreTheProvisionsAndTheirHeadingsAreStructure() {
        Segmentation s = new Engine().segment(profile("3.2 Systems are tested for disparate error rates.",
                "4.1 Incidents are reported within five working days.", false));
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("3.1", "3.2", "4.1");
        assertThat(s.provisions().get(1).path()).containsExactly("3", "3.2");
    }

    @Test
    void aRewrittenSubsectionAndAnAddedOneAreReportedByTheirOwnNumbers() {
        DiffResult r = new Engine().compare(
                profile("3.2 Systems are tested for disparate error rates.", "4.1 Incidents are reported within five working days.", false),
                profile("3.2 Systems are tested for disparate error rates and every six months after.",
                        "4.1 Incidents are reported within three working days.", true));
        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::newLabel).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "3.2"),
                org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "4.1"),
                org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "4.2"));
        assertThat(r.summary().unchanged()).isEqualTo(1);
    }

    @Test
    void aNumberAtTheStartOfOrdinaryProseIsNotASubsection() {
        Segmentation s = new Engine().segment(List.of(
                Block.heading(1, "Report"),
                Block.heading(2, "Findings"),
                Block.paragraph("2.5 million people used the service last year."),
                Block.paragraph("1.2 percent of them complained.")));
        assertThat(s.provisions()).extracting(Provision::label).doesNotContain("2.5", "1.2");
    }

    @Test
    void sectionTitlesPrintedAsParagraphsOpenTheirSectionsCommasAndAppendicesIncluded() {
        // a standard converted from a word processor: every heading a (bold) paragraph
        Segmentation s = new Engine().segment(List.of(
                Block.heading(1, "Identity Guidelines"),
                Block.paragraph("4 Identity Assurance Levels"),
                Block.paragraph("4.1 Process Flow"),
                Block.paragraph("Applicants are enrolled in three steps."),
                Block.paragraph("5 Identity Resolution, Validation, and Verification"),
                Block.paragraph("This section is normative."),
                Block.paragraph("5.1 Identity Resolution"),
                Block.paragraph("The provider resolves the claimed identity to a single person."),
                Block.paragraph("5.2 Evidence Collection"),
                Block.paragraph("Evidence is collected in person or remotely."),
                Block.paragraph("Appendix A—Definitions"),
                Block.paragraph("A.1 Definitions"),
                Block.paragraph("Applicant: a subject to be identity proofed."),
                Block.paragraph("3 reasons, validated and recorded, are enough."),
                Block.paragraph("6 Verification, validation and resolution of records")));
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("4.1", "5", "5.1", "5.2", "A.1");
    }

    @Test
    void aTableOfContentsPrintedBeforeSectionsAsParagraphsDoesNotTakeTheirNumbers() {
        // every heading a (bold) paragraph, and a contents list "1. Purpose" … before them: the
        // contents lines have nothing of their own, the sections that follow do
        Segmentation s = new Engine().segment(List.of(
                Block.heading(1, "Federation Guidelines"),
                Block.heading(2, "Table of Contents"),
                Block.paragraph("1. Purpose"),
                Block.paragraph("2. Introduction"),
                Block.paragraph("3. Assurance Levels"),
                Block.heading(2, "Errata"),
                Block.paragraph("This table lists the changes of this edition."),
                Block.paragraph("1 Purpose"),
                Block.paragraph("This document sets requirements for identity providers."),
                Block.paragraph("2 Introduction"),
                Block.paragraph("Federation conveys authentication results across networks."),
                Block.paragraph("2.1 Scope"),
                Block.paragraph("These guidelines apply to every federal system."),
                Block.paragraph("3 Assurance Levels"),
                Block.paragraph("This section is normative."),
                Block.paragraph("3.1 Level One"),
                Block.paragraph("Bearer assertions are allowed.")));
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("1", "2", "2.1", "3", "3.1");
        assertThat(s.provisions().get(0).text()).isEqualTo("Purpose\nThis document sets requirements for identity providers.");
        assertThat(s.provisions().get(1).text()).isEqualTo("Introduction\nFederation conveys authentication results across networks.");
    }

    @Test
    void termHeadingsUnderASectionPrintedAsAParagraphStayInItsText() {
        // "A.1 Definitions" a (bold) paragraph, its terms headings of their own; a cross-heading
        // followed directly by the next section, or one lone heading after a section, still closes it
        Segmentation s = new Engine().segment(List.of(
                Block.heading(1, "Identity Guidelines"),
                Block.paragraph("1 Purpose"),
                Block.paragraph("This document sets requirements for providers."),
                Block.heading(3, "Transitional arrangements"),
                Block.paragraph("2 Transition"),
                Block.paragraph("Providers comply within one year."),
                Block.heading(4, "Considerations for Minors"),
                Block.paragraph("Minors are enrolled with a guardian."),
                Block.heading(2, "Appendix A—Definitions"),
                Block.paragraph("A.1 Definitions"),
                Block.paragraph("The terms below are used throughout."),
                Block.heading(4, "Access"),
                Block.paragraph("To make contact with a function of a service."),
                Block.heading(4, "Applicant"),
                Block.paragraph("A subject undergoing enrollment."),
                Block.heading(4, "Authenticator"),
                Block.heading(5, "Memorized Secret"),
                Block.paragraph("A secret value the subscriber remembers."),
                Block.paragraph("A.2 Abbreviations"),
                Block.paragraph("CSP: Credential Service Provider.")));
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("1", "2", "A.1", "A.2");
        assertThat(s.provisions().get(0).text()).doesNotContain("Transitional");
        assertThat(s.provisions().get(1).text()).doesNotContain("Minors");
        assertThat(s.provisions().get(2).text()).contains("Access", "To make contact", "Applicant", "A subject undergoing",
                "Memorized Secret", "A secret value");
        assertThat(s.provisions().get(3).text()).doesNotContain("Applicant");
    }
}

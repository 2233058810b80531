package dev.policywatch.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A UK statutory instrument prints each regulation's title before its number ("Interpretation" /
 * "2. In these Regulations—…"), as legislation.gov.uk publishes it, and inserts regulations without
 * renumbering ("2A."). Small instruments of our own, in plain text, Markdown and HTML: the title
 * belongs to the regulation after it, so a retitled regulation is MODIFIED, and an inserted one with
 * its title is ADDED, nothing else.
 */
class UkStatutoryInstrumentTest {

    private final Engine engine = new Engine();

    /** One regulation: number as printed, title, first paragraph, further paragraphs. */
    record Reg(String number, String title, String first, List<String> more) {
    }

    enum Layout {
        TEXT("si.txt", UkStatutoryInstrumentTest::text),
        MARKDOWN("si.md", UkStatutoryInstrumentTest::markdown),
        HTML("si.html", UkStatutoryInstrumentTest::html);

        final String name;
        final Function<List<Reg>, String> render;

        Layout(String name, Function<List<Reg>, String> render) {
            this.name = name;
            this.render = render;
        }
    }

    private static List<Reg> regulations() {
        return new ArrayList<>(List.of(
                new Reg("1", "Citation and commencement", "(1) These Regulations may be cited as the Widget Safety Regulations 2099.",
                        List.of("(2) They come into force on 1st April 2099.")),
                new Reg("2", "Interpretation", "In these Regulations—",
                        List.of("“the Act” means the Widget Act 2098;", "“widget” means a small device.")),
                new Reg("3", "Duty to register", "(1) A manufacturer must register each widget with the authority.",
                        List.of("(2) Regulation 2 applies to registration.")),
                new Reg("4", "Records", "A manufacturer must keep a record of each widget for five years.", List.of()),
                new Reg("5", "Offences", "(1) A person who fails to comply with regulation 3 commits an offence.",
                        List.of("(2) A person guilty of an offence is liable on summary conviction to a fine.")),
                new Reg("6", "Review", "(1) The Secretary of State must review these Regulations.",
                        List.of("(2) The first report must be published before 1st April 2104."))));
    }

    private static String opening(Reg r) {
        return r.first().startsWith("(") ? r.number() + ".—" + r.first() : r.number() + ". " + r.first();
    }

    private static boolean partBefore(Reg r) {
        return r.number().equals("1") || r.number().equals("3");
    }

    private static String part(Reg r) {
        return r.number().equals("1") ? "PART 1" : "PART 2";
    }

    private static String partTitle(Reg r) {
        return r.number().equals("1") ? "General" : "Duties of manufacturers";
    }

    static String text(List<Reg> regs) {
        StringBuilder sb = new StringBuilder("The Widget Safety Regulations 2099\n\nMade 1st January 2099\n\n");
        for (Reg r : regs) {
            if (partBefore(r)) {
                sb.append(part(r)).append("\n\n").append(partTitle(r)).append("\n\n");
            }
            sb.append(r.title()).append("\n\n").append(opening(r)).append("\n\n");
            r.more().forEach(p -> sb.append(p).append("\n\n"));
        }
        return sb.toString();
    }

    static String markdown(List<Reg> regs) {
        StringBuilder sb = new StringBuilder("# The Widget Safety Regulations 2099\n\nMade 1st January 2099\n\n");
        for (Reg r : regs) {
            if (partBefore(r)) {
                sb.append("## ").append(part(r)).append("\n\n").append(partTitle(r)).append("\n\n");
            }
            sb.append("### ").append(r.title()).append("\n\n").append(opening(r).replace("“", "\"").replace("”", "\"")).append("\n\n");
            r.more().forEach(p -> sb.append(p).append("\n\n"));
        }
        return sb.toString();
    }

    static String html(List<Reg> regs) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Widget Safety Regulations</title></head>"
                + "<body><h1>The Widget Safety Regulations 2099</h1><p>Made 1st January 2099</p>\n");
        for (Reg r : regs) {
            if (partBefore(r)) {
                sb.append("<p class=\"LegPartNo\" style=\"text-align:center\">").append(part(r)).append("</p>")
                        .append("<p class=\"LegPartTitle\" style=\"text-align:center\"><strong>").append(partTitle(r)).append("</strong></p>\n");
            }
            sb.append("<h3 class=\"LegP1GroupTitle\">").append(r.title()).append("</h3>\n");
            String open = opening(r);
            int dot = open.indexOf('.');
            sb.append("<p class=\"LegP1ParaText\"><strong>").append(open, 0, dot + 1).append("</strong>")
                    .append(open.substring(dot + 1)).append("</p>\n");
            r.more().forEach(p -> sb.append("<p class=\"LegP2ParaText\">").append(p).append("</p>\n"));
        }
        return sb.append("</body></html>").toString();
    }

    private List<Block> blocks(Layout layout, List<Reg> regs) {
        return new Extractor().extract(layout.render.apply(regs).getBytes(StandardCharsets.UTF_8), null, layout.name,
                ExtractOptions.NONE).blocks();
    }

    /** The index of the last block whose text matches, or -1. */
    private static int lastIndex(List<Block> blocks, java.util.function.Predicate<String> text) {
        int at = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (text.test(blocks.get(i).text())) {
                at = i;
            }
        }
        return at;
    }

    private static Provision provision(Segmentation s, String label) {
        return s.provisions().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void eachRegulationHasTheTitlePrintedBeforeItsNumber(Layout layout) {
        Segmentation s = engine.segment(blocks(layout, regulations()));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(s.provisions()).extracting(Provision::title).containsExactly(
                "Citation and commencement", "Interpretation", "Duty to register", "Records", "Offences", "Review");
        assertThat(provision(s, "1").text()).startsWith("(1) These Regulations").endsWith("1st April 2099.")
                .doesNotContain("Interpretation");
        assertThat(provision(s, "2").text()).startsWith("In these Regulations—").contains("means a small device.");
        assertThat(provision(s, "4").text()).isEqualTo("A manufacturer must keep a record of each widget for five years.");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aRetitledRegulationIsModifiedAgainstThatRegulation(Layout layout) {
        List<Reg> after = regulations();
        Reg old = after.get(3);
        after.set(3, new Reg(old.number(), "Keeping of records", old.first(), old.more()));

        DiffResult r = engine.compare(blocks(layout, regulations()), blocks(layout, after));

        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "4", "4"));
        assertThat(r.structureChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aRegulationInsertedWithItsTitleWithoutRenumberingIsAdded(Layout layout) {
        List<Reg> after = regulations();
        after.add(2, new Reg("2A", "Application to imported widgets",
                "These Regulations apply to widgets imported into the United Kingdom.", List.of()));

        Segmentation s = engine.segment(blocks(layout, after));
        DiffResult r = engine.compare(blocks(layout, regulations()), blocks(layout, after));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("1", "2", "2A", "3", "4", "5", "6");
        assertThat(provision(s, "2A").title()).isEqualTo("Application to imported widgets");
        assertThat(provision(s, "2")).isEqualTo(provision(engine.segment(blocks(layout, regulations())), "2"));
        assertThat(r.changes()).extracting(ProvisionChange::type, ProvisionChange::newLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "2A"));
        assertThat(r.structureChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aNoticeBetweenATitleAndItsRegulationChangesOnlyThatRegulation(Layout layout) {
        List<Block> before = blocks(layout, regulations());
        List<Block> changed = new ArrayList<>(before);
        int title = lastIndex(changed, t -> t.equals("Duty to register"));
        changed.add(title + 1, Block.paragraph("Notice: this version corrects the text of Regulation 3; see the previous edition."));

        Segmentation a = engine.segment(before);
        Segmentation b = engine.segment(changed);

        assertThat(b.provisions()).extracting(Provision::label).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(provision(b, "3").title()).isEqualTo("Duty to register");
        assertThat(provision(b, "3").text()).startsWith("Notice: this version corrects");
        for (String label : List.of("1", "2", "4", "5", "6")) {
            assertThat(provision(b, label)).as(label).isEqualTo(provision(a, label));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aNumberedLineWithoutTitleInsideARegulationDoesNotTakeTheNextOnesPlace(Layout layout) {
        // seen by the locality property: "3.—(1) applies from …" inside regulation 2 took the place of
        // the real regulation 3, printed after its title (equal weights, the earlier won)
        List<Block> before = blocks(layout, regulations());
        List<Block> changed = new ArrayList<>(before);
        int at = lastIndex(changed, t -> t.startsWith("“the Act”") || t.startsWith("\"the Act\""));
        changed.add(at + 1, Block.paragraph("3.—(1) applies from 1st January 2100."));

        Segmentation a = engine.segment(before);
        Segmentation b = engine.segment(changed);

        assertThat(b.provisions()).extracting(Provision::label).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(provision(b, "2").text()).contains("3.—(1) applies from 1st January 2100.");
        for (String label : List.of("1", "3", "4", "5", "6")) {
            assertThat(provision(b, label)).as(label).isEqualTo(provision(a, label));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aSentenceBeforeARegulationIsNoTitle(Layout layout) {
        List<Reg> regs = regulations();
        Reg old = regs.get(1);
        regs.set(1, new Reg(old.number(), "Interpretation", old.first(), old.more()));
        List<Block> doc = new ArrayList<>(blocks(layout, regs));
        int at = lastIndex(doc, t -> t.equals("Records"));
        doc.set(at, Block.paragraph("The records are kept by the authority."));

        Segmentation s = engine.segment(doc);

        assertThat(provision(s, "4").title()).isEmpty();
        assertThat(provision(s, "3").text()).endsWith("The records are kept by the authority.");
    }

    @org.junit.jupiter.api.Test
    void quotedInsertedTextIsTextAndAScheduleKeepsItsOwnTitle() {
        // an amending instrument quotes the regulation it inserts ("4A.—(1)" inside regulation 3): no 4
        // stands before it, so it is no insertion of this instrument; "Fees" after a bare "SCHEDULE 1" is the
        // Schedule's title, not that of its paragraph 1
        String text = String.join("\n\n", "The Widget Safety (Amendment) Regulations 2099", "Made 1st January 2099",
                "PART 1", "General", "Citation", "1. These Regulations may be cited as the Widget Safety (Amendment) Regulations 2099.",
                "Interpretation", "2. In these Regulations, “the 2013 Regulations” means the Widget Regulations 2013.",
                "Amendment of the Widget Regulations 2013", "3.—(1) The 2013 Regulations are amended as follows.",
                "(2) After regulation 4 insert—", "“Fees payable", "4A.—(1) A fee is payable on registration.”",
                "(3) In regulation 7, omit paragraph (2).", "Review", "4. The Secretary of State must review regulation 3.",
                "SCHEDULE 1", "Fees", "1. The fee is £10.", "2. The fee is payable on registration.");
        Segmentation s = engine.segment(new Extractor().extract(text.getBytes(StandardCharsets.UTF_8), null, "si.txt",
                ExtractOptions.NONE).blocks());

        assertThat(s.provisions()).extracting(Provision::path).containsExactly(List.of("Part 1", "1"), List.of("Part 1", "2"),
                List.of("Part 1", "3"), List.of("Part 1", "4"), List.of("Schedule 1", "1"), List.of("Schedule 1", "2"));
        assertThat(provision(s, "3").text()).contains("4A.—(1) A fee is payable", "(3) In regulation 7");
        assertThat(provision(s, "4").title()).isEqualTo("Review");
        assertThat(s.provisions().get(4).title()).isEmpty();
        assertThat(s.structure()).extracting(StructureUnit::label, StructureUnit::text).contains(
                org.assertj.core.groups.Tuple.tuple("Schedule 1", "Fees"));
    }
}

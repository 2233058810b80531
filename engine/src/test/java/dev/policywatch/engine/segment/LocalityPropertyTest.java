package dev.policywatch.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.events.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Locality of segmentation (issue #11): inserting one block that is not a provision (a table
 * citing "§4.3" / "第十条" / "Article 5", a notice paragraph, a list of references) anywhere in
 * any corpus document changes at most the provision it lands in. Every provision of the original
 * is still there as it was (label, title, text) except the one whose text now holds the inserted
 * block, and no provision is new except that one (a chapter whose own text the block became). The
 * scheme never changes. Every version file of ../shared/corpus and of the project's corpus/ is used,
 * and both versions of every generated document of {@link Conventions} (EU articles, CFR sections,
 * rules, regulations, paragraphs, lettered conditions, UK SI (Markdown, plain text, HTML), Chinese outline, Traditional Chinese,
 * table rows, a gb2312 government page, bold inline labels).
 */
class LocalityPropertyTest {

    private static final List<String> REFERENCES = List.of(
            "§4.3", "§ 4.3", "§5.1.5.1", "第十条", "第十條", "第三条", "Article 5", "Section 2", "§ 164.502", "3.2",
            "4.3", "Regulation 3", "FRR-SCN-01", "一", "Art. 5", "Rule 3", "Paragraph 12", "(b)", "3.—(1)", "（一）",
            "§ 164.502(a)(1)", "二、", "第二章");
    private static final Segmenter SEGMENTER = new Segmenter();
    private static final List<Document> DOCUMENTS = load();

    record Document(String name, List<Block> blocks, Segmentation segmentation) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Insertion(Document document, int position, List<Block> blocks) {
        /** Text of the last inserted block that stays text whatever the block is taken for. */
        String marker() {
            String last = blocks.get(blocks.size() - 1).text();
            return last.substring(last.indexOf(' ') + 1);
        }
    }

    @Property(tries = 400)
    void oneInsertedNonProvisionBlockChangesAtMostTheProvisionItTouches(@ForAll("insertions") Insertion insertion) {
        Document doc = insertion.document();
        List<Block> changed = new ArrayList<>(doc.blocks());
        changed.addAll(insertion.position(), insertion.blocks());

        Segmentation after = SEGMENTER.segment(changed);

        assertThat(after.scheme()).as("scheme of %s", doc).isEqualTo(doc.segmentation().scheme());
        Map<String, Integer> before = counts(doc.segmentation());
        Map<String, Integer> now = counts(after);
        List<String> touched = after.provisions().stream()
                .filter(p -> p.text().contains(insertion.marker()) || p.title().contains(insertion.marker()))
                .map(Provision::label).toList();
        assertThat(touched).as("provisions holding the inserted block").hasSizeLessThanOrEqualTo(1);
        List<String> gone = difference(before, now);
        List<String> added = difference(now, before);
        String at = "in " + doc + " at block " + insertion.position() + " after inserting " + insertion.blocks();
        assertThat(gone).as("provisions no longer there as they were, " + at).isSubsetOf(touched);
        assertThat(added).as("new provisions, " + at).isSubsetOf(touched);
    }

    @Provide
    Arbitrary<Insertion> insertions() {
        Arbitrary<Document> documents = Arbitraries.of(DOCUMENTS);
        Arbitrary<String> refs = Arbitraries.of(REFERENCES);
        Arbitrary<List<Block>> tables = refs.list().ofMinSize(1).ofMaxSize(4).map(LocalityPropertyTest::table);
        Arbitrary<List<Block>> notices = refs.map(r -> List.of(Block.paragraph(
                "Notice: this version corrects the text of " + r + "; see also " + r + " of the previous edition.")));
        Arbitrary<List<Block>> citingParagraphs = refs.map(r -> List.of(Block.paragraph(
                r.startsWith("第") ? r + "规定的期限 延长至三十日。" : r + " applies from 1 January.")));
        Arbitrary<List<Block>> lists = refs.list().ofMinSize(1).ofMaxSize(3)
                .map(rs -> rs.stream().map(r -> Block.listItem(r + " as amended by the corrigendum")).toList());
        Arbitrary<List<Block>> blocks = Arbitraries.oneOf(tables, notices, citingParagraphs, lists);
        return documents.flatMap(d -> Combinators.combine(
                Arbitraries.integers().between(0, d.blocks().size()), blocks)
                .as((position, inserted) -> new Insertion(d, position, inserted)));
    }

    private static List<Block> table(List<String> refs) {
        List<Block> cells = new ArrayList<>(List.of(Block.tableCell("Section"), Block.tableCell("Change")));
        for (String r : refs) {
            cells.add(Block.tableCell(r));
            cells.add(Block.tableCell("Corrected a typographical error."));
        }
        cells.add(Block.tableCell("Errata table ends."));
        return cells;
    }

    private static Map<String, Integer> counts(Segmentation s) {
        Map<String, Integer> out = new HashMap<>();
        for (Provision p : s.provisions()) {
            out.merge(p.label() + "\u0000" + p.title() + "\u0000" + p.text(), 1, Integer::sum);
        }
        return out;
    }

    private static List<String> difference(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> out = new ArrayList<>();
        a.forEach((k, v) -> {
            for (int i = b.getOrDefault(k, 0); i < v; i++) {
                out.add(k.substring(0, k.indexOf('\u0000')));
            }
        });
        return out;
    }

    private static List<Document> load() {
        List<Path> roots = new ArrayList<>();
        String shared = System.getProperty("policywatch.corpus");
        if (shared != null && Files.isDirectory(Path.of(shared))) {
            roots.add(Path.of(shared));
        } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("corpus not found at " + shared + " — under CI the corpus is required");
        }
        Path project = Path.of(System.getProperty("policywatch.projectCorpus", "../corpus"));
        if (Files.isDirectory(project)) {
            roots.add(project);
        }
        Extractor extractor = new Extractor();
        List<Document> docs = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root, 2)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("v\\d+\\.(md|html|txt)")).sorted().toList()) {
                    List<Block> blocks = extractor.extract(Files.readAllBytes(f), null, f.toString(), ExtractOptions.NONE).blocks();
                    docs.add(new Document(root.relativize(f).toString(), blocks, SEGMENTER.segment(blocks)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Conventions.Convention c : Conventions.ALL) {
            for (boolean amended : new boolean[] {false, true}) {
                byte[] bytes = amended ? c.amended() : c.original();
                List<Block> blocks = extractor.extract(bytes, null, "https://example.org/" + c.fileName(), ExtractOptions.NONE)
                        .blocks();
                docs.add(new Document("generated " + c.name() + (amended ? " (amended)" : ""), blocks, SEGMENTER.segment(blocks)));
            }
        }
        if (docs.isEmpty()) {
            // nothing to insert into: a synthetic law keeps the property meaningful
            List<Block> law = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                law.add(Block.paragraph("第" + ChineseNumeralsForTest.of(i) + "条 条文内容" + i + "。"));
            }
            docs.add(new Document("synthetic", law, SEGMENTER.segment(law)));
        }
        return List.copyOf(docs);
    }

    /** 1..99 as Chinese numerals, for the synthetic fallback law. */
    static final class ChineseNumeralsForTest {
        private static final String DIGITS = "零一二三四五六七八九";

        static String of(int n) {
            if (n < 10) {
                return String.valueOf(DIGITS.charAt(n));
            }
            String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
            return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
        }
    }
}

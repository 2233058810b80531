package dev.policywatch.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.engine.Engine;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.lineage.PredecessorMatcher.Document;
import dev.policywatch.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every ordered pair of documents of both corpora (the shared one, {@code policywatch.corpus}, and the
 * project's {@code corpus/}): versions of one case may link, documents of different cases must never
 * link. Prints how many same-case pairs linked (recall, for information) and the false links (must be 0).
 */
class LineageCorpusTest {

    private record Doc(String caseName, Document document) {
    }

    @Test
    void documentsOfDifferentCasesNeverLink() throws IOException {
        Engine engine = new Engine();
        List<Doc> docs = new ArrayList<>();
        for (Path corpus : corpora()) {
            try (Stream<Path> s = Files.list(corpus)) {
                for (Path c : s.filter(p -> Files.isRegularFile(p.resolve("meta.json"))).sorted().toList()) {
                    JsonNode meta = EventJson.mapper().readTree(c.resolve("meta.json").toFile());
                    String jurisdiction = meta.path("jurisdiction").asText(null);
                    for (JsonNode v : meta.path("versions")) {
                        Path file = c.resolve(v.path("file").asText());
                        if (!Files.isRegularFile(file)) {
                            continue;
                        }
                        ExtractedDocument x = engine.extract(Files.readAllBytes(file), null, file.toString(),
                                ExtractOptions.NONE);
                        String title = x.title() != null ? x.title() : meta.path("title").asText();
                        docs.add(new Doc(c.getFileName().toString(), new Document(c.getFileName() + "/" + file.getFileName(),
                                file.getFileName().toString(), jurisdiction, title, x.blocks())));
                    }
                }
            }
        }
        Assumptions.assumeTrue(docs.size() > 1, "no corpus found");
        PredecessorMatcher matcher = new PredecessorMatcher(engine);
        int pairs = 0;
        int sameCase = 0;
        int sameCaseLinked = 0;
        List<String> falseLinks = new ArrayList<>();
        for (Doc older : docs) {
            for (Doc newer : docs) {
                if (older == newer) {
                    continue;
                }
                pairs++;
                Optional<PredecessorMatcher.Match> m = matcher.find(newer.document(), List.of(older.document()));
                boolean same = older.caseName().equals(newer.caseName());
                if (same) {
                    sameCase++;
                    sameCaseLinked += m.isPresent() ? 1 : 0;
                } else if (m.isPresent()) {
                    falseLinks.add(newer.document().documentId() + " → " + older.document().documentId() + ": "
                            + m.get().reason());
                }
            }
        }
        System.out.printf("lineage over the corpora: %d documents, %d ordered pairs, %d false links; "
                + "%d of %d same-case pairs linked%n", docs.size(), pairs, falseLinks.size(), sameCaseLinked, sameCase);
        falseLinks.forEach(System.out::println);
        assertThat(falseLinks).as("links between different cases").isEmpty();
        assertThat(sameCaseLinked).as("same-case pairs linked (the matcher is not simply refusing)").isPositive();
    }

    private static List<Path> corpora() {
        List<Path> out = new ArrayList<>();
        String shared = System.getProperty("policywatch.corpus");
        if (shared != null && Files.isDirectory(Path.of(shared))) {
            out.add(Path.of(shared));
        }
        Path project = Path.of(System.getProperty("policywatch.projectCorpus", "../corpus"));
        if (Files.isDirectory(project)) {
            out.add(project);
        }
        return out;
    }
}

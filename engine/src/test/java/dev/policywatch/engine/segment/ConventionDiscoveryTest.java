package dev.policywatch.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbering discovery on conventions the corpus lacks ({@link Conventions}): every generated
 * document is cut into exactly its numbered provisions, and its amendment (provision 3 rewritten, a
 * provision inserted before 5) is reported as exactly that: one MODIFIED, one ADDED, the rest
 * RENUMBERED, nothing else.
 */
class ConventionDiscoveryTest {

    private static final Engine ENGINE = new Engine();

    static Stream<Conventions.Convention> conventions() {
        return Conventions.ALL.stream();
    }

    private static ExtractedDocument extract(Conventions.Convention c, byte[] bytes) {
        return ENGINE.extract(bytes, null, "https://example.org/" + c.fileName(), ExtractOptions.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conventions")
    void theProvisionsAreTheDocumentsOwnNumberedUnits(Conventions.Convention c) {
        Segmentation s = ENGINE.segment(extract(c, c.original()).blocks());

        assertThat(s.provisions()).extracting(Provision::label)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, Conventions.ARTICLES).mapToObj(c.label()).toList());
        for (Provision p : s.provisions()) {
            assertThat(p.text()).as("text of %s", p.label()).contains(c.chinese() ? "主管部门负责" : "The competent authority");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conventions")
    void anAmendmentIsReportedProvisionByProvision(Conventions.Convention c) {
        DiffResult result = ENGINE.compare(extract(c, c.original()), extract(c, c.amended()));

        List<Tuple> expected = new ArrayList<>();
        expected.add(tuple(ChangeType.MODIFIED, c.label().apply(3), c.label().apply(3)));
        expected.add(tuple(ChangeType.ADDED, null, c.label().apply(5)));
        for (int k = 5; k <= Conventions.ARTICLES; k++) {
            expected.add(tuple(ChangeType.RENUMBERED, c.label().apply(k), c.label().apply(k + 1)));
        }
        assertThat(result.changes())
                .extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}

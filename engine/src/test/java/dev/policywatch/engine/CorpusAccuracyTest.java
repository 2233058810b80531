package dev.policywatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of two corpora through the engine and scores the reported (type, oldLabel,
 * newLabel) tuples against expected.json; an entry's {@code also_acceptable} alternatives count as
 * right. Prints per-case figures; fails when the overall F1 of a corpus is below
 * {@value #MIN_OVERALL_F1} or any pair below {@value #MIN_CASE_F1}.
 * <ul>
 *   <li>the shared corpus (../shared/corpus, system property {@code policywatch.corpus}): not ours,
 *       read in place, never copied; absent: skipped with a message, failed under CI=true;</li>
 *   <li>the project's own corpus, {@code corpus/} at the repository root (same format): skipped
 *       only where the directory does not exist.</li>
 * </ul>
 */
class CorpusAccuracyTest {

    /** Issue #11: 1.0 overall is the goal; a miss that only fitting one case could fix is documented, never below this. */
    static final double MIN_OVERALL_F1 = 0.995;
    static final double MIN_CASE_F1 = 0.98;
    /**
     * Pairs the engine cannot get right without fitting them, each with its own floor (today's figure,
     * so that a regression still fails) and left out of the overall floor; docs/diff-engine.md says
     * why for each. Printed separately; never grows without a note there.
     */
    static final Map<String, Double> KNOWN_HARD = Map.of(); // none today: the residual pass recovered the last one

    private final Engine engine = new Engine();

    @Test
    void everySharedCorpusPairScoresAtLeastTheFloor() throws IOException {
        assertMeetsTheFloor(run(corpusOrSkip(), engine));
    }

    @Test
    void everyProjectCorpusPairScoresAtLeastTheFloor() throws IOException {
        assertMeetsTheFloor(run(projectCorpusOrSkip(), engine));
    }

    private static void assertMeetsTheFloor(Report report) {
        System.out.println(report.table());
        report.details().forEach(System.out::println);
        List<String> failures = new ArrayList<>(report.lowCases());
        if (report.f1() < MIN_OVERALL_F1) {
            failures.add("overall F1 " + report.f1());
        }
        if (!failures.isEmpty()) {
            fail("below the floor: " + failures + report.table());
        }
    }

    /** The scores of every pair of one corpus directory; {@code pairs} maps "case v1→v2" to its F1, in order. */
    record Report(String table, List<String> details, List<String> lowCases, double f1, Map<String, Double> pairs) {
    }

    /** How a version of a case is read: by default its file as it is (Markdown); a rendering test renders it first. */
    @FunctionalInterface
    interface Versions {
        ExtractedDocument read(Path caseDir, String version) throws IOException;
    }

    /** Scores every case of a corpus directory (used by this test and by hand, see docs/diff-engine.md). */
    static Report run(Path corpus, Engine engine) throws IOException {
        return run(corpus, engine, (c, version) -> read(engine, c, version));
    }

    /** Scores every case of a corpus directory, each version read by {@code versions}. */
    static Report run(Path corpus, Engine engine, Versions versions) throws IOException {
        return run(corpus, engine, versions, c -> true);
    }

    /** Scores the cases of a corpus directory that {@code include} accepts, each version read by {@code versions}. */
    static Report run(Path corpus, Engine engine, Versions versions, Predicate<Path> include) throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus)) {
            cases = s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
        }
        assertThat(cases).as("corpus cases in " + corpus).isNotEmpty();
        cases = cases.stream().filter(include).toList();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int[] all = new int[3];
        StringBuilder table = new StringBuilder(String.format("%n%s%n%-56s %5s %5s %5s %7s%n", corpus, "case", "tp", "fp", "fn", "F1"));
        List<String> failures = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Map<String, Double> pairF1 = new LinkedHashMap<>();
        for (Path c : cases) {
            JsonNode expected = EventJson.mapper().readTree(c.resolve("expected.json").toFile());
            List<JsonNode> pairs = new ArrayList<>();
            if (expected.isArray()) {
                expected.forEach(pairs::add);
            } else {
                pairs.add(expected);
            }
            for (JsonNode pair : pairs) {
                String from = pair.get("from").asText();
                String to = pair.get("to").asText();
                DiffResult result = engine.compare(versions.read(c, from), versions.read(c, to));
                Score score = score(pair.get("changes"), result.changes());
                String name = c.getFileName() + " " + from + "→" + to;
                pairF1.put(name, score.f1());
                Double hardFloor = KNOWN_HARD.get(name);
                if (hardFloor == null) {
                    tp += score.tp;
                    fp += score.fp;
                    fn += score.fn;
                }
                all[0] += score.tp;
                all[1] += score.fp;
                all[2] += score.fn;
                table.append(String.format("%-56s %5d %5d %5d %7.4f%s%n", name, score.tp, score.fp, score.fn, score.f1(),
                        hardFloor == null ? "" : "  (known hard, floor " + hardFloor + ")"));
                score.wrong.forEach(w -> details.add(name + ": " + w));
                if (score.f1() < (hardFloor == null ? MIN_CASE_F1 : hardFloor)) {
                    failures.add(name + " F1 " + score.f1());
                }
            }
        }
        double f1 = f1(tp, fp, fn);
        table.append(String.format("%-56s %5d %5d %5d %7.4f%n", "OVERALL", tp, fp, fn, f1));
        if (all[0] != tp || all[1] != fp || all[2] != fn) {
            table.append(String.format("%-56s %5d %5d %5d %7.4f%n", "OVERALL with the known hard pairs", all[0], all[1], all[2],
                    f1(all[0], all[1], all[2])));
        }
        return new Report(table.toString(), details, failures, f1, pairF1);
    }

    /** A version as the corpus stores it ({@code v1.md}, or another extension), through {@link Engine#extract}. */
    static ExtractedDocument read(Engine engine, Path c, String version) throws IOException {
        Path file = c.resolve(version + ".md");
        if (!Files.exists(file)) {
            try (Stream<Path> s = Files.list(c)) {
                file = s.filter(p -> p.getFileName().toString().startsWith(version + ".")).findFirst().orElse(file);
            }
        }
        return engine.extract(Files.readAllBytes(file), null, file.toString(), ExtractOptions.NONE);
    }

    /** The project's own corpus, {@code corpus/} at the repository root (system property {@code policywatch.projectCorpus}). */
    static Path projectCorpusOrSkip() {
        String property = System.getProperty("policywatch.projectCorpus", "../corpus");
        Path corpus = Path.of(property);
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no project corpus at " + corpus.toAbsolutePath());
        return corpus;
    }

    static Path corpusOrSkip() {
        String property = System.getProperty("policywatch.corpus");
        Path corpus = property == null ? null : Path.of(property);
        boolean present = corpus != null && Files.isDirectory(corpus);
        if (!present) {
            String message = "corpus not found at " + property + " (set -Dpolicywatch.corpus); skipping corpus accuracy";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " — under CI the corpus is required");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.assumeTrue(false, message);
        }
        return corpus;
    }

    private record Tuple(String type, String oldLabel, String newLabel) {
    }

    private static final class Score {
        int tp;
        int fp;
        int fn;
        final List<String> wrong = new ArrayList<>();

        double f1() {
            return CorpusAccuracyTest.f1(tp, fp, fn);
        }
    }

    static double f1(int tp, int fp, int fn) {
        if (tp + fp + fn == 0) {
            return 1.0;
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * Each expected entry is satisfied by its primary tuple or by one of its also_acceptable forms
     * (type swap; REMOVED+ADDED = two tuples; UNCHANGED = nothing reported). Reported tuples not used
     * by any entry are false positives.
     */
    private static Score score(JsonNode expectedChanges, List<ProvisionChange> reported) {
        Map<Tuple, Integer> got = new HashMap<>();
        for (ProvisionChange c : reported) {
            got.merge(new Tuple(c.type().name(), c.oldLabel(), c.newLabel()), 1, Integer::sum);
        }
        Score s = new Score();
        Set<Tuple> explained = new HashSet<>();
        for (JsonNode e : expectedChanges) {
            String type = e.get("type").asText();
            String o = e.hasNonNull("old_label") ? e.get("old_label").asText() : null;
            String n = e.hasNonNull("new_label") ? e.get("new_label").asText() : null;
            List<List<Tuple>> options = new ArrayList<>();
            options.add(List.of(new Tuple(type, o, n)));
            boolean unchangedOk = false;
            if (e.has("also_acceptable")) {
                for (JsonNode alt : e.get("also_acceptable")) {
                    String a = alt.asText();
                    switch (a) {
                        case "MODIFIED", "RENUMBERED", "ADDED", "REMOVED" -> options.add(List.of(new Tuple(a, o, n)));
                        case "REMOVED+ADDED" -> options.add(List.of(new Tuple("REMOVED", o, null), new Tuple("ADDED", null, n)));
                        case "UNCHANGED" -> unchangedOk = true;
                        default -> {
                            // free-text alternatives (merges) are not machine-checkable: primary only
                        }
                    }
                }
            }
            boolean matched = false;
            for (List<Tuple> option : options) {
                if (option.stream().allMatch(t -> got.getOrDefault(t, 0) > 0)) {
                    option.forEach(t -> got.merge(t, -1, Integer::sum));
                    explained.addAll(option);
                    s.tp++;
                    matched = true;
                    break;
                }
            }
            if (!matched && unchangedOk && o != null && Objects.equals(o, n)
                    && reported.stream().noneMatch(c -> Objects.equals(c.oldLabel(), o) || Objects.equals(c.newLabel(), n))) {
                s.tp++;
                matched = true;
            }
            if (!matched) {
                s.fn++;
                s.wrong.add("missed " + type + " " + o + " → " + n);
            }
        }
        got.forEach((t, count) -> {
            for (int k = 0; k < count; k++) {
                s.fp++;
                s.wrong.add("unexpected " + t.type() + " " + t.oldLabel() + " → " + t.newLabel());
            }
        });
        return s;
    }
}

package dev.policywatch.engine.bench;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.diff.DocumentDiff;
import dev.policywatch.engine.extract.ExtractOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extract + segment + align + diff of one pair of versions, from bytes to {@link DiffResult}.
 * Pairs: the largest corpus pairs (read in place from {@code -Dpolicywatch.corpus}, never copied)
 * and a synthetic pair of 1,000 articles with insertions, deletions and edits. Not a test: run it
 * through the {@code bench} profile (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class DiffBenchmark {

    @Param({"cn-cybersecurity-law-2016-2025", "cn-anti-monopoly-law-2007-2022",
            "cn-gov-info-disclosure-regulation-2007-2019", "en-fedramp-ksi-25.05c-25.11b",
            "en-us-12cfr1010-regulation-j-2011-2016", "synthetic-1000"})
    public String pair;

    private final Engine engine = new Engine();
    private byte[] oldBytes;
    private byte[] newBytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        if (pair.startsWith("synthetic-")) {
            int n = Integer.parseInt(pair.substring("synthetic-".length()));
            oldBytes = SyntheticLaw.version(n, false);
            newBytes = SyntheticLaw.version(n, true);
            return;
        }
        Path dir = Path.of(System.getProperty("policywatch.corpus", "../../shared/corpus")).resolve(pair);
        if (!Files.isDirectory(dir)) {
            // the project's own corpus (corpus/ at the repository root)
            dir = Path.of(System.getProperty("policywatch.projectCorpus", "../corpus")).resolve(pair);
        }
        oldBytes = Files.readAllBytes(dir.resolve("v1.md"));
        newBytes = Files.readAllBytes(dir.resolve("v2.md"));
        System.out.printf("%n%s: %d + %d bytes%n", pair, oldBytes.length, newBytes.length);
    }

    /** The engine's own path without the significance annotations (ChangeMeaning), to tell the two apart. */
    @Benchmark
    public DiffResult extractSegmentAlignDiffWithoutMeaning() {
        return DocumentDiff.between(
                engine.segment(engine.extract(oldBytes, "text/markdown", "v1.md", ExtractOptions.NONE).blocks()),
                engine.segment(engine.extract(newBytes, "text/markdown", "v2.md", ExtractOptions.NONE).blocks()));
    }

    @Benchmark
    public DiffResult extractSegmentAlignDiff() {
        return engine.compare(
                engine.extract(oldBytes, "text/markdown", "v1.md", ExtractOptions.NONE),
                engine.extract(newBytes, "text/markdown", "v2.md", ExtractOptions.NONE));
    }
}

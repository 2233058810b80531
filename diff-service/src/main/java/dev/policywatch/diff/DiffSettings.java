package dev.policywatch.diff;

import dev.policywatch.diff.replay.Generation;
import dev.policywatch.diff.stream.BoundedRocksDbMemory;
import dev.policywatch.support.PolicywatchSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * diff-service's own settings, all under {@code policywatch.diff}:
 * <ul>
 *   <li>{@code enabled} (true): run the Streams topology;</li>
 *   <li>{@code application-id} ({@code policywatch-diff}): the Streams application id (a new one
 *       replays the snapshots topic from the start, see docs/diff-service.md);</li>
 *   <li>{@code state-dir} ({@code <policywatch.data-dir>/streams}): where the state store lives;</li>
 *   <li>{@code commit-interval-ms} (100): how often a transaction commits, which bounds latency;</li>
 *   <li>{@code stream-threads} (2): Streams threads; the engine's comparison is CPU-bound;</li>
 *   <li>{@code history.enabled} (true): run the projection of changes into PostgreSQL;</li>
 *   <li>{@code history.group-id} ({@code policywatch-history}): the projection's consumer group;</li>
 *   <li>{@code max-change-bytes} (4 MiB): the largest DocumentChange; a bigger one is truncated
 *       (see {@code ChangeBudget});</li>
 *   <li>{@code max-thread-failures} (5): stream-thread failures tolerated within ten minutes; one more
 *       stops the topology and turns {@code /health} DOWN instead of failing on the same record forever;</li>
 *   <li>{@code rocksdb-memory-bytes} (64 MiB): native memory all the topology's RocksDB stores share
 *       (block cache and memtables, see {@code BoundedRocksDbMemory}); at least 8 MiB;</li>
 *   <li>{@code generation} (1): the replay generation; N &gt; 1 appends {@code -gN} to the application id
 *       and the group id and rebuilds the history once (see {@link Generation}).</li>
 * </ul>
 */
@Singleton
public final class DiffSettings {

    private final boolean enabled;
    private final String applicationId;
    private final Path stateDir;
    private final long commitIntervalMs;
    private final int streamThreads;
    private final boolean historyEnabled;
    private final String historyGroupId;
    private final Generation generation;
    private final int maxChangeBytes;
    private final int maxThreadFailures;
    private final long rocksDbMemoryBytes;

    public DiffSettings(PolicywatchSettings settings,
            @Nullable @Value("${policywatch.diff.enabled:true}") Boolean enabled,
            @Nullable @Value("${policywatch.diff.application-id:policywatch-diff}") String applicationId,
            @Nullable @Value("${policywatch.diff.state-dir:}") String stateDir,
            @Nullable @Value("${policywatch.diff.commit-interval-ms:100}") Long commitIntervalMs,
            @Nullable @Value("${policywatch.diff.stream-threads:2}") Integer streamThreads,
            @Nullable @Value("${policywatch.diff.history.enabled:true}") Boolean historyEnabled,
            @Nullable @Value("${policywatch.diff.history.group-id:policywatch-history}") String historyGroupId,
            @Nullable @Value("${policywatch.diff.generation:1}") Integer generation,
            @Nullable @Value("${policywatch.diff.max-change-bytes:4194304}") Integer maxChangeBytes,
            @Nullable @Value("${policywatch.diff.max-thread-failures:5}") Integer maxThreadFailures,
            @Nullable @Value("${policywatch.diff.rocksdb-memory-bytes:67108864}") Long rocksDbMemoryBytes) {
        this.generation = new Generation(generation == null ? 1 : generation);
        this.enabled = enabled == null || enabled;
        this.applicationId = this.generation.id(blank(applicationId) ? "policywatch-diff" : applicationId.trim());
        this.stateDir = blank(stateDir) ? Path.of(settings.dataDir(), "streams") : Path.of(stateDir.trim());
        this.commitIntervalMs = commitIntervalMs == null || commitIntervalMs < 1 ? 100 : commitIntervalMs;
        this.streamThreads = streamThreads == null || streamThreads < 1 ? 2 : streamThreads;
        this.historyEnabled = historyEnabled == null || historyEnabled;
        this.maxChangeBytes = maxChangeBytes == null ? 4 * 1024 * 1024 : maxChangeBytes;
        this.maxThreadFailures = maxThreadFailures == null || maxThreadFailures < 0 ? 5 : maxThreadFailures;
        this.rocksDbMemoryBytes = BoundedRocksDbMemory.budget(rocksDbMemoryBytes == null ? java.util.Map.of()
                : java.util.Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, rocksDbMemoryBytes));
        this.historyGroupId = this.generation.id(blank(historyGroupId) ? "policywatch-history" : historyGroupId.trim());
    }

    public boolean enabled() {
        return enabled;
    }

    public String applicationId() {
        return applicationId;
    }

    public Path stateDir() {
        return stateDir;
    }

    public long commitIntervalMs() {
        return commitIntervalMs;
    }

    public int streamThreads() {
        return streamThreads;
    }

    public boolean historyEnabled() {
        return historyEnabled;
    }

    public String historyGroupId() {
        return historyGroupId;
    }

    /** The largest DocumentChange in bytes of JSON; bigger ones are truncated. */
    public int maxChangeBytes() {
        return maxChangeBytes;
    }

    /** Stream-thread failures tolerated within ten minutes before the topology stops (health DOWN). */
    public int maxThreadFailures() {
        return maxThreadFailures;
    }

    /** Native memory (block cache and memtables) all RocksDB stores of the topology share. */
    public long rocksDbMemoryBytes() {
        return rocksDbMemoryBytes;
    }

    public Generation generation() {
        return generation;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

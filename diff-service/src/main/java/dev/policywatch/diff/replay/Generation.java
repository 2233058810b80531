package dev.policywatch.diff.replay;

/**
 * A replay generation ({@code policywatch.diff.generation}, default 1). Raising it rebuilds the
 * changes and the history from the snapshots topic: the Streams application and the history
 * projection get new ids (so both start from the earliest offsets with empty state), and the history
 * tables are emptied once when a higher generation first starts ({@link HistoryGenerations}). The
 * changeIds come out the same because they depend only on the snapshots (CONTRACT §2).
 *
 * <p>Generation 1 uses the configured ids unchanged; generation N &gt; 1 appends {@code -gN}.
 */
public record Generation(int number) {

    public Generation {
        if (number < 1) {
            throw new IllegalArgumentException("policywatch.diff.generation must be at least 1, was " + number);
        }
    }

    /** The id of this generation for a configured base id (Streams application id, consumer group). */
    public String id(String base) {
        return number == 1 ? base : base + "-g" + number;
    }
}

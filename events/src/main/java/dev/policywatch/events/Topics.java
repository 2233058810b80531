package dev.policywatch.events;

/**
 * Default topic names (CONTRACT §2) and the Kafka limits every client and topic is configured with.
 * Names are configurable in each service; these are the defaults.
 */
public final class Topics {

    public static final String SNAPSHOTS = "policywatch.snapshots";
    public static final String CHANGES = "policywatch.changes";
    public static final String DEAD_LETTER = "policywatch.dead-letter";
    /**
     * Administrators' corrected changes (docs/lineage.md), written by diff-service's API and read by its
     * topology, which relays them to {@link #CHANGES}; kept forever so that a replay applies them again.
     */
    public static final String CORRECTIONS = "policywatch.corrections";

    /** Messages up to 16 MB pass: a 300-page PDF is several MB of text. Topic max.message.bytes and client max.request.size. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Consumer fetch.max.bytes / max.partition.fetch.bytes: at least one full message. */
    public static final int MAX_FETCH_BYTES = MAX_MESSAGE_BYTES + 1024 * 1024;
    /** Producers compress. */
    public static final String COMPRESSION = "zstd";
    /** Default partition count of the policywatch topics. */
    public static final int DEFAULT_PARTITIONS = 3;

    /** Dead-letter headers: where the failed record came from and why it failed. */
    public static final String HEADER_ORIGINAL_TOPIC = "pw.original.topic";
    public static final String HEADER_ORIGINAL_PARTITION = "pw.original.partition";
    public static final String HEADER_ORIGINAL_OFFSET = "pw.original.offset";
    public static final String HEADER_ERROR_CLASS = "pw.error.class";
    public static final String HEADER_ERROR_MESSAGE = "pw.error.message";
    public static final String HEADER_FAILED_BY = "pw.failed.by";

    private Topics() {
    }
}

package dev.policywatch.diff.stream;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds what a {@link DocumentChange} carries so that it always fits on the changes topic. A change
 * whose JSON is larger than {@code maxBytes} keeps its structure changes and then its provision changes
 * in document order while they fit, and is marked {@code truncated} with the path of the history API
 * that computes the whole diff (the history keeps both versions' text). Its summary still counts every
 * provision change. Pure: no Kafka, no clock.
 *
 * <p>Without this, a page with tens of thousands of edited articles made a change larger than the
 * topic accepts, and the stream thread failed on it forever (issue #12, item 1).
 */
public final class ChangeBudget {

    /** A quarter of the topic's limit: a huge change is for the history API, not for an alert. */
    public static final int DEFAULT_MAX_BYTES = Topics.MAX_MESSAGE_BYTES / 4;
    /** Room left for the fields outside the lists, the flag and the path. */
    private static final int SLACK = 4096;

    /** What a record may weigh besides its value (key, headers, batch overhead). */
    private static final int RECORD_OVERHEAD = 16 * 1024;

    private final int maxBytes;
    private final int maxRecordBytes;

    /** Changes truncated to {@code maxBytes}; records up to the topics' {@link Topics#MAX_MESSAGE_BYTES}. */
    public ChangeBudget(int maxBytes) {
        this(maxBytes, Topics.MAX_MESSAGE_BYTES);
    }

    /**
     * @param maxBytes       a change larger than this is truncated
     * @param maxRecordBytes the producer's {@code max.request.size}: a record whose value would not fit
     *                       is never sent (under exactly-once a refused send fails the whole transaction,
     *                       and the same snapshot again and again), it is a dead letter
     */
    public ChangeBudget(int maxBytes, int maxRecordBytes) {
        if (maxBytes < 64 * 1024 || maxBytes > Topics.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("policywatch.diff.max-change-bytes must be between 65536 and "
                    + Topics.MAX_MESSAGE_BYTES + ", was " + maxBytes);
        }
        if (maxRecordBytes <= RECORD_OVERHEAD) {
            throw new IllegalArgumentException("maxRecordBytes must exceed " + RECORD_OVERHEAD + ", was " + maxRecordBytes);
        }
        this.maxBytes = maxBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    public static ChangeBudget defaults() {
        return new ChangeBudget(DEFAULT_MAX_BYTES);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Whether a record with this value can be produced. */
    public boolean producible(byte[] value) {
        return value == null || value.length + RECORD_OVERHEAD <= maxRecordBytes;
    }

    /** The largest value {@link #producible} accepts. */
    public int maxValueBytes() {
        return maxRecordBytes - RECORD_OVERHEAD;
    }

    /** {@code change} itself when it fits, else the truncated change. */
    public DocumentChange fit(DocumentChange change) {
        if (EventJson.write(change).length <= maxBytes) {
            return change;
        }
        DocumentChange empty = change.truncatedTo(List.of(), List.of());
        long used = EventJson.write(empty).length + SLACK;
        List<ProvisionChange> structure = new ArrayList<>();
        List<ProvisionChange> provisions = new ArrayList<>();
        boolean full = false;
        for (ProvisionChange c : change.structureChanges()) {
            long size = EventJson.write(c).length + 1L;
            if (used + size > maxBytes) {
                full = true;
                break;
            }
            used += size;
            structure.add(c);
        }
        if (!full) {
            for (ProvisionChange c : change.changes()) {
                long size = EventJson.write(c).length + 1L;
                if (used + size > maxBytes) {
                    break;
                }
                used += size;
                provisions.add(c);
            }
        }
        return change.truncatedTo(provisions, structure);
    }
}

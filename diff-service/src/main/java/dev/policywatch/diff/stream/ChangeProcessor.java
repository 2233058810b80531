package dev.policywatch.diff.stream;

import dev.policywatch.events.Block;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.kafka.DeadLetters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one snapshot (raw bytes, so an unreadable one is ours to route), asks {@link ChangeDetector}
 * and forwards either the change or a dead letter with the {@link DeadLetters} headers. Snapshots that
 * make no version are counted in the {@code policywatch-diff} metrics group ({@code snapshots-identical},
 * {@code snapshots-late}, {@code snapshots-dead-lettered}).
 */
final class ChangeProcessor implements Processor<String, byte[], String, Routed> {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeProcessor.class);
    static final String METRIC_GROUP = "policywatch-diff";

    private final ChangeDetector detector;
    private final Supplier<Instant> clock;
    private final ChangeBudget budget;
    private final Linker linker;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, DocumentHead> heads;
    private KeyValueStore<String, VersionBlocks> blocks;
    private Sensor identical;
    private Sensor late;
    private Sensor deadLettered;

    ChangeProcessor(ChangeDetector detector, Supplier<Instant> clock, ChangeBudget budget, Linker linker) {
        this.detector = detector;
        this.clock = clock;
        this.budget = budget;
        this.linker = linker;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.heads = context.getStateStore(ChangeTopology.VERSIONS_STORE);
        this.blocks = context.getStateStore(ChangeTopology.BLOCKS_STORE);
        this.identical = counter("snapshots-identical", "snapshots whose content equals the stored version");
        this.late = counter("snapshots-late", "snapshots fetched before the stored version (arrived late), ignored");
        this.deadLettered = counter("snapshots-dead-lettered", "snapshots that could not be read or processed");
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ChangeDetector.Decision decision;
        PageSnapshot snapshot = null;
        byte[] changeBytes = null;
        try {
            if (!budget.producible(record.value())) {
                // its blocks could not be kept in the store's changelog either
                throw new RecordTooLargeException("snapshot of " + record.value().length + " bytes is over the "
                        + budget.maxValueBytes() + "-byte limit of this topology's records");
            }
            snapshot = EventJson.read(record.value(), PageSnapshot.class);
            if (record.key() != null && !record.key().equals(snapshot.documentId())) {
                throw new IllegalArgumentException("record key " + record.key() + " is not the snapshot's documentId "
                        + snapshot.documentId());
            }
            String documentId = snapshot.documentId();
            decision = detector.decide(heads.get(documentId), () -> storedBlocks(documentId), snapshot,
                    detectedAt(record));
            if (decision instanceof ChangeDetector.Emit emit) {
                // a document that appears may replace an earlier one (docs/lineage.md)
                emit = new ChangeDetector.Emit(linker.link(emit.change(), emit.blocks()), emit.next(), emit.blocks());
                decision = emit;
                changeBytes = EventJson.write(emit.change());
                if (!budget.producible(changeBytes)) {
                    // under exactly-once a refused send fails the transaction, and the same snapshot again
                    throw new RecordTooLargeException("cannot produce to the changes topic: change "
                            + emit.change().changeId() + " is " + changeBytes.length + " bytes, over the "
                            + budget.maxValueBytes() + "-byte limit");
                }
            }
        } catch (RuntimeException e) {
            deadLetter(record, snapshot, e);
            return;
        }
        if (decision instanceof ChangeDetector.Emit emit) {
            DocumentChange change = emit.change();
            heads.put(change.documentId(), emit.next());
            if (emit.blocks().isEmpty()) {
                blocks.delete(change.documentId());
            } else {
                blocks.put(change.documentId(), new VersionBlocks(emit.blocks()));
            }
            context.forward(new Record<>(change.documentId(), Routed.change(changeBytes),
                    record.timestamp(), new RecordHeaders()));
            LOG.debug("{} {} of {}", change.kind(), change.changeId(), change.documentId());
        } else if (((ChangeDetector.Skip) decision).reason() == ChangeDetector.Skip.Reason.LATE) {
            late.record();
            LOG.info("Late snapshot of {} fetched at {} ignored: a newer version is stored", snapshot.documentId(),
                    snapshot.fetchedAt());
        } else {
            identical.record();
        }
    }

    private List<Block> storedBlocks(String documentId) {
        VersionBlocks stored = blocks.get(documentId);
        return stored == null ? List.of() : stored.blocks();
    }

    /** The record's timestamp (the snapshot's produce time), so a replay detects at the same instants. */
    private Instant detectedAt(Record<String, byte[]> record) {
        return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : clock.get();
    }

    private void deadLetter(Record<String, byte[]> record, PageSnapshot snapshot, RuntimeException error) {
        deadLettered.record();
        deadLetter(context, budget, record, "Snapshot", snapshot == null ? record.key() : snapshot.documentId(), error);
    }

    /**
     * Forwards {@code record} as a dead letter with the {@link DeadLetters} headers (where it was, why it
     * failed); a record too large to produce goes as headers only. Shared with {@link CorrectionRelay}.
     */
    static void deadLetter(ProcessorContext<String, Routed> context, ChangeBudget budget, Record<String, byte[]> record,
            String what, String documentId, RuntimeException error) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? "unknown" : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        LOG.warn("{} {}-{}@{} (documentId {}) sent to the dead-letter topic: {}", what, topic, partition, offset,
                documentId, error.getMessage());
        byte[] value = budget.producible(record.value()) ? record.value() : null;
        context.forward(new Record<>(record.key(), Routed.deadLetter(value), record.timestamp(),
                DeadLetters.headers(topic, partition, offset, "diff-service", error)));
    }

    private Sensor counter(String name, String description) {
        Sensor sensor = context.metrics().addSensor(METRIC_GROUP + "." + name, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name + "-total", METRIC_GROUP, description, Map.of()), new CumulativeCount());
        return sensor;
    }
}

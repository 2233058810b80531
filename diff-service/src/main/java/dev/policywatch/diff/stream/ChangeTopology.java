package dev.policywatch.diff.stream;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.events.Topics;
import dev.policywatch.support.kafka.JsonSerde;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The diff-service topology, built by one method that the application and the tests both call:
 * <pre>
 * snapshots ─▶ snapshots-source ─▶ diff-snapshots (stores document-versions, document-blocks) ─▶ route-
 *                 ├─ route-dead-letter ─▶ dead-letter-bytes ─▶ dead-letter-sink  (policywatch.dead-letter)
 *                 └─ route-change      ─▶ change-bytes      ─▶ changes-sink      (policywatch.changes)
 * corrections ─▶ corrections-source ─▶ relay-corrections ─▶ correction-route-
 *                 ├─ correction-route-dead-letter ─▶ … ─▶ correction-dead-letter-sink
 *                 └─ correction-route-change      ─▶ … ─▶ correction-changes-sink (policywatch.changes)
 * </pre>
 * The second part exists when {@link TopicNames#corrections()} is set: an administrator's corrected
 * change ({@link CorrectionRelay}, docs/lineage.md) reaches the changes topic through the same
 * exactly-once transactions as every other change, and a replay reads the corrections again.
 * Every processor and store is named so a new version of the topology keeps its state. Values
 * are read as bytes and parsed inside {@code diff-snapshots}, so an unreadable snapshot becomes a
 * dead letter instead of stopping the application; each change is bounded by a {@link ChangeBudget},
 * and a record that still cannot be produced is a dead letter of {@link DeadLetterHandlers}.
 */
public final class ChangeTopology {

    /** The persistent store of each document's latest version (small: {@link DocumentHead}). */
    public static final String VERSIONS_STORE = "document-versions";
    /** The persistent store of the blocks of each document's latest version (what the next one is compared with). */
    public static final String BLOCKS_STORE = "document-blocks";

    private ChangeTopology() {
    }

    /** The topics the topology reads and writes; {@code corrections} null = no corrections are read. */
    public record TopicNames(String snapshots, String changes, String deadLetter, String corrections) {

        public TopicNames {
            Objects.requireNonNull(snapshots, "snapshots topic");
            Objects.requireNonNull(changes, "changes topic");
            Objects.requireNonNull(deadLetter, "dead-letter topic");
        }

        /** The topics of a topology that reads no corrections. */
        public TopicNames(String snapshots, String changes, String deadLetter) {
            this(snapshots, changes, deadLetter, null);
        }

        public static TopicNames defaults() {
            return new TopicNames(Topics.SNAPSHOTS, Topics.CHANGES, Topics.DEAD_LETTER, Topics.CORRECTIONS);
        }
    }

    /**
     * Adds the topology to {@code builder} and builds it.
     *
     * @param comparer the provision diff (the engine in production)
     * @param clock    detectedAt for a record without a timestamp; records normally carry one, which
     *                 keeps detectedAt the same on a replay
     */
    public static Topology build(StreamsBuilder builder, TopicNames topics, DocumentComparer comparer,
            Supplier<Instant> clock) {
        return build(builder, topics, comparer, clock, ChangeBudget.defaults());
    }

    /** As {@link #build(StreamsBuilder, TopicNames, DocumentComparer, Supplier)}, each change bounded by {@code budget}. */
    public static Topology build(StreamsBuilder builder, TopicNames topics, DocumentComparer comparer,
            Supplier<Instant> clock, ChangeBudget budget) {
        return build(builder, topics, comparer, clock, budget, PredecessorIndex.NONE);
    }

    /**
     * As {@link #build(StreamsBuilder, TopicNames, DocumentComparer, Supplier, ChangeBudget)}, a document
     * that appears being linked to the earlier one it replaces among {@code predecessors}
     * (docs/lineage.md).
     */
    public static Topology build(StreamsBuilder builder, TopicNames topics, DocumentComparer comparer,
            Supplier<Instant> clock, ChangeBudget budget, PredecessorIndex predecessors) {
        ChangeDetector detector = new ChangeDetector(comparer, budget);
        Linker linker = new Linker(predecessors, comparer, budget);
        builder.addStateStore(store(VERSIONS_STORE, DocumentHead.class));
        builder.addStateStore(store(BLOCKS_STORE, VersionBlocks.class));
        KStream<String, Routed> routed = builder
                .stream(topics.snapshots(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("snapshots-source"))
                .process(() -> new ChangeProcessor(detector, clock, budget, linker), Named.as("diff-snapshots"), VERSIONS_STORE,
                        BLOCKS_STORE);
        route(routed, topics, "");
        if (topics.corrections() != null) {
            KStream<String, Routed> corrections = builder
                    .stream(topics.corrections(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                            .withName("corrections-source"))
                    .process(() -> new CorrectionRelay(budget), Named.as("relay-corrections"));
            route(corrections, topics, "correction-");
        }
        return builder.build();
    }

    /** Splits {@code routed} into the dead-letter and the changes topic, every node named with {@code prefix}. */
    private static void route(KStream<String, Routed> routed, TopicNames topics, String prefix) {
        routed.split(Named.as(prefix + "route-"))
                .branch((key, value) -> value.deadLetter(), Branched.<String, Routed>withConsumer(dead -> dead
                        .mapValues(Routed::bytes, Named.as(prefix + "dead-letter-bytes"))
                        .to(topics.deadLetter(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(prefix + "dead-letter-sink"))).withName("dead-letter"))
                .defaultBranch(Branched.<String, Routed>withConsumer(changes -> changes
                        .mapValues(Routed::bytes, Named.as(prefix + "change-bytes"))
                        .to(topics.changes(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(prefix + "changes-sink"))).withName("change"));
    }

    private static <T> StoreBuilder<KeyValueStore<String, T>> store(String name, Class<T> type) {
        // the blocks changelog holds whole documents: let it take the same 16 MB values as the topics
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), new JsonSerde<>(type))
                .withLoggingEnabled(Map.of("max.message.bytes", String.valueOf(Topics.MAX_FETCH_BYTES),
                        "cleanup.policy", "compact"));
    }
}

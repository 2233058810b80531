package dev.policywatch.diff.stream;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.events.Topics;
import dev.policywatch.support.ServiceStarts;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ChangeTopology} with exactly_once_v2 while the application runs: creates the topics at
 * start, starts on {@link StartupEvent} when {@code policywatch.diff.enabled} (default true), and on
 * shutdown closes leaving the consumer group, so a restart with the same application id does not wait
 * for the old member's session to time out. Owns its {@link KafkaStreams}; nothing of it is a bean.
 */
@Singleton
@Requires(property = "policywatch.diff.enabled", notEquals = "false")
public final class DiffStreams {

    private static final Logger LOG = LoggerFactory.getLogger(DiffStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;
    private final DiffSettings settings;
    private final DocumentComparer comparer;
    private final BeanProvider<MeterRegistry> meters;
    private final BeanProvider<PredecessorIndex> predecessors;
    private final CorrectionsTopic corrections;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private volatile ThreadFailures failures;

    public DiffStreams(KafkaSettings kafka, DiffSettings settings, DocumentComparer comparer,
            BeanProvider<MeterRegistry> meters, BeanProvider<PredecessorIndex> predecessors,
            CorrectionsTopic corrections) {
        this.predecessors = predecessors;
        this.corrections = corrections;
        this.kafka = kafka;
        this.settings = settings;
        this.comparer = comparer;
        this.meters = meters;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        event.getSource().getBean(ServiceStarts.class).run("diffStreams", this::start);
    }

    /** Creates the topics if needed and starts the topology (idempotent). */
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        List<NewTopic> topicsToCreate = new ArrayList<>(TopicInitializer.policywatchTopics(kafka));
        topicsToCreate.add(corrections.newTopic(kafka));
        TopicInitializer.ensure(kafka.bootstrapServers(), topicsToCreate);
        ChangeTopology.TopicNames topics = new ChangeTopology.TopicNames(kafka.snapshotsTopic(), kafka.changesTopic(),
                kafka.deadLetterTopic(), corrections.name());
        // the history holds every document of every partition: it is where a new document's predecessor is found
        Topology topology = ChangeTopology.build(new StreamsBuilder(), topics, comparer, Instant::now,
                new ChangeBudget(settings.maxChangeBytes()),
                predecessors.isPresent() ? predecessors.get() : PredecessorIndex.NONE);
        Properties config = config(kafka, settings.applicationId(), settings.stateDir().toString(),
                settings.commitIntervalMs());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        config.put(BoundedRocksDbMemory.MEMORY_CONFIG, settings.rocksDbMemoryBytes());
        config.put(DeadLetterHandlers.TOPIC_CONFIG, kafka.deadLetterTopic());
        failures = new ThreadFailures(settings.maxThreadFailures(), Duration.ofMinutes(10));
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setStateListener((now, before) -> LOG.info("diff-service streams {}: {} -> {}",
                settings.applicationId(), before, now));
        created.setUncaughtExceptionHandler(failures::onUncaught);
        if (meters.isPresent()) {
            // exposes the Streams metrics, snapshots-late-total etc. included, on /prometheus
            metrics = new KafkaStreamsMetrics(created);
            metrics.bindTo(meters.get());
        }
        created.start();
        streams = created;
        LOG.info("diff-service streams {} started: {} -> {} (state in {})", settings.applicationId(),
                topics.snapshots(), topics.changes(), settings.stateDir());
    }

    /** The running streams, for health and metrics; null before start and after close. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The stream-thread failures seen (for health); null before start. */
    ThreadFailures failures() {
        return failures;
    }

    /**
     * The Streams configuration of diff-service: exactly_once_v2, 16 MB messages, zstd, read_committed
     * (implied by EOS), {@link DeadLetterHandlers} (dead letters to {@link Topics#DEAD_LETTER}: set
     * {@value DeadLetterHandlers#TOPIC_CONFIG} on the result for another topic), one stream thread (set
     * {@code num.stream.threads} on the result for more), RocksDB stores bounded together by
     * {@link BoundedRocksDbMemory} (set {@value BoundedRocksDbMemory#MEMORY_CONFIG} for another budget).
     * Public so that the tests, the replay and the benchmark run the same settings.
     */
    public static Properties config(String bootstrapServers, String applicationId, String stateDir, long commitIntervalMs) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the topology has no global store; set what Streams asks for, so each start does not warn three times
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // every RocksDB store of the application shares one bounded block cache and memtable budget
        // (BoundedRocksDbMemory.MEMORY_CONFIG, 64 MiB unless set) instead of ~80 MB of its own
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        // a record that cannot be read, processed or produced is a dead letter; the partition moves on
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.class);
        p.put(DeadLetterHandlers.TOPIC_CONFIG, Topics.DEAD_LETTER);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), Topics.COMPRESSION);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // Diffing and classifying a huge document (tens of thousands of provisions) can outlast the 10 s
        // that exactly-once Streams gives a transaction by default; the broker would then abort the
        // transaction and the work would be redone. 60 s bounds how long a dead instance's open
        // transaction holds back read_committed readers after its partitions moved.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 60_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), Topics.MAX_FETCH_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), Topics.MAX_FETCH_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // After a crash (kill -9) the dead member holds its partitions until its session expires: keep
        // that short so a restarted standalone resumes in seconds, not the default 45 s.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), KafkaSettings.SESSION_TIMEOUT_MS);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), KafkaSettings.HEARTBEAT_INTERVAL_MS);
        return p;
    }

    /**
     * {@link #config(String, String, String, long)} for these Kafka settings: Kafka Streams' internal
     * topics (changelogs, repartition topics) get {@code policywatch.topics.replication-factor} and,
     * when set, {@code policywatch.topics.min-insync-replicas}, like every topic the services create.
     */
    public static Properties config(KafkaSettings kafka, String applicationId, String stateDir, long commitIntervalMs) {
        Properties p = config(kafka.bootstrapServers(), applicationId, stateDir, commitIntervalMs);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        p.put(DeadLetterHandlers.TOPIC_CONFIG, kafka.deadLetterTopic());
        kafka.minInsyncReplicas().ifPresent(n ->
                p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), String.valueOf(n)));
        return p;
    }

    /** Closes leaving the group (see NOTES.md: otherwise a restart stalls ~45 s). */
    public static void closeLeavingGroup(KafkaStreams streams, Duration timeout) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
    }

    @PreDestroy
    synchronized void close() {
        KafkaStreams s = streams;
        streams = null;
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (s != null) {
            closeLeavingGroup(s, CLOSE_TIMEOUT);
            LOG.info("diff-service streams {} closed", settings.applicationId());
        }
    }
}

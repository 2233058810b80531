package dev.policywatch.support.kafka;

import dev.policywatch.events.Topics;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Kafka client settings shared by the services: {@code kafka.bootstrap.servers} and the topic names
 * ({@code policywatch.topics.snapshots|changes|dead-letter}, defaults of {@link Topics}), and how the
 * topics a service creates are replicated ({@code policywatch.topics.replication-factor}, default 1 for
 * the embedded broker, 3 on a cluster; {@code policywatch.topics.min-insync-replicas}, unset = the
 * broker's {@code min.insync.replicas}). Producers are idempotent, acks=all, zstd, 16 MB requests;
 * consumers read committed data with fetch sizes that take a 16 MB message.
 */
@Singleton
public final class KafkaSettings {

    /**
     * Consumer session timeout: a member that died without leaving (kill -9) holds its partitions this
     * long. Short, so that a restart resumes within seconds; heartbeats come from a background thread.
     */
    public static final int SESSION_TIMEOUT_MS = 10_000;
    public static final int HEARTBEAT_INTERVAL_MS = 3_000;

    private final String bootstrapServers;
    private final String snapshotsTopic;
    private final String changesTopic;
    private final String deadLetterTopic;
    private final int partitions;
    private final short replicationFactor;
    private final Integer minInsyncReplicas;

    public KafkaSettings(@Value("${kafka.bootstrap.servers:localhost:9092}") String bootstrapServers,
            @Value("${policywatch.topics.snapshots:" + Topics.SNAPSHOTS + "}") String snapshotsTopic,
            @Value("${policywatch.topics.changes:" + Topics.CHANGES + "}") String changesTopic,
            @Value("${policywatch.topics.dead-letter:" + Topics.DEAD_LETTER + "}") String deadLetterTopic,
            @Nullable @Value("${policywatch.topics.partitions:3}") Integer partitions,
            @Nullable @Value("${policywatch.topics.replication-factor:1}") Integer replicationFactor,
            @Nullable @Value("${policywatch.topics.min-insync-replicas:}") Integer minInsyncReplicas) {
        this.bootstrapServers = bootstrapServers;
        this.snapshotsTopic = snapshotsTopic;
        this.changesTopic = changesTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.partitions = partitions == null || partitions < 1 ? Topics.DEFAULT_PARTITIONS : partitions;
        int rf = replicationFactor == null ? 1 : replicationFactor;
        if (rf < 1 || rf > Short.MAX_VALUE) {
            throw new IllegalArgumentException("policywatch.topics.replication-factor must be at least 1, was " + rf);
        }
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > rf)) {
            throw new IllegalArgumentException("policywatch.topics.min-insync-replicas must be between 1 and the"
                    + " replication factor " + rf + ", was " + minInsyncReplicas);
        }
        this.replicationFactor = (short) rf;
        this.minInsyncReplicas = minInsyncReplicas;
    }


    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String snapshotsTopic() {
        return snapshotsTopic;
    }

    public String changesTopic() {
        return changesTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public int partitions() {
        return partitions;
    }

    /** Replication factor of every topic a service creates, Kafka Streams' internal topics included. */
    public short replicationFactor() {
        return replicationFactor;
    }

    /** {@code min.insync.replicas} of the topics a service creates; empty = the broker's default. */
    public OptionalInt minInsyncReplicas() {
        return minInsyncReplicas == null ? OptionalInt.empty() : OptionalInt.of(minInsyncReplicas);
    }

    /**
     * A topic to create with this replication: {@code configs} plus {@code min.insync.replicas} when it
     * is set. Every topic a service creates is declared through here.
     */
    public NewTopic newTopic(String name, int topicPartitions, Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        minInsyncReplicas().ifPresent(n -> all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(n)));
        return new NewTopic(name, topicPartitions, replicationFactor).configs(all);
    }

    /** Idempotent, acks=all, zstd, 16 MB. Add a transactional id for transactions. */
    public Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, Topics.COMPRESSION);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return p;
    }

    /** read_committed, manual commits, earliest, fetch sizes for 16 MB messages. */
    public Map<String, Object> consumerConfig(String groupId, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        return c;
    }
}

package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.support.kafka.KafkaSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Kafka Streams' internal topics are replicated like every other topic of the services. */
class DiffStreamsConfigTest {

    @Test
    void internalTopicsTakeTheConfiguredReplicationFactorAndMinInsyncReplicas() {
        StreamsConfig config = new StreamsConfig(DiffStreams.config(settings(3, 2), "pw-test", "/tmp/unused", 100));
        assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)).containsEntry("min.insync.replicas", "2");
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void withoutSettingsTheInternalTopicsSuitTheEmbeddedBroker() {
        StreamsConfig config = new StreamsConfig(DiffStreams.config(settings(null, null), "pw-test", "/tmp/unused", 100));
        assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
        assertThat(config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)).doesNotContainKey("min.insync.replicas");
    }

    /** The settings as the services bind them ({@code policywatch.topics.*}). */
    private static KafkaSettings settings(Integer replicationFactor, Integer minInsync) {
        return new KafkaSettings("127.0.0.1:1", "snapshots", "changes", "dead-letter", 3, replicationFactor, minInsync);
    }
}

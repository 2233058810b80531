package dev.policywatch.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code policywatch.topics.replication-factor} and {@code .min-insync-replicas} reach the topics a service creates. */
@ExtendWith(RealInfrastructure.class)
class TopicReplicationTest {

    @Test
    void everyPolicywatchTopicTakesTheConfiguredReplication() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "policywatch.topics.replication-factor", "3", "policywatch.topics.min-insync-replicas", "2"))) {
            KafkaSettings kafka = ctx.getBean(KafkaSettings.class);
            List<NewTopic> topics = TopicInitializer.policywatchTopics(kafka);
            assertThat(topics).extracting(NewTopic::name)
                    .containsExactly("policywatch.snapshots", "policywatch.changes", "policywatch.dead-letter");
            assertThat(topics).allSatisfy(t -> {
                assertThat(t.replicationFactor()).isEqualTo((short) 3);
                assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
            });
        }
    }

    @Test
    void defaultsSuitTheEmbeddedBroker() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of())) {
            KafkaSettings kafka = ctx.getBean(KafkaSettings.class);
            assertThat(kafka.replicationFactor()).isEqualTo((short) 1);
            assertThat(kafka.minInsyncReplicas()).isEmpty();
            assertThat(TopicInitializer.policywatchTopics(kafka)).allSatisfy(t -> {
                assertThat(t.replicationFactor()).isEqualTo((short) 1);
                assertThat(t.configs()).doesNotContainKey("min.insync.replicas");
            });
        }
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorIsRefusedByName() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "policywatch.topics.replication-factor", "2", "policywatch.topics.min-insync-replicas", "3"))) {
            assertThatThrownBy(() -> ctx.getBean(KafkaSettings.class))
                    .isInstanceOf(BeanInstantiationException.class)
                    .hasStackTraceContaining("policywatch.topics.min-insync-replicas must be between 1 and the replication factor 2");
        }
    }

    @Test
    void theBrokerCreatesTopicsWithTheConfiguredMinInsyncReplicas(TestInfra infra) throws Exception {
        String topic = infra.name("replicated");
        KafkaSettings kafka = settings(infra, 1, 1);
        TopicInitializer.ensure(kafka.bootstrapServers(), List.of(kafka.newTopic(topic, 2, Map.of("retention.ms", "-1"))));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(description.partitions()).hasSize(2)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            ConfigEntry minIsr = config.get("min.insync.replicas");
            assertThat(minIsr.value()).isEqualTo("1");
            assertThat(minIsr.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
    }

    @Test
    void aReplicationFactorTheClusterCannotHoldFailsWithTheReason(TestInfra infra) {
        // the shared test broker is a single node: replication factor 3 must reach it and be refused
        KafkaSettings kafka = settings(infra, 3, 2);
        String topic = infra.name("too-replicated");
        assertThatThrownBy(() -> TopicInitializer.ensure(kafka.bootstrapServers(),
                List.of(kafka.newTopic(topic, 1, Map.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create the policywatch topics")
                .hasMessageContaining("eplication factor");
    }

    private static KafkaSettings settings(TestInfra infra, int replicationFactor, int minInsync) {
        return new KafkaSettings(infra.kafkaBootstrap(), infra.name("snapshots"), infra.name("changes"),
                infra.name("dead-letter"), 1, replicationFactor, minInsync);
    }
}

package dev.policywatch.support.kafka;

import dev.policywatch.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the policywatch topics that do not exist yet (Kafka Streams stops when a source topic is
 * missing). Snapshots and changes are kept forever (replay rebuilds history from them); every topic
 * takes 16 MB messages. Replication comes from {@link KafkaSettings#newTopic}. Existing topics are left
 * as the operator configured them.
 */
public final class TopicInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    private TopicInitializer() {
    }

    /** The three topics of CONTRACT §2 with their configuration and the configured replication. */
    public static List<NewTopic> policywatchTopics(KafkaSettings kafka) {
        Map<String, String> deadLetter = Map.of(
                "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(30)),
                "max.message.bytes", String.valueOf(Topics.MAX_FETCH_BYTES));
        return List.of(
                keptForever(kafka, kafka.snapshotsTopic()),
                keptForever(kafka, kafka.changesTopic()),
                kafka.newTopic(kafka.deadLetterTopic(), 1, deadLetter));
    }

    /**
     * A topic kept forever (a replay reads it from the start) with the configured partitions and
     * replication, taking 16 MB messages: snapshots, changes, and diff-service's corrections.
     */
    public static NewTopic keptForever(KafkaSettings kafka, String name) {
        return kafka.newTopic(name, kafka.partitions(), Map.of(
                "retention.ms", "-1",
                "max.message.bytes", String.valueOf(Topics.MAX_FETCH_BYTES),
                "compression.type", "producer"));
    }

    /** Creates the missing ones among {@code topics}; waits up to 60 s for the cluster. */
    public static void ensure(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic t : topics) {
                if (!existing.contains(t.name())) {
                    missing.add(t);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (NewTopic t : missing) {
                try {
                    admin.createTopics(List.of(t)).all().get(60, TimeUnit.SECONDS);
                    LOG.info("Created topic {} ({} partitions, replication factor {})", t.name(), t.numPartitions(),
                            t.replicationFactor());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the policywatch topics on " + bootstrapServers
                    + ": is Kafka reachable? (" + e.getMessage() + ")", e);
        }
    }
}

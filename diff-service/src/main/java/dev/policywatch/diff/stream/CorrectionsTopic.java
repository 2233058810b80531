package dev.policywatch.diff.stream;

import dev.policywatch.events.Topics;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicInitializer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topic of administrators' corrected changes ({@code policywatch.topics.corrections}, default
 * {@value Topics#CORRECTIONS}; docs/lineage.md): written by the correction endpoints, read by the
 * topology. Created by diff-service with the configured partitions, kept forever.
 */
@Singleton
public final class CorrectionsTopic {

    private final String name;

    public CorrectionsTopic(@Value("${policywatch.topics.corrections:" + Topics.CORRECTIONS + "}") String name) {
        this.name = name == null || name.isBlank() ? Topics.CORRECTIONS : name.trim();
    }

    public String name() {
        return name;
    }

    /** The topic to create. */
    public NewTopic newTopic(KafkaSettings kafka) {
        return TopicInitializer.keptForever(kafka, name);
    }
}

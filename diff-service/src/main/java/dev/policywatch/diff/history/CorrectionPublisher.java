package dev.policywatch.diff.history;

import dev.policywatch.diff.stream.CorrectionsTopic;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.support.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes an administrator's corrected change to the corrections topic (keyed by documentId) and waits
 * for the broker's acknowledgement, so that an answer of 202 means the correction is on the topic.
 * The producer is idempotent and created on first use. Thread-safe.
 */
@Singleton
public class CorrectionPublisher {

    private final KafkaSettings kafka;
    private final CorrectionsTopic topic;
    private KafkaProducer<String, byte[]> producer;

    public CorrectionPublisher(KafkaSettings kafka, CorrectionsTopic topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** Publishes {@code change}; throws when the broker did not take it within 30 s. */
    public void publish(DocumentChange change) {
        try {
            producer().send(new ProducerRecord<>(topic.name(), change.documentId(), EventJson.write(change)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing correction " + change.changeId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish correction " + change.changeId() + " to " + topic.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producerConfig("policywatch-diff-corrections"), new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}

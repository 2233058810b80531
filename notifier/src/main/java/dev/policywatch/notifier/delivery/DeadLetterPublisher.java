package dev.policywatch.notifier.delivery;

import dev.policywatch.events.EventJson;
import dev.policywatch.support.kafka.DeadLetters;
import dev.policywatch.support.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The notifier's writer to the dead-letter topic for deliveries given up on (a JSON description: delivery, subscription, change, attempts, error —
 * never the target, which is a secret). Owns its producer; {@link #close()} releases it.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    /** Value of the {@code pw.original.topic} header of a dead delivery. */
    public static final String OUTBOX = "notifier.outbox";

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(KafkaSettings kafka) {
        this.producer = new KafkaProducer<>(kafka.producerConfig("policywatch-notifier-dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = kafka.deadLetterTopic();
    }

    /** A delivery given up on. */
    public void delivery(long deliveryId, String subscriptionId, String changeId, String kind, int attempts,
            String reason) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("deliveryId", deliveryId);
        value.put("subscriptionId", subscriptionId);
        value.put("changeId", changeId);
        value.put("kind", kind);
        value.put("attempts", attempts);
        value.put("error", reason);
        Headers headers = DeadLetters.headers(OUTBOX, -1, deliveryId, "notifier",
                new IllegalStateException(reason));
        byte[] key = (changeId == null ? subscriptionId : changeId).getBytes(StandardCharsets.UTF_8);
        try {
            producer.send(new ProducerRecord<>(topic, null, key, EventJson.write(value), headers)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the dead letter of delivery " + deliveryId, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

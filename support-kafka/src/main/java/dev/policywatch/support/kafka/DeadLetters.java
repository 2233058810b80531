package dev.policywatch.support.kafka;

import dev.policywatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a record that could not be read or processed to the dead-letter topic (CONTRACT §2): the
 * original key and value bytes, with headers naming the topic, partition, offset, the service that
 * gave up and why. The caller then moves on; nothing is dropped silently.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_REASON = 2000;

    private DeadLetters() {
    }

    /** Headers for a dead letter of {@code record} failed by {@code service} with {@code error}. */
    public static Headers headers(String topic, int partition, long offset, String service, Throwable error) {
        return headers(topic, partition, offset, service, error, String.valueOf(error.getMessage()));
    }

    /** Headers with the reason told in {@code message} (for instance what was being done when {@code error} came). */
    public static Headers headers(String topic, int partition, long offset, String service, Throwable error,
            String message) {
        Headers h = new RecordHeaders();
        h.add(Topics.HEADER_ORIGINAL_TOPIC, bytes(topic));
        h.add(Topics.HEADER_ORIGINAL_PARTITION, bytes(String.valueOf(partition)));
        h.add(Topics.HEADER_ORIGINAL_OFFSET, bytes(String.valueOf(offset)));
        h.add(Topics.HEADER_FAILED_BY, bytes(service));
        h.add(Topics.HEADER_ERROR_CLASS, bytes(error.getClass().getName()));
        h.add(Topics.HEADER_ERROR_MESSAGE, bytes(message.length() > MAX_REASON
                ? message.substring(0, MAX_REASON) + "…" : message));
        return h;
    }

    /** Sends the dead letter and waits for the broker's acknowledgement (a lost dead letter is a lost record). */
    public static void send(Producer<byte[], byte[]> producer, String deadLetterTopic,
            ConsumerRecord<byte[], byte[]> record, String service, Throwable error) {
        Headers headers = headers(record.topic(), record.partition(), record.offset(), service, error);
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers))
                    .get(60, TimeUnit.SECONDS);
            LOG.warn("Record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, error.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write dead letter for " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

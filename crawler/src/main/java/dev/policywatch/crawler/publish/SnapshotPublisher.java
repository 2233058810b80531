package dev.policywatch.crawler.publish;

import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicInitializer;
import dev.policywatch.support.kafka.TopicReplay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link PageSnapshot}s to the snapshots topic keyed by documentId, and remembers what was
 * published ({@link PublishedState}). Owns its Kafka producer (idempotent, acks=all, zstd, 16 MB, from
 * {@link KafkaSettings#producerConfig}) and closes it on shutdown.
 *
 * <p>{@link #start()} creates the topic if missing and rebuilds the state by reading the snapshots
 * topic from the start ({@link TopicReplay}), so a restart republishes nothing that did not change.
 * {@link #publish} sends once and waits for the broker's acknowledgement while the idempotent producer
 * retries (never a second send of ours: that could publish twice); when it fails it throws, the caller keeps the
 * document's old state (so the next crawl publishes again) and shows the error: nothing is dropped silently.
 */
@Singleton
public final class SnapshotPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final KafkaSettings kafka;
    private final Duration sendTimeout;
    private final long maxSnapshotBytes;
    private final Counter failures;
    private final Counter published;
    private final PublishedState state = new PublishedState();
    private volatile KafkaProducer<String, byte[]> producer;

    public SnapshotPublisher(KafkaSettings kafka, MeterRegistry registry,
            @Value("${policywatch.crawler.publish-timeout:30s}") Duration sendTimeout,
            @Value("${policywatch.crawler.max-snapshot-bytes:15728640}") long maxSnapshotBytes) {
        this.kafka = kafka;
        this.maxSnapshotBytes = maxSnapshotBytes;
        if (sendTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("policywatch.crawler.publish-timeout must be at least 1s, was "
                    + sendTimeout);
        }
        this.sendTimeout = sendTimeout;
        this.failures = Counter.builder("policywatch.crawler.publish.failures")
                .description("snapshots that could not be published after retries").register(registry);
        this.published = Counter.builder("policywatch.crawler.published")
                .description("snapshots published").register(registry);
    }

    /** A snapshot could not be written. */
    public static class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A snapshot larger than {@code policywatch.crawler.max-snapshot-bytes}: never sent, retrying cannot help. */
    public static final class SnapshotTooLargeException extends PublishException {
        public SnapshotTooLargeException(String message) {
            super(message, null);
        }
    }

    /** Creates the snapshots topic if needed, starts the producer and rebuilds the published state. */
    public synchronized void start() {
        if (producer != null) {
            return;
        }
        TopicInitializer.ensure(kafka.bootstrapServers(),
                TopicInitializer.policywatchTopics(kafka).stream()
                        .filter(t -> t.name().equals(kafka.snapshotsTopic())).toList());
        rebuild();
        Map<String, Object> config = new HashMap<>(kafka.producerConfig("policywatch-crawler"));
        int timeout = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout - 10));
        config.put(ProducerConfig.LINGER_MS_CONFIG, Math.min(5, timeout / 100));
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** What was last published per document. */
    public PublishedState state() {
        return state;
    }

    /**
     * Publishes and records the snapshot, or throws. A snapshot over {@code max-snapshot-bytes} serialized
     * is refused with {@link SnapshotTooLargeException}. One send: the idempotent producer retries it itself
     * until {@code publish-timeout} (its {@code delivery.timeout.ms}), and only it can retry without
     * duplicates. Sending again ourselves after a timed-out wait would publish twice when the first
     * send was only slow (issue #14 item 3).
     */
    public void publish(PageSnapshot snapshot) throws PublishException {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            throw new PublishException("the publisher is not started", null);
        }
        byte[] value = EventJson.write(snapshot);
        if (value.length > maxSnapshotBytes) {
            throw new SnapshotTooLargeException("snapshot of " + value.length + " bytes is over the "
                    + maxSnapshotBytes + " bytes the snapshots topic is given (policywatch.crawler.max-snapshot-bytes)");
        }
        Throwable cause;
        try {
            // the future always completes by delivery.timeout.ms; the margin only guards against a bug
            p.send(new ProducerRecord<>(kafka.snapshotsTopic(), snapshot.documentId(), value))
                    .get(sendTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            state.record(snapshot);
            published.increment();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause = e;
        } catch (ExecutionException e) {
            cause = e.getCause();
        } catch (TimeoutException | RuntimeException e) {
            cause = e;
        }
        failures.increment();
        LOG.warn("Publishing snapshot of {} failed: {}", snapshot.documentId(), cause.toString());
        throw new PublishException("cannot publish snapshot of " + snapshot.documentId() + " to "
                + kafka.snapshotsTopic() + ": " + cause, cause);
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    private void rebuild() {
        int[] unreadable = {0};
        TopicReplay.Result read = TopicReplay.readToEnd(kafka, kafka.snapshotsTopic(), "policywatch-crawler-state",
                Duration.ofSeconds(120), r -> {
                    try {
                        state.record(EventJson.read(r.value(), PageSnapshot.class));
                    } catch (EventFormatException | IllegalArgumentException e) {
                        unreadable[0]++; // not ours to dead-letter: the diff-service reads and reports it
                    }
                });
        LOG.info("Rebuilt published state from {}: {} snapshot(s), {} document(s), {} unreadable, in {} ms",
                kafka.snapshotsTopic(), read.records() - unreadable[0], state.size(), unreadable[0], read.millis());
    }

}

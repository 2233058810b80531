package dev.policywatch.crawler.publish;

import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.KafkaSettings;
import dev.policywatch.support.TopicInitializer;
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
 * topic from the start, so a restart republishes nothing that did not change. {@link #publish} waits for
 * the broker's acknowledgement and retries; when it still fails it throws, the caller keeps the
 * document's old state (so the next crawl publishes again) and shows the error: nothing is dropped silently.
 */
@Singleton
public final class SnapshotPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final KafkaSettings kafka;
    private final int attempts;
    private final Duration sendTimeout;
    private final long maxSnapshotBytes;
    private final Counter failures;
    private final Counter published;
    private final PublishedState state = new PublishedState();
    private volatile KafkaProducer<String, byte[]> producer;

    public SnapshotPublisher(KafkaSettings kafka, MeterRegistry registry,
            @Value("${policywatch.crawler.publish-attempts:3}") int attempts,
            @Value("${policywatch.crawler.publish-timeout:30s}") Duration sendTimeout,
            @Value("${policywatch.crawler.max-snapshot-bytes:15728640}") long maxSnapshotBytes) {
        this.kafka = kafka;
        this.maxSnapshotBytes = maxSnapshotBytes;
        this.attempts = Math.max(1, attempts);
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
        producer = new KafkaProducer<>(new HashMap<>(kafka.producerConfig("policywatch-crawler")),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** What was last published per document. */
    public PublishedState state() {
        return state;
    }

    /**
     * Publishes and records the snapshot; retries, then throws. A snapshot over
     * {@code max-snapshot-bytes} serialized is refused with {@link SnapshotTooLargeException}.
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
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                p.send(new ProducerRecord<>(kafka.snapshotsTopic(), snapshot.documentId(), value))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                state.record(snapshot);
                published.increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = e;
                break;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                last = e;
                LOG.warn("Publishing snapshot of {} failed (attempt {} of {}): {}", snapshot.documentId(), attempt,
                        attempts, e instanceof ExecutionException ? e.getCause() : e.toString());
                sleepQuietly(attempt);
            }
        }
        failures.increment();
        Throwable cause = last instanceof ExecutionException ? last.getCause() : last;
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
        Map<String, Object> config = new HashMap<>(kafka.consumerConfig("policywatch-crawler-state-rebuild",
                "policywatch-crawler-state"));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group, nothing committed
        long start = System.nanoTime();
        int records = 0;
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(kafka.snapshotsTopic(), Duration.ofSeconds(60))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        state.record(EventJson.read(r.value(), PageSnapshot.class));
                        records++;
                    } catch (EventFormatException | IllegalArgumentException e) {
                        unreadable++; // not ours to dead-letter: the diff-service reads and reports it
                    }
                }
            }
        }
        LOG.info("Rebuilt published state from {}: {} snapshot(s), {} document(s), {} unreadable, in {} ms",
                kafka.snapshotsTopic(), records, state.size(), unreadable, (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void sleepQuietly(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.policywatch.crawler.state;

import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Topics;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicInitializer;
import dev.policywatch.support.kafka.TopicReplay;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The crawler's {@link CrawlMemory} per key — a documentId, or {@link #indexKey(String)} for a
 * listing, feed or JSON index — kept in memory and written to a compacted topic
 * ({@code policywatch.crawler.state-topic}, default {@value #DEFAULT_TOPIC}) keyed the same way, so it
 * survives a restart. Owns its Kafka producer and closes it (flushing what is pending) on shutdown.
 *
 * <p>{@link #start()} creates the topic if missing (compacted) and reads it from the beginning, the way
 * {@code SnapshotPublisher} rebuilds the published state. {@link #put} changes the memory at once and
 * sends the new value only when it differs from the last one; a send that fails is sent again by
 * {@link #retryUnsaved()} (the crawler calls it after each crawl). The state is written after the
 * snapshot it follows was acknowledged, so losing its last writes costs at worst a full GET (or a
 * 404 counted again), never a lost or repeated snapshot. Without {@link #start()} it is memory only.
 * Thread-safe.
 */
@Singleton
public final class CrawlStateStore implements AutoCloseable {

    /** The default topic name. */
    public static final String DEFAULT_TOPIC = "policywatch.crawler-state";

    private static final Logger LOG = LoggerFactory.getLogger(CrawlStateStore.class);

    private final KafkaSettings kafka;
    private final String topic;
    private final Map<String, CrawlMemory> entries = new ConcurrentHashMap<>();
    private final Set<String> unsaved = ConcurrentHashMap.newKeySet();
    private volatile KafkaProducer<String, byte[]> producer;

    public CrawlStateStore(KafkaSettings kafka,
            @Value("${policywatch.crawler.state-topic:" + DEFAULT_TOPIC + "}") String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("policywatch.crawler.state-topic must not be blank");
        }
        this.kafka = kafka;
        this.topic = topic.trim();
    }

    /** The key of an index's own memory (documentIds never contain {@code #}). */
    public static String indexKey(String sourceId) {
        return sourceId + "#index";
    }

    /** The source a key belongs to: documentIds are {@code <sourceId>} or {@code <sourceId>.<hex>}. */
    static String sourceOf(String key) {
        return key.split("[.#]", 2)[0];
    }

    /** The topic written to. */
    public String topic() {
        return topic;
    }

    /** Creates the compacted topic if needed, reads it back and starts the producer; idempotent. */
    public synchronized void start() {
        if (producer != null) {
            return;
        }
        TopicInitializer.ensure(kafka.bootstrapServers(), List.of(kafka.newTopic(topic, 1, Map.of(
                "cleanup.policy", "compact",
                "max.message.bytes", String.valueOf(Topics.MAX_FETCH_BYTES)))));
        rebuild();
        producer = new KafkaProducer<>(new HashMap<>(kafka.producerConfig("policywatch-crawler-state")),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The memory kept for the key, if any. */
    public Optional<CrawlMemory> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The memory kept for the key, or {@link CrawlMemory#NONE}. */
    public CrawlMemory get(String key) {
        return entries.getOrDefault(key, CrawlMemory.NONE);
    }

    /** Keeps the memory of the key and writes it when it changed. */
    public void put(String key, CrawlMemory memory) {
        CrawlMemory previous = entries.put(key, memory);
        if (!memory.equals(previous)) {
            send(key, memory);
        }
    }

    /** Forgets (and tombstones) the keys of sources not in {@code sourceIds}. */
    public void retain(Set<String> sourceIds) {
        for (String key : List.copyOf(entries.keySet())) {
            if (!sourceIds.contains(sourceOf(key))) {
                entries.remove(key);
                unsaved.remove(key);
                send(key, null);
            }
        }
    }

    /** Sends again the values whose last send failed. */
    public void retryUnsaved() {
        for (String key : List.copyOf(unsaved)) {
            unsaved.remove(key);
            CrawlMemory current = entries.get(key);
            if (current != null) {
                send(key, current);
            }
        }
    }

    /** How many keys are known. */
    public int size() {
        return entries.size();
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    private void send(String key, CrawlMemory memory) {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            return; // not started: memory only (tests that drive the crawler without Kafka state)
        }
        byte[] value = memory == null ? null : EventJson.write(memory);
        try {
            p.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null && memory != null) {
                    unsaved.add(key);
                    LOG.warn("Saving the crawl state of {} to {} failed, will retry: {}", key, topic, error.toString());
                }
            });
        } catch (RuntimeException e) {
            // e.g. the producer is closing: keep it for the next retry
            if (memory != null) {
                unsaved.add(key);
            }
            LOG.warn("Saving the crawl state of {} to {} failed, will retry: {}", key, topic, e.toString());
        }
    }

    private void rebuild() {
        int[] unreadable = {0};
        TopicReplay.Result read = TopicReplay.readToEnd(kafka, topic, "policywatch-crawler-state-rebuild",
                Duration.ofSeconds(120), r -> {
                    if (r.key() == null) {
                        unreadable[0]++;
                    } else if (r.value() == null) {
                        entries.remove(r.key()); // tombstone: a source no longer configured
                    } else {
                        try {
                            entries.put(r.key(), EventJson.read(r.value(), CrawlMemory.class));
                        } catch (EventFormatException | IllegalArgumentException e) {
                            // only an optimisation and a hint for origins: skip it, the crawl relearns it
                            unreadable[0]++;
                            LOG.warn("Unreadable crawl state for {} in {} skipped: {}", r.key(), topic,
                                    e.getMessage());
                        }
                    }
                });
        LOG.info("Rebuilt crawl state from {}: {} record(s), {} key(s), {} unreadable, in {} ms", topic,
                read.records(), entries.size(), unreadable[0], read.millis());
    }
}

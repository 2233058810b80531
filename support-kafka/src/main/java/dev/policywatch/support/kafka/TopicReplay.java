package dev.policywatch.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, from the beginning of every partition to the end it had when the read began,
 * read_committed and without a consumer group (nothing committed): how a service rebuilds what it keeps
 * in memory from a topic at start ({@code SnapshotPublisher}, {@code CrawlStateStore}), and how tests
 * read what was published.
 */
public final class TopicReplay {

    private TopicReplay() {
    }

    /** What one replay read. */
    public record Result(int records, long millis) {
    }

    /**
     * Hands every record of {@code topic} to {@code each}, partition by partition in offset order.
     *
     * @param timeout how long to wait for the topic's metadata and end offsets, and for the read itself
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static Result readToEnd(KafkaSettings kafka, String topic, String clientId, Duration timeout,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> config = new HashMap<>(kafka.consumerConfig("unused", clientId));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group, nothing committed
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    each.accept(r);
                    records++;
                }
            }
        }
        return new Result(records, (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}

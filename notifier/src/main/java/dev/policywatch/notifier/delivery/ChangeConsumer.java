package dev.policywatch.notifier.delivery;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.match.SubscriptionMatcher;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code policywatch.changes} (read_committed, manual commits) on a thread of its own. For each
 * alertable change it matches the active subscriptions and records their deliveries in the
 * {@link Outbox} (one transaction), and only then commits the offset: a crash at any point re-reads
 * the record, and the outbox's uniqueness makes that harmless. An unreadable record goes to the
 * dead-letter topic and the consumer moves on; a database failure stops at that record and retries.
 */
public final class ChangeConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final KafkaSettings kafka;
    private final String groupId;
    private final SubscriptionStore subscriptions;
    private final Outbox outbox;
    private final DeadLetterPublisher deadLetters;
    private final Runnable onNewDeliveries;
    private final Clock clock;
    private volatile boolean stopped;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ChangeConsumer(KafkaSettings kafka, String groupId, SubscriptionStore subscriptions, Outbox outbox,
            DeadLetterPublisher deadLetters, Runnable onNewDeliveries, Clock clock) {
        this.kafka = kafka;
        this.groupId = groupId;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.onNewDeliveries = onNewDeliveries;
        this.clock = clock;
    }

    public synchronized void start() {
        consumer = new KafkaConsumer<>(kafka.consumerConfig(groupId, "policywatch-notifier-changes"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "notifier-changes");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Reading {} as group {}", kafka.changesTopic(), groupId);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(kafka.changesTopic()));
            while (!stopped) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("The changes consumer stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        List<Subscription> active = subscriptions.active();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        int recorded = 0;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                try {
                    recorded += handle(r, active);
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                } catch (RuntimeException e) {
                    LOG.error("Cannot record deliveries for {}-{}@{}, retrying in {}: {}", r.topic(), r.partition(),
                            r.offset(), RETRY_PAUSE, e.getMessage());
                    rewind(records, done);
                    commit(done);
                    pause();
                    return;
                }
            }
        }
        commit(done);
        if (recorded > 0) {
            onNewDeliveries.run();
        }
    }

    private int handle(ConsumerRecord<byte[], byte[]> r, List<Subscription> active) {
        DocumentChange change;
        try {
            change = EventJson.read(r.value(), DocumentChange.class);
        } catch (EventFormatException | IllegalArgumentException e) {
            deadLetters.poison(r, e);
            return 0;
        }
        if (!change.alertable()) {
            return 0;
        }
        List<Subscription> matched = active.stream().filter(s -> SubscriptionMatcher.matches(s.filters(), change))
                .toList();
        int n = outbox.record(change, matched, clock.instant());
        if (n > 0) {
            LOG.info("Change {} of {} ({}): {} deliveries queued", change.changeId(), change.documentId(),
                    change.kind(), n);
        }
        return n;
    }

    /** Seeks every partition of the batch back to its first unprocessed record. */
    private void rewind(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition tp : records.partitions()) {
            long next = done.containsKey(tp) ? done.get(tp).offset() : records.records(tp).get(0).offset();
            consumer.seek(tp, next);
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis()); // back off from a failing database; the loop retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        if (thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}

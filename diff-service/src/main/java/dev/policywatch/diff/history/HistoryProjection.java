package dev.policywatch.diff.history;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.DeadLetters;
import dev.policywatch.support.KafkaSettings;
import dev.policywatch.support.TopicInitializer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects {@code policywatch.changes} (the changes and the versions they introduce) and
 * {@code policywatch.snapshots} (the text of each version) into PostgreSQL. One consumer on its own
 * thread, read_committed; each poll is one database transaction, committed before the offsets, and
 * every write is idempotent, so a record seen twice after a crash changes nothing. A record that
 * cannot be read or written goes to the dead-letter topic and the projection carries on; when the
 * database itself is down the batch is retried from its first offset.
 */
@Singleton
@Requires(property = "policywatch.diff.history.enabled", notEquals = "false")
public final class HistoryProjection {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryProjection.class);
    private static final String SERVICE = "diff-service/history";

    private final KafkaSettings kafka;
    private final DiffSettings settings;
    private final HistoryStore store;
    private final AtomicLong projected = new AtomicLong();
    private volatile boolean running;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> deadLetterProducer;
    private Thread thread;

    public HistoryProjection(KafkaSettings kafka, DiffSettings settings, HistoryStore store) {
        this.kafka = kafka;
        this.settings = settings;
        this.store = store;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Migrates the schema and starts consuming (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        store.ensureSchema();
        TopicInitializer.ensure(kafka.bootstrapServers(), TopicInitializer.policywatchTopics(kafka));
        consumer = new KafkaConsumer<>(kafka.consumerConfig(settings.historyGroupId(), settings.historyGroupId()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(kafka.changesTopic(), kafka.snapshotsTopic()));
        running = true;
        thread = new Thread(this::run, "history-projection");
        thread.setDaemon(true);
        thread.start();
        LOG.info("History projection started: {} and {} into PostgreSQL (group {})", kafka.changesTopic(),
                kafka.snapshotsTopic(), settings.historyGroupId());
    }

    /** How many records were written (not counting duplicates and dead letters); for tests and metrics. */
    public long projected() {
        return projected.get();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    applyBatch(records);
                    consumer.commitSync();
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    LOG.error("History projection batch failed, retrying it in 2 s: {}", e.getMessage(), e);
                    rewind(records);
                    pause(2000);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyBatch(ConsumerRecords<byte[], byte[]> records) throws SQLException {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        if (apply(c, record)) {
                            projected.incrementAndGet();
                        }
                        c.releaseSavepoint(savepoint);
                    } catch (SQLException | RuntimeException e) {
                        if (!c.isValid(2)) {
                            throw e; // the database, not the record: retry the batch
                        }
                        c.rollback(savepoint);
                        deadLetter(record, e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean apply(Connection c, ConsumerRecord<byte[], byte[]> record) throws SQLException {
        if (record.topic().equals(kafka.changesTopic())) {
            DocumentChange change = EventJson.read(record.value(), DocumentChange.class);
            return store.writeChange(c, change, new String(record.value(), StandardCharsets.UTF_8));
        }
        return store.writeContent(c, EventJson.read(record.value(), PageSnapshot.class));
    }

    private synchronized void deadLetter(ConsumerRecord<byte[], byte[]> record, Exception error) {
        if (deadLetterProducer == null) {
            deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(settings.historyGroupId() + "-dead-letters"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        DeadLetters.send(deadLetterProducer, kafka.deadLetterTopic(), record, SERVICE, error);
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis); // back-off before retrying a batch the database refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops consuming and waits for the thread; the last batch is committed or retried on the next start. */
    @PreDestroy
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
        LOG.info("History projection stopped");
    }
}

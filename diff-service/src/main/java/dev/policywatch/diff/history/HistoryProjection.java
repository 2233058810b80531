package dev.policywatch.diff.history;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.Liveness;
import dev.policywatch.support.LoopRegistry;
import dev.policywatch.support.ServiceStarts;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.SinkConsumerLoop;
import dev.policywatch.support.kafka.TopicInitializer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects {@code policywatch.changes} (the changes and the versions they introduce) and
 * {@code policywatch.snapshots} (the text of each version) into PostgreSQL, on a
 * {@link SinkConsumerLoop}: each batch is one database transaction, committed before the offsets, and
 * every write is idempotent, so a record seen twice after a crash changes nothing. A record that
 * cannot be read or written goes to the dead-letter topic and the projection carries on; when the
 * database itself is down the batch is retried with backoff until it is back (liveness
 * {@code historyProjection} on {@code /health}).
 */
@Singleton
@Requires(property = "policywatch.diff.history.enabled", notEquals = "false")
public final class HistoryProjection {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryProjection.class);
    private static final String SERVICE = "diff-service/history";

    private final KafkaSettings kafka;
    private final DiffSettings settings;
    private final HistoryStore store;
    private final Liveness liveness;
    private final AtomicLong projected = new AtomicLong();
    private SinkConsumerLoop loop;

    @Inject
    public HistoryProjection(KafkaSettings kafka, DiffSettings settings, HistoryStore store, LoopRegistry loops) {
        this.kafka = kafka;
        this.settings = settings;
        this.store = store;
        this.liveness = loops.register("historyProjection");
    }

    /** A projection outside a Micronaut context (tests, tools). */
    public HistoryProjection(KafkaSettings kafka, DiffSettings settings, HistoryStore store) {
        this(kafka, settings, store, new LoopRegistry());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        event.getSource().getBean(ServiceStarts.class).run("historyProjection", this::start);
    }

    /** Migrates the schema and starts consuming (idempotent). */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        store.ensureSchema();
        TopicInitializer.ensure(kafka.bootstrapServers(), TopicInitializer.policywatchTopics(kafka));
        loop = new SinkConsumerLoop(kafka, settings.historyGroupId(), settings.historyGroupId(),
                List.of(kafka.changesTopic(), kafka.snapshotsTopic()), SERVICE, this::applyBatch, liveness,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        loop.start();
        LOG.info("History projection started: {} and {} into PostgreSQL (group {})", kafka.changesTopic(),
                kafka.snapshotsTopic(), settings.historyGroupId());
    }

    /** How many records were written (not counting duplicates and dead letters); for tests and metrics. */
    public long projected() {
        return projected.get();
    }

    /** How the projection is doing (for health and tests). */
    public Liveness liveness() {
        return liveness;
    }

    private void applyBatch(SinkConsumerLoop.Batch batch) throws SQLException {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
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
                        batch.deadLetter(record, e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback after a failed batch failed too (the connection is gone): {}", e.toString());
        }
    }

    private boolean apply(Connection c, ConsumerRecord<byte[], byte[]> record) throws SQLException {
        if (record.topic().equals(kafka.changesTopic())) {
            DocumentChange change = EventJson.read(record.value(), DocumentChange.class);
            return store.writeChange(c, change, new String(record.value(), StandardCharsets.UTF_8));
        }
        return store.writeContent(c, EventJson.read(record.value(), PageSnapshot.class));
    }

    /** Stops consuming and waits for the thread; the last batch is committed or retried on the next start. */
    @PreDestroy
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.close();
        loop = null;
        LOG.info("History projection stopped");
    }
}

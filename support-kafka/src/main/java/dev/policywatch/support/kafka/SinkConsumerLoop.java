package dev.policywatch.support.kafka;

import dev.policywatch.support.Liveness;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop that moves records from Kafka topics into a sink (a database, the outbox): poll, hand
 * the batch to the {@link Sink}, commit what it finished; on any failure commit what was finished,
 * rewind every partition to its first unfinished record, wait (backoff doubling from
 * {@code minBackoff} to {@code maxBackoff}) and try again — through outages of the database, the
 * broker or anything else the sink needs, without end and without a restart. A record the sink
 * cannot handle at all is a dead letter ({@link Batch#deadLetter}), and the partition moves on.
 * Only a JVM {@link Error} ends the thread; then its {@link Liveness} is dead and {@code /health}
 * DOWN. While it retries its liveness is failing (DOWN after the grace period {@code policywatch.health.failing-grace}).
 *
 * <p>Reads read_committed with manual commits ({@link KafkaSettings#consumerConfig}): a record is
 * committed only after the sink finished it, so a crash re-reads it and sinks must be idempotent.
 * One thread of its own; {@link #close()} stops it.
 */
public final class SinkConsumerLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkConsumerLoop.class);

    /** Where the records go. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Handles the batch. Returning normally means every record is finished; throwing means the
         * records not marked {@link Batch#done} are read again after a backoff.
         */
        void accept(Batch batch) throws Exception;
    }

    /** One poll's records, and what the sink finished of them. */
    public final class Batch {
        private final ConsumerRecords<byte[], byte[]> records;
        private final Map<TopicPartition, Long> next = new HashMap<>();

        private Batch(ConsumerRecords<byte[], byte[]> records) {
            this.records = records;
        }

        /** The records, partition by partition, in offset order within each. */
        public Iterable<ConsumerRecord<byte[], byte[]>> records() {
            return records;
        }

        public int size() {
            return records.count();
        }

        /** The record is finished (it and the records before it on its partition are committed). */
        public void done(ConsumerRecord<byte[], byte[]> record) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }

        /**
         * Writes the record to the dead-letter topic with the reason, waiting for the broker (a lost dead
         * letter is a lost record). It does not mark the record {@link #done}: a sink that writes a batch
         * in one transaction is done with it only when that commits.
         */
        public void deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
            DeadLetters.send(deadLetterProducer(), kafka.deadLetterTopic(), record, service, error);
        }

        private void allDone() {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                done(r);
            }
        }
    }

    private final KafkaSettings kafka;
    private final String groupId;
    private final String clientId;
    private final List<String> topics;
    private final String service;
    private final Sink sink;
    private final Liveness liveness;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Object sleeper = new Object();
    private volatile boolean running;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> deadLetterProducer;
    private Thread thread;

    /**
     * @param service  who gives up on a record ({@code pw.failed.by} of its dead letter), also the thread name
     * @param liveness where the loop tells how it is doing
     */
    public SinkConsumerLoop(KafkaSettings kafka, String groupId, String clientId, List<String> topics, String service,
            Sink sink, Liveness liveness, Duration minBackoff, Duration maxBackoff) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.topics = List.copyOf(topics);
        this.service = Objects.requireNonNull(service, "service");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and min <= max, was " + minBackoff + ".."
                    + maxBackoff);
        }
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Starts the thread (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        consumer = new KafkaConsumer<>(kafka.consumerConfig(groupId, clientId), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(topics);
        running = true;
        thread = new Thread(this::run, service.replace('/', '-'));
        thread.setDaemon(true);
        thread.start();
        LOG.info("{} reading {} as group {}", service, topics, groupId);
    }

    public Liveness liveness() {
        return liveness;
    }

    private void run() {
        Duration backoff = minBackoff;
        try {
            while (running) {
                Batch batch = null;
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        liveness.ok();
                        continue;
                    }
                    batch = new Batch(records);
                    sink.accept(batch);
                    batch.allDone();
                    consumer.commitSync(offsets(batch));
                    liveness.ok();
                    backoff = minBackoff;
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    liveness.failed(e);
                    LOG.error("{}: a batch failed ({}), retrying in {}", service, e.toString(), backoff, e);
                    recover(batch);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
            liveness.stopped();
        } catch (Error | RuntimeException e) {
            liveness.died(e);
            LOG.error("{} stopped: {} (health DOWN until restarted)", service, e.toString(), e);
            throw e;
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the consumer failed: {}", service, e.toString());
            }
        }
    }

    /** Commits what the sink finished and rewinds the rest of the batch. */
    private void recover(Batch batch) {
        if (batch == null) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        try {
            Map<TopicPartition, OffsetAndMetadata> done = offsets(batch);
            done.keySet().retainAll(assigned);
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        } catch (RuntimeException e) {
            // the broker may be what failed: what is not committed is read again, and sinks are idempotent
            LOG.warn("{}: cannot commit the finished part of the failed batch: {}", service, e.toString());
        }
        for (TopicPartition tp : batch.records.partitions()) {
            if (assigned.contains(tp)) {
                long first = batch.records.records(tp).get(0).offset();
                consumer.seek(tp, Math.max(first, batch.next.getOrDefault(tp, first)));
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(SinkConsumerLoop.Batch batch) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        batch.next.forEach((tp, offset) -> out.put(tp, new OffsetAndMetadata(offset)));
        return out;
    }

    private void sleep(Duration d) {
        synchronized (sleeper) {
            long end = System.nanoTime() + d.toNanos();
            long left;
            while (running && (left = end - System.nanoTime()) > 0) {
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> deadLetterProducer() {
        if (deadLetterProducer == null) {
            deadLetterProducer = new KafkaProducer<>(kafka.producerConfig(clientId + "-dead-letters"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return deadLetterProducer;
    }

    /** Stops the thread (the batch in hand is finished or read again on the next start) and waits for it. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        consumer.wakeup();
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (deadLetterProducer != null) {
                deadLetterProducer.close(Duration.ofSeconds(5));
                deadLetterProducer = null;
            }
        }
        LOG.info("{} stopped", service);
    }
}

package dev.policywatch.notifier.delivery;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.match.SubscriptionMatcher;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.Liveness;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.SinkConsumerLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code policywatch.changes} into the {@link Outbox} on a {@link SinkConsumerLoop}: for each
 * alertable change it matches the active subscriptions and records their deliveries (one transaction
 * per change), and a record is committed only after that. A crash re-reads the record and the outbox's
 * uniqueness makes that harmless. An unreadable record is a dead letter; a database (or broker) outage
 * is retried with backoff until it ends, with no restart — the loop's {@link Liveness} reports it.
 */
public final class ChangeConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeConsumer.class);

    private final SubscriptionStore subscriptions;
    private final Outbox outbox;
    private final Runnable onNewDeliveries;
    private final Clock clock;
    private final SinkConsumerLoop loop;

    public ChangeConsumer(KafkaSettings kafka, String groupId, SubscriptionStore subscriptions, Outbox outbox,
            Runnable onNewDeliveries, Clock clock, Liveness liveness, Duration minBackoff, Duration maxBackoff) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.onNewDeliveries = onNewDeliveries;
        this.clock = clock;
        this.loop = new SinkConsumerLoop(kafka, groupId, "policywatch-notifier-changes",
                List.of(kafka.changesTopic()), "notifier", this::accept, liveness, minBackoff, maxBackoff);
    }

    public void start() {
        loop.start();
    }

    private void accept(SinkConsumerLoop.Batch batch) {
        List<Subscription> active = subscriptions.active();
        int recorded = 0;
        try {
            for (ConsumerRecord<byte[], byte[]> r : batch.records()) {
                DocumentChange change;
                try {
                    change = EventJson.read(r.value(), DocumentChange.class);
                } catch (EventFormatException | IllegalArgumentException e) {
                    batch.deadLetter(r, e);
                    batch.done(r);
                    continue;
                }
                recorded += record(change, active);
                batch.done(r);
            }
        } finally {
            if (recorded > 0) {
                onNewDeliveries.run();
            }
        }
    }

    private int record(DocumentChange change, List<Subscription> active) {
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

    @Override
    public void close() {
        loop.close();
    }
}

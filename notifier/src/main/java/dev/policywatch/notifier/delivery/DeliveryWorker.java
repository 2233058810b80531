package dev.policywatch.notifier.delivery;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.Liveness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the {@link Outbox} holds: N threads each claim a batch of due deliveries, group a digest's
 * deliveries into one message, send through the channel's {@link AlertSender}, and record the outcome
 * (sent; retry with backoff; wait out a 429; give up to the dead-letter topic and set the subscription
 * broken or suppressed). A delivery whose subscription is no longer active is cancelled, and nothing
 * but the confirmation goes to a subscription that is not confirmed.
 *
 * <p>Leases: a worker claims at most what it can send within the lease (lease ÷ send timeout, capped by
 * the batch size) and renews the lease of each delivery right before sending it, where its claim still
 * holds it ({@link Outbox#renew}); so a slow receiver never lets another worker send the same
 * delivery. The only duplicate window is a send that succeeded but was not marked (a crash, or the
 * database lost in between).
 *
 * <p>A failing round (the database down) is retried with backoff and reported on the workers'
 * {@link Liveness}; only a JVM Error ends a thread.
 *
 * <p>Metrics: {@code policywatch.notifier.deliveries{outcome=sent|retried|throttled|dead|cancelled}} and
 * {@code policywatch.notifier.deliveries.reclaimed}: deliveries taken again after a sender's lease
 * expired — the only ones that may reach their receiver twice.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final SubscriptionStore subscriptions;
    private final Map<Channel, AlertSender> senders = new EnumMap<>(Channel.class);
    private final DeadLetterPublisher deadLetters;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration lease;
    private final int batchSize;
    private final int threads;
    private final Liveness liveness;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final MeterRegistry meters;
    private final Counter reclaimed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> running = new ArrayList<>();
    /** Deliveries sent whose marking failed: marked before anything else once the database answers. */
    private final Queue<List<Long>> unmarked = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private long wakeups;

    public DeliveryWorker(Outbox outbox, SubscriptionStore subscriptions, List<AlertSender> senders,
            DeadLetterPublisher deadLetters, RetryPolicy retry, Clock clock, Duration pollInterval, Duration lease,
            Duration sendTimeout, int batchSize, int threads, MeterRegistry meters, Liveness liveness,
            Duration minBackoff, Duration maxBackoff) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.lease = lease;
        // claim only what one worker can send within the lease, each send taking up to sendTimeout
        this.batchSize = (int) Math.max(1, Math.min(batchSize, lease.toMillis() / Math.max(1, sendTimeout.toMillis())));
        this.threads = threads;
        this.liveness = liveness;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.meters = meters;
        this.reclaimed = Counter.builder("policywatch.notifier.deliveries.reclaimed")
                .description("deliveries claimed again after a lease expired: possible duplicates").register(meters);
    }

    /** Starts the sending threads. */
    public synchronized void start() {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "notifier-delivery-" + i);
            t.setDaemon(true);
            t.start();
            running.add(t);
        }
        LOG.info("Delivery worker started: {} threads, poll every {}", threads, pollInterval);
    }

    /** Tells the threads there may be new work (after the consumer recorded deliveries). */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        Duration backoff = minBackoff;
        try {
            while (!stopped) {
                try {
                    int handled = runOnce();
                    liveness.ok();
                    backoff = minBackoff;
                    if (handled == 0) {
                        idle(pollInterval);
                    }
                } catch (RuntimeException e) {
                    // the database or a sender's infrastructure: retry with backoff until it is back
                    liveness.failed(e);
                    LOG.error("Delivery round failed, retrying after {}: {}", backoff, e.getMessage(), e);
                    idle(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
            liveness.stopped();
        } catch (Error e) {
            liveness.died(e);
            LOG.error("Delivery thread {} stopped: {} (health DOWN until restarted)", Thread.currentThread().getName(),
                    e.toString(), e);
            throw e;
        }
    }

    private void idle(Duration wait) {
        lock.lock();
        try {
            long seen = wakeups;
            long deadline = System.nanoTime() + wait.toNanos();
            while (!stopped && seen == wakeups) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                work.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    /** Claims and sends one batch; answers how many deliveries it handled. Public for tests and tools. */
    public int runOnce() {
        for (List<Long> ids = unmarked.poll(); ids != null; ids = unmarked.poll()) {
            try {
                outbox.markSent(ids, clock.instant());
            } catch (RuntimeException e) {
                unmarked.add(ids);
                throw e;
            }
            LOG.info("Deliveries {} marked sent now that the database is back", ids);
        }
        List<Outbox.Claimed> claimed = outbox.claim(batchSize, clock.instant(), lease);
        Map<String, List<Outbox.Claimed>> jobs = new LinkedHashMap<>();
        for (Outbox.Claimed d : claimed) {
            if (d.reclaimed()) {
                reclaimed.increment();
                LOG.warn("Delivery {} of subscription {} claimed again after its lease expired (it may be sent twice)",
                        d.id(), d.subscriptionId());
            }
            String key = d.batchKey() == null ? "d" + d.id() : d.subscriptionId() + "/" + d.batchKey();
            jobs.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        for (List<Outbox.Claimed> job : jobs.values()) {
            if (stopped) {
                break; // leased rows stay leased; they are taken again when the lease expires
            }
            // right before sending: extend the lease, and send only what this claim still holds
            List<Long> held = outbox.renew(job, clock.instant(), lease);
            if (held.size() < job.size()) {
                LOG.warn("Deliveries {} were claimed by another worker after their lease expired: not sent here",
                        job.stream().map(Outbox.Claimed::id).filter(id -> !held.contains(id)).toList());
                job = job.stream().filter(d -> held.contains(d.id())).toList();
            }
            if (!job.isEmpty()) {
                handle(job);
            }
        }
        return claimed.size();
    }

    private void handle(List<Outbox.Claimed> job) {
        Outbox.Claimed first = job.get(0);
        List<Long> ids = job.stream().map(Outbox.Claimed::id).toList();
        Optional<Subscription> found = subscriptions.find(first.subscriptionId());
        if (found.isEmpty()) {
            outbox.cancel(ids, "subscription deleted");
            count("cancelled", ids.size());
            return;
        }
        Subscription s = found.get();
        boolean confirmation = "confirmation".equals(first.kind());
        SubscriptionStatus wanted = confirmation ? SubscriptionStatus.PENDING_CONFIRMATION : SubscriptionStatus.ACTIVE;
        if (s.status() != wanted) {
            outbox.cancel(ids, "subscription is " + s.status().wire());
            count("cancelled", ids.size());
            return;
        }
        AlertSender sender = senders.get(s.channel());
        SendResult result;
        if (sender == null) {
            result = new SendResult.Retry("no " + s.channel().wire() + " sender is configured", null);
        } else {
            try {
                result = confirmation ? sender.sendConfirmation(s, first.id()) : sender.send(alertOf(s, job));
            } catch (RuntimeException e) {
                LOG.warn("Sending delivery {} failed unexpectedly: {}", first.id(), e.toString());
                result = new SendResult.Retry(e.toString(), null);
            }
        }
        record(s, job, ids, result);
    }

    private Alert alertOf(Subscription s, List<Outbox.Claimed> job) {
        List<DocumentChange> changes = new ArrayList<>();
        for (Outbox.Claimed d : job) {
            outbox.change(d.changeId()).ifPresent(changes::add);
        }
        return new Alert(job.get(0).id(), s, changes, job.get(0).batchKey() != null);
    }

    private void record(Subscription s, List<Outbox.Claimed> job, List<Long> ids, SendResult result) {
        Instant now = clock.instant();
        int failures = job.stream().mapToInt(Outbox.Claimed::attempts).max().orElse(0) + 1;
        if (result instanceof SendResult.Sent) {
            try {
                outbox.markSent(ids, now);
            } catch (RuntimeException e) {
                // sent but not marked (the database went away): mark it first thing when it is back, before
                // its lease can expire and another worker send it again
                unmarked.add(ids);
                throw e;
            }
            count("sent", ids.size());
            LOG.info("Delivered {} {} to subscription {} ({})", ids.size() == 1 ? "alert" : ids.size() + " changes",
                    job.get(0).changeId() == null ? "confirmation request" : job.get(0).changeId(), s.id(),
                    s.channel().wire());
        } else if (result instanceof SendResult.Throttled t) {
            outbox.reschedule(ids, now.plus(t.delay()), t.reason(), false);
            count("throttled", ids.size());
        } else if (result instanceof SendResult.Retry r) {
            if (retry.retries(failures)) {
                Duration wait = r.after() != null ? r.after()
                        : retry.delay(failures, () -> ThreadLocalRandom.current().nextDouble());
                outbox.reschedule(ids, now.plus(wait), r.reason(), true);
                count("retried", ids.size());
                LOG.warn("Delivery {} to subscription {} failed (attempt {}), retry in {}: {}", ids, s.id(),
                        failures, wait, r.reason());
            } else {
                giveUp(s, job, ids, failures, "gave up after " + failures + " attempts: " + r.reason(), null, now);
            }
        } else if (result instanceof SendResult.Failed f) {
            giveUp(s, job, ids, failures, f.reason(), f.subscriptionStatus(), now);
        }
    }

    private void giveUp(Subscription s, List<Outbox.Claimed> job, List<Long> ids, int attempts, String reason,
            SubscriptionStatus newStatus, Instant now) {
        for (Outbox.Claimed d : job) {
            deadLetters.delivery(d.id(), d.subscriptionId(), d.changeId(), d.kind(), attempts, reason);
        }
        outbox.markDead(ids, reason);
        count("dead", ids.size());
        LOG.error("Delivery {} to subscription {} given up: {}", ids, s.id(), reason);
        if (newStatus != null) {
            subscriptions.setStatus(s.id(), newStatus, reason, now);
            LOG.warn("Subscription {} is now {}: {}", s.id(), newStatus.wire(), reason);
        }
    }

    private void count(String outcome, int n) {
        meters.counter("policywatch.notifier.deliveries", "outcome", outcome).increment(n);
    }

    /** Stops the threads; a send in progress finishes, claimed but unsent rows wait for their lease to expire. */
    @Override
    public synchronized void close() {
        stopped = true;
        wake();
        for (Thread t : running) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}

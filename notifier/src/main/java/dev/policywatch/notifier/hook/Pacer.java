package dev.policywatch.notifier.hook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each target within its platform's rate limits (20 messages a minute per WeCom or DingTalk robot,
 * say) by sliding windows: {@link #reserve} either takes a slot for a send now or answers how long until
 * one frees, and the sender puts the delivery back in the outbox for that long — pacing, not failing.
 * Counts the sends of this process only (several notifier instances posting to one robot share its
 * limit; the platform's rate-limit code is then retried with backoff). Thread-safe.
 */
public final class Pacer {

    /** At most {@code count} sends in any {@code per}. */
    public record Limit(int count, Duration per) {

        public Limit {
            Objects.requireNonNull(per, "per");
            if (count < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("invalid rate limit: " + count + " per " + per);
            }
        }
    }

    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    /**
     * Takes a slot for a send to {@code key} at {@code now} when every limit allows it (empty), or
     * answers the wait until the earliest moment all of them do (no slot taken).
     */
    public synchronized Optional<Duration> reserve(String key, List<Limit> limits, Instant now) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Duration longest = limits.stream().map(Limit::per).max(Duration::compareTo).orElseThrow();
        Deque<Instant> times = sent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(longest))) {
            times.pollFirst();
        }
        Duration wait = Duration.ZERO;
        for (Limit limit : limits) {
            Instant windowStart = now.minus(limit.per());
            int inWindow = 0;
            Instant oldestInWindow = null;
            for (Iterator<Instant> it = times.descendingIterator(); it.hasNext();) {
                Instant t = it.next();
                if (!t.isAfter(windowStart)) {
                    break;
                }
                inWindow++;
                oldestInWindow = t;
                if (inWindow == limit.count()) {
                    break;
                }
            }
            if (inWindow >= limit.count()) {
                // the slot frees when the count-th most recent send leaves the window
                Duration w = Duration.between(now, oldestInWindow.plus(limit.per()));
                wait = w.compareTo(wait) > 0 ? w : wait;
            }
        }
        if (wait.isZero()) {
            times.addLast(now);
            return Optional.empty();
        }
        return Optional.of(wait.plusMillis(1));
    }

    /** Forgets targets with no send within {@code idle} (bounded memory with many targets). */
    public synchronized void forgetIdle(Instant now, Duration idle) {
        sent.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(idle)));
    }
}

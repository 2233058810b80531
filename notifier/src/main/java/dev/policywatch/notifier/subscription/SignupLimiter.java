package dev.policywatch.notifier.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most N signups per client per hour (a sliding window), so nobody can flood a stranger's mailbox
 * with confirmation emails. Remembers at most 10,000 clients (the least recently seen are forgotten).
 * The time is passed in. Thread-safe.
 */
public final class SignupLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_CLIENTS = 10_000;

    private final int perHour;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true);

    public SignupLimiter(int perHour) {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be at least 1");
        }
        this.perHour = perHour;
    }

    /** Records a signup of {@code client} at {@code now}; false when the client is over its limit. */
    public synchronized boolean tryAcquire(String client, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.pollFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        if (recent.size() > MAX_CLIENTS) {
            Iterator<String> eldest = recent.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }
}

package dev.policywatch.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How one long-running loop (a consumer, an outbox worker) is doing, as it tells it: working,
 * failing since some instant (and retrying with backoff), or dead (its thread ended on an error it
 * could not retry). {@link LoopsHealth} turns it into {@code /health}: DOWN when dead, or when failing
 * for longer than the grace period. Thread-safe.
 */
public final class Liveness {

    /** What a loop is doing. */
    public enum State { RUNNING, FAILING, DEAD, STOPPED }

    private final String name;
    private final AtomicLong retries = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile Instant failingSince;
    private volatile String lastError;

    Liveness(String name) {
        this.name = name;
    }

    /** A handle not registered anywhere (for loops built outside a Micronaut context, e.g. in tests). */
    public static Liveness detached(String name) {
        return new Liveness(name);
    }

    public String name() {
        return name;
    }

    /** A round went through: the loop works (again). */
    public void ok() {
        if (state == State.FAILING) {
            state = State.RUNNING;
            failingSince = null;
        }
    }

    /** A round failed and will be retried. */
    public void failed(Throwable error) {
        retries.incrementAndGet();
        lastError = describe(error);
        if (state != State.FAILING) {
            failingSince = Instant.now();
            state = State.FAILING;
        }
    }

    /** The loop ended on an error it cannot retry. */
    public void died(Throwable error) {
        lastError = describe(error);
        state = State.DEAD;
    }

    /** The loop was stopped on purpose (shutdown). */
    public void stopped() {
        if (state != State.DEAD) {
            state = State.STOPPED;
        }
    }

    public State state() {
        return state;
    }

    /** Since when the loop fails, or null. */
    public Instant failingSince() {
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    /** Failed rounds since start. */
    public long retries() {
        return retries.get();
    }

    /** Whether {@code /health} should say DOWN for this loop. */
    public boolean down(Instant now, Duration grace) {
        State s = state;
        if (s == State.DEAD) {
            return true;
        }
        Instant since = failingSince;
        return s == State.FAILING && since != null && since.plus(grace).isBefore(now);
    }

    private static String describe(Throwable error) {
        String s = error.getClass().getSimpleName() + ": " + error.getMessage();
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}

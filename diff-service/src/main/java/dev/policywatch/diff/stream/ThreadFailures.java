package dev.policywatch.diff.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import dev.policywatch.support.FatalErrors;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed stream thread means. A failure of the infrastructure (a broker or state store
 * hiccup) is survived by a new thread that resumes from the last commit; but a thread that fails again
 * and again is failing on something it cannot get past, and replacing it forever would keep
 * {@code /health} UP while nothing is produced. So after {@code maxFailures} failures within
 * {@code window} (or on a JVM Error) the client shuts down: its state becomes ERROR, {@code /health}
 * DOWN, and a supervisor restarts the process. Thread-safe.
 */
final class ThreadFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);

    private final int maxFailures;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private volatile String lastError;
    private volatile int total;
    private final Consumer<Throwable> onFatal;

    ThreadFailures(int maxFailures, Duration window) {
        this(maxFailures, window, FatalErrors::fatal);
    }

    /** @param onFatal what a fatal JVM error does: ends the process in production, is recorded in tests */
    ThreadFailures(int maxFailures, Duration window, Consumer<Throwable> onFatal) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.onFatal = onFatal;
    }

    synchronized StreamThreadExceptionResponse onUncaught(Throwable e) {
        Instant now = Instant.now();
        lastError = e.toString();
        total++;
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (FatalErrors.isFatal(e)) {
            // out of memory: the whole process ends (a supervisor restarts it), not only the topology
            onFatal.accept(e);
        }
        if (e instanceof Error || e.getCause() instanceof Error) {
            LOG.error("diff-service streams stopped by an error: {}", e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (recent.size() > maxFailures) {
            LOG.error("diff-service stream threads failed {} times within {}: stopping the topology (health DOWN). "
                    + "Last failure: {}", recent.size(), window, e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("diff-service stream thread failed ({} of {} tolerated within {}), replacing it: {}", recent.size(),
                maxFailures, window, e.toString(), e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The last failure, or null. */
    String lastError() {
        return lastError;
    }

    /** Failures since start. */
    int total() {
        return total;
    }
}

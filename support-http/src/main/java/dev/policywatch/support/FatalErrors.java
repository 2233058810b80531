package dev.policywatch.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a fatal JVM error end the process promptly, so a supervisor (systemd, Docker, Kubernetes)
 * restarts it, instead of a half-dead process whose threads died one by one while {@code /health}
 * still answers. Fatal: {@link OutOfMemoryError}, {@link InternalError}, {@link UnknownError}. On the
 * first one, the process exits with status {@value #EXIT_STATUS}, running the shutdown hooks (so
 * Kafka clients and PostgreSQL stop cleanly), and a watchdog halts it if the hooks have not finished
 * within the shutdown timeout: a shutdown that hangs (as a broker did, for minutes, after an
 * OutOfMemoryError) never keeps a dead process around. {@link #haltIfStuck} gives an ordinary stop the
 * same bound.
 *
 * <p>{@link #install} sets the default uncaught-exception handler, which sees errors that kill a thread;
 * code that catches {@code Throwable} itself (a thread pool's {@code submit}, Kafka Streams' handler)
 * calls {@link #fatal} directly. For errors inside third-party threads that log and swallow them,
 * run the JVM with {@code -XX:+ExitOnOutOfMemoryError} too (docs/operations.md). Thread-safe.
 */
public final class FatalErrors {

    /** The exit status of a process ended by a fatal error. */
    public static final int EXIT_STATUS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(FatalErrors.class);
    private static final AtomicBoolean ENDING = new AtomicBoolean();
    private static volatile Duration shutdownTimeout = Duration.ofSeconds(30);

    private FatalErrors() {
    }

    /**
     * Installs the default uncaught-exception handler: a fatal error ends the process; any other
     * uncaught exception is logged with its thread, as the JVM would print it.
     *
     * @param timeout longest time the shutdown hooks get after a fatal error before the process halts
     */
    public static void install(Duration timeout) {
        shutdownTimeout = timeout;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (isFatal(e)) {
                fatal(e);
            } else {
                LOG.error("Uncaught exception in thread {}", thread.getName(), e);
            }
        });
    }

    /** Whether {@code e} (or its cause) is an error the JVM may not recover from. */
    public static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof InternalError || t instanceof UnknownError) {
                return true;
            }
        }
        return false;
    }

    /** Ends the process because of {@code e}: exit with the hooks, halt if they take too long. Returns. */
    public static void fatal(Throwable e) {
        if (!ENDING.compareAndSet(false, true)) {
            return;
        }
        try {
            System.err.println("policywatch: fatal " + e + ": exiting (status " + EXIT_STATUS + ") so a supervisor "
                    + "restarts the process");
            LOG.error("Fatal error, exiting with status {}", EXIT_STATUS, e);
        } catch (Throwable ignored) {
            // out of memory even for the message: the exit below matters more
        }
        try {
            haltIfStuck(shutdownTimeout, EXIT_STATUS);
            Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "policywatch-fatal-exit");
            exit.setDaemon(true);
            exit.start();
        } catch (Throwable cannotEvenStartAThread) {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }

    /**
     * Starts a daemon watchdog that halts the JVM with {@code status} if it is still running after
     * {@code timeout}: call it when a stop begins, so a hook that hangs cannot keep the process alive.
     */
    public static void haltIfStuck(Duration timeout, int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                System.err.println("policywatch: stopping took longer than " + timeout.toSeconds() + " s: halting");
            } finally {
                Runtime.getRuntime().halt(status);
            }
        }, "policywatch-halt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}

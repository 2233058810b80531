package dev.policywatch.support;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starts of the long-running parts of the services (the crawler's scheduler, the diff streams, the
 * history projection, the notifier), each an independent task begun by the application's start-up.
 *
 * <p>By default (the service jars, tests that run a context) {@link #run} starts the task on the caller's
 * thread, so the application's start returns when the part runs, and a failure fails the start. When whoever
 * builds the context registers a {@link Gate} singleton (the standalone does), each task starts on a thread
 * of its own once the gate opens, and {@link #run} returns at once: the context and the HTTP server start
 * while the embedded broker still starts, and the parts start side by side. The one that opens the gate
 * must then {@link #awaitAll} them, which rethrows the first failure. Meanwhile the {@code startup} health
 * indicator is DOWN, naming the parts still starting or failed.
 *
 * <p>Thread-safe.
 */
@Singleton
public final class ServiceStarts {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStarts.class);

    private final Gate gate;
    private final Map<String, CompletableFuture<Void>> starts = new LinkedHashMap<>();

    public ServiceStarts(@Nullable Gate gate) {
        this.gate = gate;
    }

    /**
     * What the parts' starts wait for (the infrastructure they need), registered in the context by whoever
     * builds it ({@code ApplicationContext.builder().singletons(gate)}): with it, the parts start
     * concurrently, each once the gate is {@linkplain #open() open}.
     */
    public static final class Gate {
        private final CompletableFuture<Void> open = new CompletableFuture<>();

        /** The parts may start now. */
        public void open() {
            open.complete(null);
        }

        /** The parts will not start: each one's start fails with this cause. */
        public void fail(Throwable cause) {
            open.completeExceptionally(cause);
        }

        void await() {
            try {
                open.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("not started: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Starts the part named {@code name}: now on this thread, or on a thread of its own (see the class). */
    public void run(String name, Runnable start) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (starts) {
            if (starts.putIfAbsent(name, done) != null) {
                throw new IllegalStateException("the start of " + name + " was already begun");
            }
        }
        if (gate == null) {
            runInto(name, start, done); // a failure goes to the caller as thrown, as the start did before
            return;
        }
        Thread t = new Thread(() -> {
            try {
                runInto(name, () -> {
                    gate.await();
                    start.run();
                }, done);
            } catch (RuntimeException e) {
                // kept for awaitAll and the health indicator; whoever awaits reports it
                LOG.error("The start of {} failed: {}", name, e.toString());
                LOG.debug("The start of {} failed", name, e);
            }
        }, "start-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static void runInto(String name, Runnable start, CompletableFuture<Void> done) {
        long begin = System.nanoTime();
        try {
            start.run();
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            throw e;
        }
        LOG.debug("{} started in {} ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        done.complete(null);
    }

    /**
     * Waits until every part begun so far has started, then returns; rethrows the first failure (as thrown
     * by the part's start), or throws {@link IllegalStateException} when they took longer than {@code timeout}.
     */
    public void awaitAll(Duration timeout) {
        List<Map.Entry<String, CompletableFuture<Void>>> all;
        synchronized (starts) {
            all = new ArrayList<>(starts.entrySet());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, CompletableFuture<Void>> e : all) {
            try {
                e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CompletionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("the start of " + e.getKey() + " failed", cause);
            } catch (TimeoutException late) {
                throw new IllegalStateException("the start of " + e.getKey() + " did not end within " + timeout);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the start of " + e.getKey(), interrupted);
            }
        }
    }

    /**
     * Each part begun and how its start stands: {@code STARTING}, {@code STARTED} or {@code FAILED: <error>}
     * (in the order they were begun).
     */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        synchronized (starts) {
            starts.forEach((name, done) -> states.put(name, state(done)));
        }
        return states;
    }

    private static String state(CompletableFuture<Void> done) {
        if (!done.isDone()) {
            return "STARTING";
        }
        try {
            done.join();
            return "STARTED";
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "FAILED: " + cause;
        }
    }
}

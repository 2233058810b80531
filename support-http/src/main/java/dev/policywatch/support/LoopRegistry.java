package dev.policywatch.support;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The long-running loops of this process (consumers, outbox workers), each with its {@link Liveness},
 * for {@link LoopsHealth} and the metrics {@code policywatch.loop.failing{loop}} (1 while failing or
 * dead) and {@code policywatch.loop.retries{loop}} (failed rounds). Thread-safe.
 */
@Singleton
public final class LoopRegistry {

    private final List<Liveness> loops = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;

    @Inject
    public LoopRegistry(@Nullable MeterRegistry meters) {
        this.meters = meters;
    }

    /** A registry without metrics (tests, tools). */
    public LoopRegistry() {
        this(null);
    }

    /** Registers a loop and returns its handle. */
    public Liveness register(String name) {
        Liveness liveness = new Liveness(name);
        loops.add(liveness);
        if (meters != null) {
            Gauge.builder("policywatch.loop.failing", liveness,
                    l -> l.state() == Liveness.State.FAILING || l.state() == Liveness.State.DEAD ? 1 : 0)
                    .tag("loop", name).description("1 while the loop fails (retrying) or is dead")
                    .register(meters);
            FunctionCounter.builder("policywatch.loop.retries", liveness, Liveness::retries)
                    .tag("loop", name).description("failed rounds of the loop, each retried with backoff")
                    .register(meters);
        }
        return liveness;
    }

    public List<Liveness> loops() {
        return List.copyOf(loops);
    }
}

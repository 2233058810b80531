package dev.policywatch.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health} of the loops ({@code loops}): DOWN when a loop is dead, or has been failing for
 * longer than {@code policywatch.health.failing-grace} (default 1 minute: a database restart is not
 * an outage worth paging for, three minutes of it is). The details name each loop's state, since when
 * it fails, its retries and its last error. UP with no loops.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
final class LoopsHealth implements HealthIndicator {

    private final LoopRegistry loops;
    private final Duration grace;

    LoopsHealth(LoopRegistry loops, @Value("${policywatch.health.failing-grace:1m}") Duration grace) {
        this.loops = loops;
        this.grace = grace;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Instant now = Instant.now();
        boolean down = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Liveness l : loops.loops()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", l.state().name());
            if (l.failingSince() != null) {
                d.put("failingSince", l.failingSince().toString());
            }
            d.put("retries", l.retries());
            if (l.lastError() != null && l.state() != Liveness.State.RUNNING) {
                d.put("lastError", l.lastError());
            }
            details.put(l.name(), d);
            down |= l.down(now, grace);
        }
        return Publishers.just(HealthResult.builder("loops", down ? HealthStatus.DOWN : HealthStatus.UP)
                .details(details).build());
    }
}

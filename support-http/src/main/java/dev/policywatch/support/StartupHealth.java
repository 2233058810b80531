package dev.policywatch.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health} of the start-up ({@code startup}): DOWN while a part begun by {@link ServiceStarts} is
 * still starting or failed to start, UP once every one runs. The details give each part's state. With
 * concurrent starts the HTTP server answers before the parts run: this is what keeps {@code /health}
 * from saying UP too early.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
final class StartupHealth implements HealthIndicator {

    private final ServiceStarts starts;

    StartupHealth(ServiceStarts starts) {
        this.starts = starts;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> states = starts.states();
        boolean up = states.values().stream().allMatch("STARTED"::equals);
        return Publishers.just(HealthResult.builder("startup", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(states).build());
    }
}

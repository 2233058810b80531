package dev.policywatch.diff.stream;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * {@code /health} of the diff topology ({@code diffStreams}): UP while running or rebalancing, DOWN
 * once the client stopped on an error (a JVM Error, or stream threads failing again and again: see
 * {@link ThreadFailures}) or was closed; the details name the state, the failures and the last one.
 */
@Singleton
@Requires(beans = DiffStreams.class)
@Requires(classes = HealthIndicator.class)
final class DiffStreamsHealth implements HealthIndicator {

    private final DiffStreams diffStreams;

    DiffStreamsHealth(DiffStreams diffStreams) {
        this.diffStreams = diffStreams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams streams = diffStreams.streams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        boolean up = state != null && (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state == null ? "NOT_STARTED" : state.name());
        ThreadFailures failures = diffStreams.failures();
        if (failures != null && failures.total() > 0) {
            details.put("threadFailures", failures.total());
            details.put("lastError", failures.lastError());
        }
        return Publishers.just(HealthResult.builder("diffStreams", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}

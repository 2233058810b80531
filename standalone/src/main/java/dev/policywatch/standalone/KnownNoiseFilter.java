package dev.policywatch.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.slf4j.Marker;

/**
 * Drops the WARN lines a healthy system writes at every start and stop, which tell an operator nothing:
 * Kafka Streams' advice to enable a processing handler for a global thread we do not have, the first activation of a fresh KRaft controller ("Performing controller activation") and a
 * double close inside the broker's own shutdown ("Attempting to close NetworkClient that has already
 * been closed"). Only these messages of these loggers: every other warning of the same loggers (a
 * broker that cannot be reached, for one) still shows. Configured in {@code logback.xml}.
 */
public final class KnownNoiseFilter extends TurboFilter {

    private static final Map<String, String> NOISE = Map.of(
            // logged for internal copies of the configuration too, although diff-service sets what it asks for
            "org.apache.kafka.streams.StreamsConfig", "is not enabled for the GlobalThread",
            "org.apache.kafka.controller.QuorumController", "Performing controller activation",
            "org.apache.kafka.clients.NetworkClient", "already been closed");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || level == null || level.toInt() != Level.WARN_INT) {
            return FilterReply.NEUTRAL;
        }
        String needle = NOISE.get(logger.getName());
        return needle != null && format.contains(needle) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}

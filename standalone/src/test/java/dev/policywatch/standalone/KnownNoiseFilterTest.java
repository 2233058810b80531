package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class KnownNoiseFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final KnownNoiseFilter filter = new KnownNoiseFilter();

    @Test
    void dropsOnlyTheBrokersKnownStartAndStopWarnings() {
        assertThat(filter.decide(null, context.getLogger("org.apache.kafka.controller.QuorumController"), Level.WARN,
                "[QuorumController id=1] Performing controller activation. {}", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("org.apache.kafka.clients.NetworkClient"), Level.WARN,
                "[NodeToControllerChannelManager id=1 name=registration] Attempting to close NetworkClient that has already been closed.",
                null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("org.apache.kafka.streams.StreamsConfig"), Level.WARN,
                "Processing exception handler is not enabled for the GlobalThread. It's recommended to set …", null, null))
                .isEqualTo(FilterReply.DENY);
        // the same loggers' other warnings, and errors, still show
        assertThat(filter.decide(null, context.getLogger("org.apache.kafka.clients.NetworkClient"), Level.WARN,
                "[Producer clientId=x] Connection to node -1 (/127.0.0.1:9092) could not be established.", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("org.apache.kafka.controller.QuorumController"), Level.ERROR,
                "Performing controller activation failed", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }
}

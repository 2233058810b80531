package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Issue #12 item 1: a stream thread failing forever was replaced forever while /health said UP. */
class ThreadFailuresTest {

    @Test
    void aThreadThatKeepsFailingStopsTheClientInsteadOfBeingReplacedForever() {
        ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(10));
        StreamsException e = new StreamsException("cannot produce");
        for (int i = 0; i < 3; i++) {
            assertThat(failures.onUncaught(e)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(failures.onUncaught(e)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.total()).isEqualTo(4);
        assertThat(failures.lastError()).contains("cannot produce");
    }

    @Test
    void aJvmErrorStopsTheClientAtOnceAndEndsTheProcess() {
        // the real action (FatalErrors.fatal) would end this very test JVM: record it instead
        List<Throwable> fatal = new ArrayList<>();
        ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(10), fatal::add);
        StreamsException oom = new StreamsException(new OutOfMemoryError("heap"));
        assertThat(failures.onUncaught(oom)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(fatal).containsExactly(oom);
    }

    @Test
    void anOrdinaryFailureDoesNotEndTheProcess() {
        List<Throwable> fatal = new ArrayList<>();
        ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(10), fatal::add);
        failures.onUncaught(new StreamsException("cannot produce"));
        assertThat(fatal).isEmpty();
    }
}

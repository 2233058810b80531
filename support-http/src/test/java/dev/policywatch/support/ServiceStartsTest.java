package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The parts' starts: in line without a gate (the service jars), side by side behind one with it (the standalone). */
class ServiceStartsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void withoutAGateAPartStartsOnTheCallersThreadAndItsFailureFailsTheCaller() {
        ServiceStarts starts = new ServiceStarts(null);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        starts.run("crawler", () -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());

        IllegalStateException broken = new IllegalStateException("invalid sources file");
        assertThatThrownBy(() -> starts.run("diffStreams", () -> {
            throw broken;
        })).isSameAs(broken);
        assertThat(starts.states()).containsEntry("crawler", "STARTED")
                .containsEntry("diffStreams", "FAILED: java.lang.IllegalStateException: invalid sources file");
        assertThat(status(new StartupHealth(starts))).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void behindAGateThePartsWaitForItThenStartSideBySideAndTheHealthSaysDownUntilAllRun() throws Exception {
        ServiceStarts.Gate gate = new ServiceStarts.Gate();
        ServiceStarts starts = new ServiceStarts(gate);
        StartupHealth health = new StartupHealth(starts);
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable part = () -> {
            bothRunning.countDown();
            await(release); // each part waits for the other: they only end if they ran at the same time
            await(bothRunning);
        };
        starts.run("historyProjection", part);
        starts.run("notifier", part);
        // run returned: nothing started before the gate opened
        assertThat(bothRunning.getCount()).isEqualTo(2);
        assertThat(starts.states()).containsOnly(Map.entry("historyProjection", "STARTING"), Map.entry("notifier", "STARTING"));
        assertThat(status(health)).isEqualTo(HealthStatus.DOWN);

        gate.open();
        assertThat(bothRunning.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("both parts started side by side").isTrue();
        assertThat(status(health)).isEqualTo(HealthStatus.DOWN);
        release.countDown();
        starts.awaitAll(WAIT);
        assertThat(starts.states().values()).containsOnly("STARTED");
        assertThat(status(health)).isEqualTo(HealthStatus.UP);
    }

    @Test
    void awaitAllRethrowsThePartsFailureAndAFailedGateFailsEveryPart() {
        ServiceStarts.Gate gate = new ServiceStarts.Gate();
        ServiceStarts starts = new ServiceStarts(gate);
        IllegalStateException broken = new IllegalStateException("cannot create the policywatch topics");
        starts.run("crawler", () -> {
            throw broken;
        });
        gate.open();
        assertThatThrownBy(() -> starts.awaitAll(WAIT)).isSameAs(broken);

        ServiceStarts.Gate failing = new ServiceStarts.Gate();
        ServiceStarts never = new ServiceStarts(failing);
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        never.run("notifier", () -> ran.set(true));
        failing.fail(new IllegalStateException("the embedded broker did not start"));
        assertThatThrownBy(() -> never.awaitAll(WAIT)).hasMessageContaining("not started: the embedded broker did not start");
        assertThat(ran.get()).isFalse();
        assertThat(never.states().get("notifier")).startsWith("FAILED: ");
    }

    @Test
    void aPartIsStartedOnce() {
        ServiceStarts starts = new ServiceStarts(null);
        starts.run("crawler", () -> { });
        assertThatThrownBy(() -> starts.run("crawler", () -> { })).hasMessageContaining("already begun");
    }

    private static HealthStatus status(StartupHealth health) {
        AtomicReference<HealthResult> result = new AtomicReference<>();
        health.getResult().subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(HealthResult r) {
                result.set(r);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(result.get()).as("the indicator answers at once").isNotNull();
        return result.get().getStatus();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

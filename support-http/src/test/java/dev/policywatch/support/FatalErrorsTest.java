package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real OutOfMemoryError in a child JVM (-Xmx48m), with a shutdown hook that never returns (as the
 * embedded broker's did): the process still ends, promptly, with the fatal status.
 */
class FatalErrorsTest {

    /** The child: installs the handler, hangs its shutdown, then runs out of memory in a worker thread. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            FatalErrors.install(Duration.ofSeconds(2));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE); // a shutdown that hangs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            Thread worker = new Thread(() -> {
                List<byte[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new byte[1 << 20]);
                }
            }, "crawler-worker");
            worker.start();
            Thread.sleep(Long.MAX_VALUE); // the main thread would wait for ever
        }
    }

    @Test
    void anOutOfMemoryErrorEndsTheProcessWithinTheShutdownTimeoutEvenWhenAHookHangs() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true).start();
        long start = System.nanoTime();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(FatalErrors.EXIT_STATUS);
        assertThat(output).contains("fatal java.lang.OutOfMemoryError").contains("halting");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void onlyErrorsTheJvmMayNotRecoverFromAreFatal() {
        assertThat(FatalErrors.isFatal(new OutOfMemoryError())).isTrue();
        assertThat(FatalErrors.isFatal(new RuntimeException("wrapped", new OutOfMemoryError()))).isTrue();
        assertThat(FatalErrors.isFatal(new InternalError())).isTrue();
        assertThat(FatalErrors.isFatal(new IllegalStateException())).isFalse();
        assertThat(FatalErrors.isFatal(new StackOverflowError())).isFalse();
    }
}

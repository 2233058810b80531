package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bug (#15): a bad sources file was refused only after the broker, PostgreSQL and Kafka Streams had
 * started (8–9 s, 20–40 WARN lines first); a taken Kafka port printed 88 lines of stack trace; a taken
 * HTTP port did not name {@code --port}. The command line runs in a child JVM, as a user runs it: each
 * failure is told alone, in a few lines, with exit status 2, and nothing was started (no broker or
 * database directory under the data dir).
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    private record Run(int status, List<String> stdout, List<String> stderr) {
    }

    @Test
    void aBadSourcesFileIsRefusedBeforeAnythingStartsNamingTheEntryAndTheField() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - id: good-one
                    name: A page
                    url: https://example.org/a.html
                    publisher: Example
                    jurisdiction: US
                    kind: page
                  - id: bad-kind
                    name: Another
                    url: https://example.org/b.html
                    publisher: Example
                    jurisdiction: US
                    kind: pgae
                """, StandardCharsets.UTF_8);

        Run run = run("--sources", sources.toString(), "--port", "0");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).hasSizeLessThanOrEqualTo(10)
                .anySatisfy(line -> assertThat(line).contains("entry #2 (bad-kind)", "'kind'"));
        assertThat(String.join("\n", run.stderr())).doesNotContain("WARN", "Exception", "\tat ");
        assertNothingStarted();
    }

    @Test
    void aTakenHttpPortIsOneLineNamingThePortOption() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));

            Run run = run("--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.stderr()).singleElement().asString()
                    .contains("port " + taken.getLocalPort(), "web UI", "--port");
        }
        assertNothingStarted();
    }

    @Test
    void aTakenKafkaPortIsOneLineNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            Run run = run("--port", "0", "-Dpolicywatch.embedded-kafka.port=" + taken.getLocalPort());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.stderr()).singleElement().asString()
                    .contains("port " + taken.getLocalPort(), "Kafka", "policywatch.embedded-kafka.port");
        }
        assertNothingStarted();
    }

    @Test
    void badArgumentsAreTwoLinesAndExitTwo() throws Exception {
        Run run = run("--frobnicate");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).containsExactly("policywatch: unknown argument: --frobnicate",
                "Run `java -jar policywatch.jar --help` for the options.");
    }

    private void assertNothingStarted() {
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
        assertThat(dir.resolve("data").resolve("postgres")).doesNotExist();
    }

    private Run run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }
}

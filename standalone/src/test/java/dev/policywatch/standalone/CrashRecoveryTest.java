package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.ADMIN;
import static dev.policywatch.standalone.EndToEnd.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.testing.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the whole system, for real: the standalone runs in a child JVM (the command line
 * users run), is killed without warning after one alert went out, and a new process on the same data
 * directory must stop the PostgreSQL server the dead one left behind, recover the broker's log, keep
 * the history, re-send nothing, and deliver the next change exactly once.
 *
 * <p>Child processes, and a PostgreSQL server left behind, are stopped after the test whatever its
 * outcome.
 */
class CrashRecoveryTest {

    private static final String SOURCE = "test-algorithm-filing";
    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern REBUILT = Pattern.compile("Rebuilt published state from policywatch\\.snapshots: (\\d+) snapshot");

    @TempDir
    Path dir;

    private final List<Child> children = new ArrayList<>();
    private FixtureServers.Site site;
    private FixtureServers.WebhookReceiver slack;
    private Path sources;
    private Path dataDir;

    @BeforeEach
    void startFixtures() {
        site = new FixtureServers.Site("regulation-v1.html");
        slack = new FixtureServers.WebhookReceiver();
        dataDir = dir.resolve("data");
        sources = EndToEnd.sources(dir, SOURCE, "测试省算法推荐服务备案规定", "测试省网信办", site.url("/regulation.html"));
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (Child child : children) {
            child.stop();
        }
        stopLeftOverPostgres(dataDir.resolve("postgres"));
        slack.close();
        site.close();
        // the children's output, to read after a failure (the temporary directory goes away)
        Path logs = Files.createDirectories(Path.of("target", "crash-recovery-logs"));
        for (Child child : children) {
            for (Path file : List.of(child.out(), child.err())) {
                if (Files.exists(file)) {
                    Files.copy(file, logs.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void afterKillNineTheNextStartTakesOverTheDataKeepsTheHistoryResendsNothingAndDeliversTheNextChangeOnce()
            throws Exception {
        // 1. first process: a baseline, a Slack subscription, one changed article alerted once
        Child first = start("first");
        first.api().crawl(SOURCE);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(first.api().get("/api/changes?kind=BASELINE").path("items")).hasSize(1));
        JsonNode subscription = first.api().subscribeSlack(slack.url(), "{}");
        String subscriptionId = subscription.path("id").asText();
        site.show("regulation-v2.html");
        first.api().crawl(SOURCE);
        await().atMost(WAIT).until(() -> slack.bodies().size() == 1);
        assertThat(slack.bodies().get(0)).contains("第三条");
        // the delivery is recorded as sent before the crash: a later re-send would be a real duplicate
        await().atMost(WAIT).until(() -> sent(first, subscriptionId) == 1);
        JsonNode history = first.api().get("/api/changes").path("items");
        assertThat(history).hasSize(1);
        String changeId = history.get(0).path("changeId").asText();

        // 2. kill -9: the JVM dies, its PostgreSQL (a separate process) stays behind
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> orphan = postmaster(dataDir.resolve("postgres"));
        assertThat(orphan).as("PostgreSQL left behind by the killed process").isPresent();

        // 3. a new process on the same data: takes over, history intact, nothing re-sent
        Child second = start("second");
        assertThat(orphan.get().isAlive()).as("the orphan PostgreSQL was stopped").isFalse();
        String log = second.log();
        assertThat(log).contains("left behind by an earlier run");
        Matcher rebuilt = REBUILT.matcher(log);
        assertThat(rebuilt.find()).as("the crawler re-read the recovered snapshots topic").isTrue();
        assertThat(Integer.parseInt(rebuilt.group(1))).as("snapshots recovered from the broker's log").isEqualTo(2);
        JsonNode after = second.api().get("/api/changes").path("items");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("changeId").asText()).isEqualTo(changeId);
        assertThat(second.api().get("/api/changes/" + changeId).path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(second.api().get("/api/changes?kind=BASELINE").path("items")).hasSize(1);

        String fetchedBefore = second.api().get("/api/sources/" + SOURCE).path("lastFetchAt").asText();
        second.api().crawl(SOURCE); // same content: no new version, nothing to alert
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = second.api().get("/api/sources/" + SOURCE);
            assertThat(status.path("lastFetchAt").asText()).isNotEqualTo(fetchedBefore);
            assertThat(status.path("lastOutcome").asText()).isEqualTo("UNCHANGED");
        });
        assertThat(second.api().get("/api/changes").path("items")).hasSize(1);
        assertThat(slack.bodies()).hasSize(1);

        // 4. the next change is delivered exactly once
        site.show("regulation-v3.html");
        second.api().crawl(SOURCE);
        await().atMost(WAIT).until(() -> slack.bodies().size() == 2);
        await().atMost(WAIT).until(() -> sent(second, subscriptionId) == 2);
        JsonNode latest = second.api().get("/api/changes").path("items");
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).path("summary").path("added").asInt()).isEqualTo(1);
        assertThat(latest.get(0).path("summary").path("modified").asInt()).isZero();
        assertThat(slack.bodies()).hasSize(2);
    }

    // ---- the child process

    /** A standalone in its own JVM, its standard output and error in files. */
    private record Child(String name, Process process, Path out, Path err, EndToEnd.Api api) {

        String log() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        boolean running() throws IOException {
            return Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains("policywatch is running");
        }

        /** Ctrl-C (SIGTERM, the shutdown hook stops everything); kill -9 if it does not go in 10 s. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private Child start(String name) throws IOException {
        int port = Ports.free();
        String url = "http://127.0.0.1:" + port;
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run",
                "--data-dir", dataDir.toString(),
                "--port", String.valueOf(port),
                "--sources", sources.toString(),
                "-Dpolicywatch.embedded-kafka.port=0",
                "-Dpolicywatch.admin-token=" + ADMIN,
                "-Dpolicywatch.public-url=" + url,
                "-Dpolicywatch.crawler.per-host-delay=0s",
                "-Dpolicywatch.notifier.webhook.allowed-hosts=" + slack.origin())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Child child = new Child(name, builder.start(), out, err, new EndToEnd.Api(url));
        children.add(child);
        await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!child.process.isAlive()) {
                throw new AssertionError(name + " process exited with " + child.process.exitValue() + ":\n"
                        + tail(child.log()));
            }
            return child.running();
        });
        return child;
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    // ---- PostgreSQL left behind

    /** The live server that holds a cluster directory, from its {@code postmaster.pid}. */
    private static Optional<ProcessHandle> postmaster(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopLeftOverPostgres(Path clusterDir) {
        postmaster(clusterDir).ifPresent(pg -> {
            pg.destroy(); // SIGTERM: PostgreSQL's smart shutdown
            try {
                pg.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                pg.destroyForcibly();
            }
        });
    }

    /** Deliveries sent to a subscription, as the notifier's admin API counts them. */
    private static int sent(Child child, String subscriptionId) throws Exception {
        return child.api().getAsAdmin("/api/subscriptions/" + subscriptionId).path("deliveries").path("sent").asInt();
    }
}

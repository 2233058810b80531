package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/policywatch}, the launcher with a class-data archive: which java command it runs. The java it
 * starts here is a stand-in script that records its arguments (and answers {@code -version} as the real
 * one would for an archive it accepts), so the archive's life is checked without starting the system.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("bin", "policywatch").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jar;
    private Path calls;
    private Path cds;
    private Path java;

    @BeforeEach
    void stubJdk() throws IOException {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm 17");
        calls = dir.resolve("calls");
        java = jdk.resolve("bin/java");
        // refuses archives named *.bad, like a JVM refusing a damaged one
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *.bad\\ -Xshare:on*) exit 1 ;; esac\n");
        java.toFile().setExecutable(true);
        jar = dir.resolve("policywatch.jar");
        Files.writeString(jar, "the jar");
        cds = dir.resolve("cds");
    }

    @Test
    void theFirstRunRecordsTheNextUsesItAndARebuiltJarRecordsAnew() throws Exception {
        String first = launch(Map.of(), "run", "--port", "1");
        assertThat(first).matches("-XX:ArchiveClassesAtExit=.*/policywatch-\\d+\\.jsa\\.\\d+ -jar .*policywatch.jar run --port 1");
        // the JVM writes the archive when it stops: pretend it did, under a pid that is gone
        String archive = first.replaceAll("^-XX:ArchiveClassesAtExit=(\\S+)\\.\\d+ .*$", "$1");
        Files.writeString(Path.of(archive + ".999999"), "archive");

        String second = launch(Map.of(), "run", "--port", "2");
        assertThat(Path.of(archive)).as("promoted after the JVM accepted it").exists();
        assertThat(Path.of(archive + ".999999")).doesNotExist();
        assertThat(second).isEqualTo("-XX:SharedArchiveFile=" + archive + " -jar " + jar + " run --port 2");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt
        String rebuilt = launch(Map.of(), "run");
        assertThat(rebuilt).startsWith("-XX:ArchiveClassesAtExit=").doesNotContain(archive + ".");
    }

    @Test
    void anArchiveTheJvmRefusesIsDroppedNotUsed() throws Exception {
        String first = launch(Map.of(), "run");
        String archive = first.replaceAll("^-XX:ArchiveClassesAtExit=(\\S+)\\.\\d+ .*$", "$1");
        Path refused = Path.of(archive + ".bad");
        Files.writeString(refused, "damaged");
        String next = launch(Map.of(), "run");
        assertThat(refused).doesNotExist();
        assertThat(Path.of(archive)).doesNotExist();
        assertThat(next).startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void otherCommandsAndCdsOffRunThePlainJarWithTheGivenJvmOptions() throws Exception {
        assertThat(launch(Map.of("JAVA_OPTS", "-Xmx512m"), "diff", "a.html", "b.html"))
                .isEqualTo("-Xmx512m -jar " + jar + " diff a.html b.html");
        assertThat(launch(Map.of("POLICYWATCH_CDS", "off"), "run")).isEqualTo("-jar " + jar + " run");
        assertThat(cds).doesNotExist();
    }

    /** Runs the launcher; returns the arguments of the last java it started. */
    private String launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(concat(SCRIPT.toString(), args)).redirectErrorStream(true);
        pb.environment().putAll(Map.of("JAVA", java.toString(), "POLICYWATCH_JAR", jar.toString(),
                "POLICYWATCH_CDS_DIR", cds.toString()));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        List<String> lines = Files.readAllLines(calls);
        return lines.get(lines.size() - 1);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }
}

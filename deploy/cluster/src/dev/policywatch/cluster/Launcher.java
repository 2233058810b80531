package dev.policywatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Builds the child JVMs (every one with a capped heap) and keeps them, so that all are stopped at the end. */
final class Launcher {

    private final Path work;
    private final String brokerClasspath;
    private final Path logbackXml;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Node> nodes = new ArrayList<>();

    Launcher(Path work, String brokerClasspath, Path logbackXml) {
        this.work = work;
        this.brokerClasspath = brokerClasspath;
        this.logbackXml = logbackXml;
    }

    String brokerClasspath() {
        return brokerClasspath;
    }

    Path logbackXml() {
        return logbackXml;
    }

    /** A JVM child with {@code -Xmx<heap>}; its output goes to {@code <work>/<name>.log}. */
    Node java(String name, String heap, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Djava.net.preferIPv4Stack=true"));
        command.addAll(args);
        Node node = new Node(name, command, work.resolve(name + ".log"), env);
        nodes.add(node);
        return node;
    }

    /** Runs a JVM to its end (bounded to 2 minutes) and answers its exit code. */
    int runToEnd(List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(args);
        return run(command, log);
    }

    /** Runs a command to its end (bounded to 2 minutes) and answers its exit code. */
    static int run(List<String> command, Path log) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Stops every child still running: first the services and sinks (SIGTERM to all at once, then each
     * waited for, SIGKILL after 30 s), then the brokers the same way, so that the services can still
     * leave their groups and commit.
     */
    void stopAll() {
        List<Node> brokers = nodes.stream().filter(n -> n.name().startsWith("kafka-")).toList();
        List<Node> others = nodes.stream().filter(n -> !brokers.contains(n)).toList();
        for (List<Node> wave : List.of(others, brokers)) {
            wave.forEach(Node::terminate);
            wave.forEach(Node::stop);
        }
    }

    /**
     * A loopback port below the kernel's ephemeral range (20000–32767 where that range starts at 32768), never
     * given twice: a killed broker or service restarts on its port, and a port from {@code ServerSocket(0)} can be
     * taken meanwhile as the local port of any outgoing connection. (The tests' {@code dev.policywatch.testing.Ports}
     * does the same; this program is compiled alone against the broker's classpath, so it keeps its own.)
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            if (!GIVEN.contains(port)) {
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    GIVEN.add(port);
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
}

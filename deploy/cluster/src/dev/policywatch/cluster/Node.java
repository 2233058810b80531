package dev.policywatch.cluster;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One child process of the cluster test (a broker, a service, a sink): started, SIGKILLed, restarted, stopped. */
final class Node {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final java.util.Map<String, String> env;
    private Process process;

    Node(String name, List<String> command, Path log, java.util.Map<String, String> env) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.env = env;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized Node start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        ClusterTest.log("started %s (pid %d, log %s)", name, process.pid(), log.getFileName());
        return this;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no goodbye to Kafka or the database. */
    synchronized void kill9() {
        long pid = process.pid();
        process.destroyForcibly();
        await(30);
        ClusterTest.log("KILL -9 %s (pid %d): %s", name, pid, process.isAlive() ? "STILL ALIVE" : "dead");
    }

    /** SIGTERM without waiting. */
    synchronized void terminate() {
        if (alive()) {
            process.destroy();
        }
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    synchronized void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        if (!await(30)) {
            process.destroyForcibly();
            await(10);
        }
    }

    private boolean await(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.policywatch.crawler.render;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium process and its DevTools connection. Started with a fresh profile in a temp
 * directory, images off, background networking off, and a network stack that cannot reach anything on
 * its own: every name resolves to nothing and every connection must go through a proxy that does not
 * exist (loopback included), so a request the page makes is either intercepted and answered by the
 * crawler ({@link PageLoad}) or fails. It runs under a small shell that kills it when this JVM's end of
 * its stdin closes, so even a JVM killed with SIGKILL leaves no browser behind.
 */
final class Chromium implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);

    /** Kills the browser when stdin reaches end of file (this JVM closed it, or died). */
    private static final String WATCHDOG = "\"$@\" & pid=$!; cat >/dev/null; kill $pid 2>/dev/null;"
            + " for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || exit 0; sleep 0.2; done;"
            + " kill -9 $pid 2>/dev/null; exit 0";

    private final Process process;
    private final OutputStream stdin;
    private final Path profile;
    private final Cdp cdp;
    private final long startedAt = System.nanoTime();
    private volatile long lastUsed = System.nanoTime();

    private Chromium(Process process, Path profile, Cdp cdp) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.profile = profile;
        this.cdp = cdp;
    }

    /** The command line, without the executable. */
    static List<String> flags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-default-apps", "--disable-extensions", "--disable-breakpad",
                "--disable-quic", "--mute-audio", "--password-store=basic", "--hide-scrollbars",
                "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
                        + "AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkPrediction",
                "--blink-settings=imagesEnabled=false",
                // the browser never reaches the network by itself: what is not intercepted fails
                "--proxy-server=http://policywatch-no-proxy.invalid:9", "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank");
    }

    /** Starts a browser and connects to it. */
    static Chromium start(Path executable, Duration timeout) throws RenderException {
        Path profile;
        try {
            profile = Files.createTempDirectory("policywatch-render-");
        } catch (IOException e) {
            throw RenderException.unavailable("cannot create a browser profile directory: " + e.getMessage());
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "policywatch-chromium",
                executable.toString()));
        command.addAll(flags(profile));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(profile.resolve("chromium.log").toFile())
                    .start();
        } catch (IOException e) {
            deleteQuietly(profile);
            throw RenderException.unavailable("cannot start " + executable + ": " + e.getMessage());
        }
        Chromium started = null;
        try {
            URI endpoint = awaitEndpoint(process, profile, timeout);
            started = new Chromium(process, profile, Cdp.connect(endpoint, timeout));
            return started;
        } catch (Cdp.CdpException e) {
            throw RenderException.unavailable("cannot connect to " + executable + ": " + e.getMessage());
        } finally {
            if (started == null) {
                kill(process);
                deleteQuietly(profile);
            }
        }
    }

    /** Waits for Chromium to write the DevTools port it listens on into its profile. */
    private static URI awaitEndpoint(Process process, Path profile, Duration timeout) throws RenderException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || browserExited(process)) {
                throw RenderException.unavailable("the browser exited at start: " + logTail(profile));
            }
            try {
                if (Files.isRegularFile(portFile)) {
                    List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return URI.create("ws://127.0.0.1:" + Integer.parseInt(lines.get(0).trim()) + lines.get(1).trim());
                    }
                }
                TimeUnit.MILLISECONDS.sleep(25);
            } catch (IOException | NumberFormatException e) {
                // written but not complete yet: read again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RenderException.unavailable("interrupted while the browser started");
            }
        }
        throw RenderException.unavailable("the browser did not open its DevTools endpoint within "
                + timeout.toMillis() + " ms: " + logTail(profile));
    }

    /** Whether only the watchdog's {@code cat} is left below the shell (it starts the browser first). */
    private static boolean browserExited(Process process) {
        List<ProcessHandle> children = process.children().toList();
        return !children.isEmpty() && children.stream()
                .allMatch(p -> p.info().command().map(c -> c.endsWith("/cat")).orElse(false));
    }

    private static String logTail(Path profile) {
        try {
            String log = Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8).strip();
            return log.isEmpty() ? "(nothing logged)" : log.length() > 500 ? "…" + log.substring(log.length() - 500) : log;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    Cdp cdp() {
        return cdp;
    }

    /** Whether the process and its connection are up. */
    boolean healthy() {
        return process.isAlive() && cdp.open();
    }

    void used() {
        lastUsed = System.nanoTime();
    }

    /** How long since it last rendered a page. */
    Duration idle() {
        return Duration.ofNanos(System.nanoTime() - lastUsed);
    }

    /** The watchdog shell and every process below it (the browser, its zygotes and renderers), now. */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** Closes the browser and waits for its processes to end; kills what is left. Never throws. */
    @Override
    public void close() {
        List<ProcessHandle> tree = processTree();
        try {
            cdp.send("Browser.close", null, null).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone, or hung: the watchdog and the kill below end it
        }
        cdp.close();
        try {
            stdin.close(); // the watchdog's cat ends and it kills the browser
        } catch (IOException e) {
            // the watchdog is gone already
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        deleteQuietly(profile);
        LOG.debug("Browser closed after {} s", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the dying browser still writes: the temp directory is cleaned by the OS
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}

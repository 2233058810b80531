package dev.policywatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for servers a test starts (and often restarts on the same port).
 *
 * <p>A port from {@code new ServerSocket(0)} comes from the kernel's ephemeral range, the same range every
 * outgoing connection (Kafka clients, JDBC, HTTP clients) takes its local port from: between the probe and
 * the server's bind, or between a server's stop and its restart, such a connection can take the port and the
 * bind fails ("Unable to start Micronaut server on *:37787"). The ports given here lie below the ephemeral
 * range, so no outgoing connection ever takes them, and none is handed out twice in one JVM.
 */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nothing listens on now, below the ephemeral range, not given before in this JVM. */
    public static int free() {
        int below = ephemeralStart();
        if (below - LOWEST < 1_000) {
            return kernelChosen();
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        return kernelChosen();
    }

    private static int ephemeralStart() {
        try {
            // read as lines: Files.readString/readAllBytes trust the size a /proc file reports (0) and
            // return its first byte only ("3"), which sent every port to the kernel's ephemeral range
            String[] range = String.join(" ", Files.readAllLines(EPHEMERAL_RANGE)).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

package dev.policywatch.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host: at most one request at a time, and a pause of {@code delay} between the end of
 * one request and the start of the next. {@link #enter(URI)} blocks until the host is free; the
 * returned permit must be closed when the response has been read. Fair, so no request starves.
 * Thread-safe.
 */
public final class HostGate {

    private final long delayNanos;
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    public HostGate(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** A held host; close it to release. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long nextAllowed = Long.MIN_VALUE;
        volatile boolean used;
    }

    /** The key requests are serialised on: the host, lower case, with its port. */
    public static String key(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host + ":" + uri.getPort();
    }

    /** Waits for the host to be free and its delay to have passed. */
    public Permit enter(URI uri) throws InterruptedException {
        Host host = hosts.computeIfAbsent(key(uri), k -> new Host());
        host.lock.lockInterruptibly();
        try {
            long wait = host.used ? host.nextAllowed - System.nanoTime() : 0;
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            host.lock.unlock();
            throw e;
        }
        return () -> {
            host.used = true;
            host.nextAllowed = System.nanoTime() + delayNanos;
            host.lock.unlock();
        };
    }

    /** How long until a request to the host may start (zero when now). */
    public Duration untilFree(String hostKey) {
        Host host = hosts.get(hostKey);
        if (host == null || !host.used) {
            return Duration.ZERO;
        }
        long wait = host.nextAllowed - System.nanoTime();
        return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
    }
}

package dev.policywatch.notifier.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most N signups per client per hour (a sliding window), so nobody can flood a stranger's mailbox
 * with confirmation emails. Remembers at most 10,000 clients (the least recently seen are forgotten).
 * The time is passed in. Thread-safe.
 */
public final class SignupLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_CLIENTS = 10_000;

    private final int perHour;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true);

    public SignupLimiter(int perHour) {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be at least 1");
        }
        this.perHour = perHour;
    }

    /**
     * Records a signup of {@code client} (an IP address) at {@code now}; false when the client is over its
     * limit. IPv6 clients are counted per /64, the smallest network a home or a cloud host gets: one host
     * can use any of its 2^64 addresses.
     */
    public synchronized boolean tryAcquire(String client, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(key(client), k -> new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.pollFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        if (recent.size() > MAX_CLIENTS) {
            Iterator<String> eldest = recent.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    /** The limited unit of an address: an IPv4 address itself, an IPv6 address's /64. */
    static String key(String client) {
        Optional<InetAddress> address = ClientAddress.literal(client);
        if (address.isEmpty() || !(address.get() instanceof Inet6Address)) {
            return address.map(InetAddress::getHostAddress).orElse(client);
        }
        byte[] b = address.get().getAddress();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return sb.append(":/64").toString();
    }
}

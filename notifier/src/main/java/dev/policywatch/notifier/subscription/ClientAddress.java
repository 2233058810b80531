package dev.policywatch.notifier.subscription;

import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is signing up, for the signup limit: the direct peer, unless the peer is a trusted proxy
 * ({@code policywatch.notifier.signup.trusted-proxies}, default loopback {@code 127.0.0.0/8, ::1}: the
 * web UI posts from the same host and names the visitor in {@code X-Forwarded-For}). Then the
 * {@code X-Forwarded-For} chain is read from the right — each proxy appends the address it received
 * from — and the first address that is not a trusted proxy is the client. The left part of the chain is
 * whatever the client sent, so it is never believed on its own: a spoofed header from an untrusted peer
 * is ignored, and one appended behind a trusted proxy only adds entries to the left of the real client.
 *
 * <p>Pure: addresses are parsed as literals only (never resolved through DNS); an entry that is not an
 * IP literal ({@code unknown}, a host name) stops the walk at the last address vouched for. {@link #of}
 * reads what {@code ClientAddressFilter} resolved for a request. Immutable and thread-safe.
 */
public final class ClientAddress {

    /** The setting: IPs or CIDRs (a YAML list or comma-separated); {@code none} trusts no proxy. */
    public static final String TRUSTED_PROXIES = "policywatch.notifier.signup.trusted-proxies";
    /** Loopback: the web UI of the same host. */
    public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.0/8", "::1");

    static final String ATTRIBUTE = "policywatch.notifier.client-address";
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> trusted;

    /**
     * @param trustedProxies IP addresses or CIDR blocks; null means the default (loopback)
     * @throws IllegalArgumentException naming the setting and the entry when one is not an IP or CIDR
     */
    public ClientAddress(List<String> trustedProxies) {
        List<String> entries = trustedProxies == null ? DEFAULT_TRUSTED_PROXIES : trustedProxies;
        List<Cidr> parsed = new ArrayList<>();
        for (String raw : entries) {
            for (String entry : raw == null ? new String[0] : raw.split(",")) {
                String e = entry.trim();
                if (!e.isEmpty() && !e.equalsIgnoreCase("none")) {
                    parsed.add(Cidr.parse(e));
                }
            }
        }
        this.trusted = List.copyOf(parsed);
    }

    /** Whether the address is one of the trusted proxies. */
    public boolean isTrusted(InetAddress address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client of a request that came from {@code peer} with these {@code X-Forwarded-For} header
     * values (any number, each a comma-separated chain; none when absent).
     *
     * @return the client's address as text (the key of the signup limit)
     */
    public String resolve(InetAddress peer, List<String> forwardedFor) {
        String client = peer.getHostAddress();
        if (!isTrusted(peer) || forwardedFor == null) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value == null ? new String[0] : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client; // not an address: nothing left of it can be vouched for
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client; // every hop a trusted proxy: the left-most is the client (e.g. a local visitor)
    }

    /** The client of a request as resolved by {@code ClientAddressFilter}, else its direct peer. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> peerOf(request.getRemoteAddress()));
    }

    static String peerOf(InetSocketAddress remote) {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /**
     * An IP literal, optionally with a port ({@code 198.51.100.7:443}, {@code [2001:db8::1]:443});
     * never looked up in DNS.
     */
    static Optional<InetAddress> literal(String text) {
        String t = text.trim();
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            t = t.substring(1, end);
        } else if (IPV4_WITH_PORT.matcher(t).matches()) {
            t = t.substring(0, t.indexOf(':'));
        }
        if (IPV4.matcher(t).matches()) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty(); // else the JDK would take it for a host name
                }
            }
        } else if (!IPV6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t)); // a literal: parsed, no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress a = literal(address).orElseThrow(() -> new IllegalArgumentException(TRUSTED_PROXIES
                    + ": '" + text + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1)"));
            int bits = a.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(TRUSTED_PROXIES + ": '" + text + "' has a prefix length"
                            + " outside 0.." + bits);
                }
            }
            return new Cidr(a.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}

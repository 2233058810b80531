package dev.policywatch.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's name resolution under the address policy: resolves a host once, checks every address it
 * resolves to and hands OkHttp exactly those, so the connection goes to a checked address and DNS
 * rebinding has no window between check and use. A host whose addresses are not all public is refused
 * ({@link RefusedAddressException}) unless it is the one trusted host of this client. Names that are
 * really IP literals in an unusual spelling ({@code 0xA9FEA9FE}, {@code 017700000001}) and
 * {@code localhost} are judged as the addresses they mean, never sent to DNS. Thread-safe.
 */
public final class GuardedDns implements Dns {

    private final HostResolver resolver;
    private final String trustedHost;

    /**
     * @param trustedHost the host that may resolve to non-public addresses (the trusted origin's host),
     *                    or null when every host must be public
     */
    public GuardedDns(HostResolver resolver, String trustedHost) {
        this.resolver = resolver;
        this.trustedHost = trustedHost == null ? null : UrlOrigin.normaliseHost(trustedHost);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String host = UrlOrigin.normaliseHost(hostname);
        boolean trusted = host.equals(trustedHost);
        List<InetAddress> addresses = resolve(host);
        if (!trusted) {
            for (InetAddress a : addresses) {
                if (!AddressPolicy.isPublic(a)) {
                    throw new RefusedAddressException(host + " resolves to non-public address " + a.getHostAddress());
                }
            }
        }
        return addresses;
    }

    /** The addresses a host means: a literal in any spelling, localhost, or what DNS answers. */
    List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress literal = IpLiterals.parse(host);
        if (literal != null) {
            return List.of(literal);
        }
        if (IpLiterals.looksNumeric(host)) {
            throw new RefusedAddressException(host + " is a malformed IP address");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        List<InetAddress> resolved = resolver.resolve(host);
        if (resolved == null || resolved.isEmpty()) {
            throw new UnknownHostException(host + " does not resolve");
        }
        return List.copyOf(resolved);
    }
}

package dev.policywatch.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a host name (never an IP literal: {@link IpLiterals} parses those) to its addresses. Tests
 * pass a function of a few fixed names so a name can resolve to a private address, as an attacker's
 * DNS would make it.
 */
@FunctionalInterface
public interface HostResolver {

    /** All addresses of {@code host}; throws when it does not resolve. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (the system's DNS). */
    static HostResolver system() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }
}

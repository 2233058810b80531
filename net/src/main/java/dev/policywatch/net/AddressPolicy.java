package dev.policywatch.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The one answer to "is this address on the public internet?", for every outbound request of the
 * crawler and the notifier. Not public, so never connected to unless its exact origin is trusted:
 * <ul>
 *   <li>IPv4: "this network" 0/8, private 10/8, 172.16/12, 192.168/16, loopback 127/8, CGNAT 100.64/10
 *       (where some clouds put metadata, 100.100.100.200), link-local 169.254/16 with the cloud metadata
 *       address 169.254.169.254, IETF protocol assignments 192.0.0/24, TEST-NET-1/2/3 (192.0.2/24,
 *       198.51.100/24, 203.0.113/24), the 6to4 relay anycast 192.88.99/24, benchmarking 198.18/15,
 *       AS112 192.31.196/24 and 192.175.48/24, AMT 192.52.193/24, multicast 224/4, reserved 240/4 and
 *       broadcast;</li>
 *   <li>IPv6: unspecified, loopback, every address whose first 80 bits are zero (IPv4-compatible
 *       {@code ::a.b.c.d}, IPv4-mapped {@code ::ffff:a.b.c.d}), NAT64 64:ff9b::/96 and 64:ff9b:1::/48,
 *       6to4 2002::/16 and Teredo 2001::/32 (inside the IETF block 2001::/23, all refused), documentation
 *       2001:db8::/32 and 3fff::/20, discard 100::/64, unique-local fc00::/7 (fd00:ec2::254 included),
 *       link-local fe80::/10, site-local fec0::/10, multicast ff00::/8, and anything outside global
 *       unicast 2000::/3.</li>
 * </ul>
 * Every IPv6 form that embeds or translates an IPv4 address is refused whatever the IPv4 inside, since a
 * translator on the path could deliver it to an internal IPv4 host. Pure and thread-safe.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** True only for a globally routable unicast address. */
    public static boolean isPublic(InetAddress address) {
        if (address == null || address.isAnyLocalAddress() || address.isLoopbackAddress()
                || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            return isPublicV4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(address.getAddress());
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // "this" network
                || a0 == 10                                // private
                || a0 == 127                               // loopback
                || (a0 == 100 && (a1 & 0xc0) == 64)        // CGNAT 100.64/10
                || (a0 == 169 && a1 == 254)                // link-local, metadata
                || (a0 == 172 && (a1 & 0xf0) == 16)        // private
                || (a0 == 192 && a1 == 0 && a2 == 0)       // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // TEST-NET-1
                || (a0 == 192 && a1 == 31 && a2 == 196)    // AS112
                || (a0 == 192 && a1 == 52 && a2 == 193)    // AMT
                || (a0 == 192 && a1 == 88 && a2 == 99)     // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                // private
                || (a0 == 192 && a1 == 175 && a2 == 48)    // AS112 direct delegation
                || (a0 == 198 && (a1 & 0xfe) == 18)        // benchmarking 198.18/15
                || (a0 == 198 && a1 == 51 && a2 == 100)    // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)     // TEST-NET-3
                || a0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) {
            first80Zero &= b[i] == 0;
        }
        if (first80Zero) {
            return false;                                  // ::, ::1, IPv4-compatible, IPv4-mapped (::ffff:a.b.c.d)
        }
        if ((w0 & 0xfe00) == 0xfc00 || (w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0 || (w0 & 0xff00) == 0xff00) {
            return false;                                  // unique-local, link-local, site-local, multicast
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return false;                                  // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
        }
        if (w0 == 0x2002 || (w0 == 0x2001 && (w1 & 0xfe00) == 0) || (w0 == 0x2001 && w1 == 0x0db8)) {
            return false;                                  // 6to4, IETF 2001::/23 with Teredo 2001::/32, documentation
        }
        if (w0 == 0x3fff && (w1 & 0xf000) == 0) {
            return false;                                  // documentation 3fff::/20
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return false;                                  // discard-only 100::/64
        }
        return (w0 & 0xe000) == 0x2000;                    // only global unicast 2000::/3 is public
    }
}

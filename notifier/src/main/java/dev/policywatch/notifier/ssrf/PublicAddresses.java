package dev.policywatch.notifier.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet. Everything else is refused as a webhook target unless
 * its exact origin is allow-listed: loopback, unspecified, private (10/8, 172.16/12, 192.168/16),
 * CGNAT (100.64/10, where some clouds put metadata), link-local (169.254/16 with the cloud metadata
 * address 169.254.169.254, fe80::/10), benchmarking, documentation, multicast and reserved ranges,
 * IPv6 unique-local (fc00::/7, also fd00:ec2::254), site-local, and every IPv6 form that embeds or
 * translates an IPv4 address (IPv4-mapped and -compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48,
 * 6to4 2002::/16, Teredo 2001::/32), since those can reach an internal IPv4 host. Pure and thread-safe.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** True only for a globally routable unicast address. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
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
                || (a0 == 192 && a1 == 88 && a2 == 99)     // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                // private
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
        if (w0 == 0x2002 || (w0 == 0x2001 && w1 == 0x0000) || (w0 == 0x2001 && w1 == 0x0db8)) {
            return false;                                  // 6to4, Teredo, documentation
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return false;                                  // discard-only 100::/64
        }
        return (w0 & 0xe000) == 0x2000;                    // only global unicast 2000::/3 is public
    }
}

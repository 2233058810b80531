package dev.policywatch.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP literals the way URL parsers and {@code inet_aton} do, without any name lookup: dotted,
 * short ({@code 127.1}), decimal ({@code 2852039166}), hex ({@code 0xA9FEA9FE}), octal
 * ({@code 017700000001}) and bracketed IPv6. So an address cannot slip past the policy as a "name".
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address {@code host} spells (brackets optional for IPv6), or null when it is a name. */
    public static InetAddress parse(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String v6 = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host.indexOf(':') >= 0 ? host : null;
        if (v6 != null) {
            if (v6.isEmpty() || !v6.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            try {
                // a literal containing only hex digits, colons and dots never triggers a lookup
                return InetAddress.getByName(v6);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] v4 = parseV4(host);
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the last label is numeric: the WHATWG URL rules then treat the host as IPv4 (or invalid). */
    public static boolean looksNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && (last.matches("[0-9]+") || last.matches("0[xX][0-9a-fA-F]*"));
    }

    /** inet_aton: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last part fills the remaining bytes. */
    private static byte[] parseV4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            return null;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        long result = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            result |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        int remainingBytes = 4 - (parts.length - 1);
        if (last >= (1L << (8 * remainingBytes))) {
            return null;
        }
        result |= last;
        return new byte[] {(byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8), (byte) result};
    }

    private static Long number(String part) {
        try {
            if (part.isEmpty()) {
                return null;
            }
            if (part.startsWith("0x") || part.startsWith("0X")) {
                String hex = part.substring(2);
                return hex.isEmpty() ? 0L : (hex.length() > 8 ? null : Long.parseLong(hex, 16));
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() > 12 ? null : Long.parseLong(part.substring(1), 8);
            }
            return part.length() > 10 ? null : Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

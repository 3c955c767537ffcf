package io.duecall.sipconfig;

import java.util.regex.Pattern;

/** An IPv4 address with a mask, as manager.conf's {@code permit=} takes it: {@code 10.0.0.7/255.255.255.255}. */
record Ipv4Network(String address, int prefixLength) {
    private static final Pattern QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Parses {@code a.b.c.d}, {@code a.b.c.d/bits} or {@code a.b.c.d/m.m.m.m}; a bare address is /32. */
    static Ipv4Network parse(String text) {
        var slash = text.indexOf('/');
        var address = slash < 0 ? text : text.substring(0, slash);
        toInt(address);
        if (slash < 0) {
            return new Ipv4Network(address, 32);
        }
        var mask = text.substring(slash + 1);
        if (mask.matches("\\d{1,2}")) {
            int bits = Integer.parseInt(mask);
            if (bits > 32) {
                throw new IllegalArgumentException("prefix length " + bits);
            }
            return new Ipv4Network(address, bits);
        }
        int m = toInt(mask);
        int bits = Integer.bitCount(m);
        if (m != (bits == 0 ? 0 : -1 << (32 - bits))) {
            throw new IllegalArgumentException("mask " + mask + " is not contiguous");
        }
        return new Ipv4Network(address, bits);
    }

    boolean everyAddress() {
        return prefixLength == 0;
    }

    String mask() {
        int m = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (m >>> 24) + "." + ((m >>> 16) & 255) + "." + ((m >>> 8) & 255) + "." + (m & 255);
    }

    private static int toInt(String quad) {
        var m = QUAD.matcher(quad);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 address: " + quad);
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet);
            }
            value = value << 8 | octet;
        }
        return value;
    }
}

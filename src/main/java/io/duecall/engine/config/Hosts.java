package io.duecall.engine.config;

import io.netty.util.NetUtil;

/** What a listener's {@code bindHost} exposes, judged without asking DNS. */
final class Hosts {
    private Hosts() {}

    /**
     * Whether {@code host} is {@code localhost} or a loopback address. Any other name counts as reachable from other
     * hosts, since what it resolves to can change after start-up.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        var text = host.strip();
        if (text.equalsIgnoreCase("localhost")) {
            return true;
        }
        var literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return (NetUtil.isValidIpV4Address(literal) || NetUtil.isValidIpV6Address(literal))
                && NetUtil.createInetAddressFromIpAddressString(literal).isLoopbackAddress();
    }
}

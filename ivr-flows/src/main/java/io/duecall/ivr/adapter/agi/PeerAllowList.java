package io.duecall.ivr.adapter.agi;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses the FastAGI server takes connections from: the PBXs, each an address ({@code 10.0.0.5}) or a network
 * ({@code 10.0.0.0/24}, {@code fd00::/64}). Only address literals are taken: a host name would be trusted for whatever
 * it resolves to later. {@link #ANY} takes every peer, for a server that listens on loopback only.
 */
public final class PeerAllowList {
    public static final PeerAllowList ANY = new PeerAllowList(List.of(), List.of());
    private final List<IpSubnetFilterRule> rules;
    private final List<String> entries;

    private PeerAllowList(List<IpSubnetFilterRule> rules, List<String> entries) {
        this.rules = List.copyOf(rules);
        this.entries = List.copyOf(entries);
    }

    /** The entries of {@code key} (such as {@code agi.allowFrom}); each bad entry is added to {@code errors}. */
    public static PeerAllowList parse(String key, List<String> given, List<String> errors) {
        var rules = new ArrayList<IpSubnetFilterRule>();
        var kept = new ArrayList<String>();
        for (int i = 0; i < given.size(); i++) {
            var rule = rule(given.get(i));
            if (rule == null) {
                errors.add(key + "[" + i + "] was '" + given.get(i) + "' but it must be an IP address such as 10.0.0.5"
                        + " or a network such as 10.0.0.0/24");
            } else {
                rules.add(rule);
                kept.add(given.get(i).strip());
            }
        }
        return new PeerAllowList(rules, kept);
    }

    private static IpSubnetFilterRule rule(String entry) {
        if (entry == null) {
            return null;
        }
        var text = entry.strip();
        var slash = text.indexOf('/');
        var address = slash < 0 ? text : text.substring(0, slash);
        boolean v4 = NetUtil.isValidIpV4Address(address);
        if (!v4 && !NetUtil.isValidIpV6Address(address)) {
            return null;
        }
        int bits = v4 ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new IpSubnetFilterRule(NetUtil.createInetAddressFromIpAddressString(address), prefix,
                IpFilterRuleType.ACCEPT);
    }

    /** Whether a peer at {@code address} may open a session. */
    public boolean permits(InetAddress address) {
        if (rules.isEmpty()) {
            return true;
        }
        var peer = new InetSocketAddress(address, 0);
        return rules.stream().anyMatch(rule -> rule.matches(peer));
    }

    /** Whether this list takes every peer. */
    public boolean any() {
        return rules.isEmpty();
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "any peer" : String.join(", ", entries);
    }
}

package io.duecall.ivr.adapter.agi;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs connections refused for not being in {@code agi.allowFrom}: the first from each address at once, then at
 * most one line a minute per address with the count, so a host knocking in a loop cannot fill the log. Used by the
 * accept thread only.
 */
final class RefusedPeers {
    private static final Logger LOG = LoggerFactory.getLogger(IvrServer.class);
    private static final long QUIET_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_ADDRESSES = 1024;
    private final Map<InetAddress, long[]> byAddress = new HashMap<>();

    void notAllowed(InetAddress address, PeerAllowList allowFrom) {
        long now = System.nanoTime();
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            byAddress.clear();
        }
        var seen = byAddress.computeIfAbsent(address, a -> new long[] {now - QUIET_NANOS, 0});
        seen[1]++;
        if (now - seen[0] >= QUIET_NANOS) {
            LOG.warn("FastAGI connection from {} refused: not in agi.allowFrom ({}){}", address.getHostAddress(),
                    allowFrom, seen[1] > 1 ? "; " + seen[1] + " refused from it in the last minute" : "");
            seen[0] = now;
            seen[1] = 0;
        }
    }
}

package io.duecall.ivr.adapter.agi;

import java.time.Duration;
import java.util.ArrayList;

/**
 * What one FastAGI peer may cost the server before it is cut off. Asterisk sends an AGI environment of about 25
 * short lines at once, so the defaults leave it a wide margin and a hostile or broken peer a small one.
 *
 * @param maxSessions sessions open at once; a connection beyond them is closed at once, and the log says so once
 * @param maxLineBytes the longest line a peer may send, in its environment or as the reply to a command
 * @param maxHeaderLines the most lines of an AGI environment
 * @param maxHeaderBytes the most bytes of an AGI environment, line breaks included
 * @param headerTimeout how long a peer has from connecting to the end of its environment, however it paces its lines
 */
public record AgiLimits(int maxSessions, int maxLineBytes, int maxHeaderLines, int maxHeaderBytes,
        Duration headerTimeout) {

    public AgiLimits {
        var problems = new ArrayList<String>();
        if (maxSessions < 1) {
            problems.add("agi.maxSessions: " + maxSessions + " (expected > 0)");
        }
        if (maxLineBytes < 256) {
            problems.add("agi.maxLineBytes: " + maxLineBytes + " (expected >= 256)");
        }
        if (maxHeaderLines < 1) {
            problems.add("agi.maxHeaderLines: " + maxHeaderLines + " (expected > 0)");
        }
        if (maxHeaderBytes < maxLineBytes) {
            problems.add("agi.maxHeaderBytes: " + maxHeaderBytes + " (expected >= agi.maxLineBytes " + maxLineBytes + ")");
        }
        if (headerTimeout == null || headerTimeout.toMillis() < 1 || headerTimeout.toMillis() > Integer.MAX_VALUE) {
            problems.add("agi.headerTimeout: " + headerTimeout + " (expected PT0.001S to 24 days)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** 2,000 sessions (one node's measured capacity); lines of 8 KiB; an environment of 128 lines and 32 KiB within 10 s. */
    public static AgiLimits defaults() {
        return new AgiLimits(2000, 8192, 128, 32 * 1024, Duration.ofSeconds(10));
    }

    /** These limits with room for {@code sessions} at once. */
    public AgiLimits withMaxSessions(int sessions) {
        return new AgiLimits(sessions, maxLineBytes, maxHeaderLines, maxHeaderBytes, headerTimeout);
    }
}

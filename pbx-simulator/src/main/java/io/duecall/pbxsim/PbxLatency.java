package io.duecall.pbxsim;

import java.time.Duration;
import java.util.Locale;

/**
 * How long the simulated PBX itself takes, in real time (never scaled by the time scale, which is for the people on
 * the line). {@link #RECORDED} holds the figures the Asterisk 22.10.1 transcripts show on loopback
 * ({@code src/test/resources/asterisk22/}, millisecond stamps):
 * <ul>
 *   <li>every manager action is answered about 1 ms after it arrives (Originate: sent +301/+302, "Originate
 *       successfully queued" +302; Redirect: sent +1304/+1305, "Redirect successful" +1305/+1306), and a manager
 *       session handles its actions one after another, so an action waits for those sent before it on the same
 *       connection;</li>
 *   <li>a command the FastAGI script had running when the Redirect came ends with {@code 200 result=-1} at once and the
 *       {@code HANGUP} line follows 40 ms later (case 7d: +1305, +1345);</li>
 *   <li>the redirected channel starts its new dialplan about 2 ms after the script closes the FastAGI socket (close
 *       to the agent's Newchannel: 7a 1 ms, 7b 3 ms, 7c2 1 ms, 7d 2 ms, 7e 3 ms).</li>
 * </ul>
 * {@link #NONE} answers at once, as the simulator did before it was held to the transcripts; tests that count
 * events rather than time use it.
 */
public enum PbxLatency {
    NONE(Duration.ZERO, Duration.ZERO, Duration.ZERO),
    RECORDED(Duration.ofMillis(1), Duration.ofMillis(40), Duration.ofMillis(2));

    private final Duration action;
    private final Duration hangupNotice;
    private final Duration closeToDialplan;

    PbxLatency(Duration action, Duration hangupNotice, Duration closeToDialplan) {
        this.action = action;
        this.hangupNotice = hangupNotice;
        this.closeToDialplan = closeToDialplan;
    }

    /** From a manager action's arrival to its response, when the session has nothing else to do. */
    public Duration action() {
        return action;
    }

    /** From the {@code 200 result=-1} of a command a Redirect cut short to the {@code HANGUP} line after it. */
    public Duration hangupNotice() {
        return hangupNotice;
    }

    /** From the script closing a redirected channel's FastAGI socket to the new context's first step. */
    public Duration closeToDialplan() {
        return closeToDialplan;
    }

    /** Parses {@code recorded} or {@code none} (any case); the error names the key and the values allowed. */
    public static PbxLatency parse(String key, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' (expected recorded or none)", e);
        }
    }
}

package io.duecall.pbxsim;

import java.time.Instant;
import java.util.Objects;

/**
 * One call the simulator placed, as the PBX saw it: the number dialed, the CALL_ID variable of the originate (null
 * if none), when the originate arrived and when the call ended ({@code null} while it is still up), the originate's
 * Channel (the trunk it went out on) and Context (whose dialplan runs once answered), and when the far end answered
 * and when the call was bridged to an agent ({@code null} if it never was). Audits use it to find a number dialed
 * twice at once, including by a dialer that died without writing its ledger.
 */
public record PlacedCall(String number, String callId, Instant startedAt, Instant endedAt, String channel,
        String context, Instant answeredAt, Instant bridgedAt) {
    public PlacedCall {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A call whose answer and bridge are not known. */
    public PlacedCall(String number, String callId, Instant startedAt, Instant endedAt, String channel, String context) {
        this(number, callId, startedAt, endedAt, channel, context, null, null);
    }

    /** A call whose originate's channel and context are not known. */
    public PlacedCall(String number, String callId, Instant startedAt, Instant endedAt) {
        this(number, callId, startedAt, endedAt, null, null);
    }

    /** True if both name one call: the same number, CALL_ID, originate channel and start, whatever their end. */
    public boolean sameCall(PlacedCall other) {
        return number.equals(other.number) && Objects.equals(callId, other.callId) && startedAt.equals(other.startedAt)
                && Objects.equals(channel, other.channel);
    }

    /** True if the two calls were up at the same time; a call still up lasts until {@code now}. */
    public boolean overlaps(PlacedCall other, Instant now) {
        var myEnd = endedAt == null ? now : endedAt;
        var otherEnd = other.endedAt == null ? now : other.endedAt;
        return startedAt.isBefore(otherEnd) && other.startedAt.isBefore(myEnd);
    }
}

package io.duecall.domain.campaign;

import io.duecall.domain.window.CallingWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * A reminder or agent campaign: which calls it places, when, how fast, and what the debtor hears about who is calling.
 *
 * @param channelLimit most calls this campaign may have up at once (ringing, in the IVR or bridged)
 * @param ringTimeout how long a call rings before it counts as not answered (at least 15 s, as the rules ask)
 * @param agentWait how long an answered caller may wait for an agent before the call counts as abandoned
 * @param lease how long a claimed account stays reserved for this dialer before another may claim it; at least
 *     {@code ringTimeout + maxCallDuration + LEASE_MARGIN}, so that a call of a dialer that died is over at the PBX
 *     before its account can be claimed again
 * @param promiseHorizonDays how many days ahead a promise may be dated
 * @param maxCallDuration the longest an answered call may last; the PBX hangs it up then, wherever it is (IVR, agent
 *     wait, bridged to an agent)
 */
public record Campaign(
        CampaignId id,
        String name,
        CampaignMode mode,
        CallingWindow window,
        String companyName,
        String callbackNumber,
        int channelLimit,
        Duration ringTimeout,
        Duration agentWait,
        Duration lease,
        int promiseHorizonDays,
        Duration maxCallDuration) {

    /** What a lease covers beyond the ring time and the longest call: the originate's start, clocks, the PBX's hang-up. */
    public static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** The shortest maximum call duration: room for the IVR's reminder and an agent's first words. */
    public static final Duration MIN_CALL_DURATION = Duration.ofSeconds(30);

    /** A campaign whose calls may last as long as its lease allows: {@code lease - ringTimeout - LEASE_MARGIN}. */
    public Campaign(CampaignId id, String name, CampaignMode mode, CallingWindow window, String companyName,
            String callbackNumber, int channelLimit, Duration ringTimeout, Duration agentWait, Duration lease,
            int promiseHorizonDays) {
        this(id, name, mode, window, companyName, callbackNumber, channelLimit, ringTimeout, agentWait, lease,
                promiseHorizonDays, longestCall(lease, ringTimeout));
    }

    /** The longest call a lease covers with {@code ringTimeout}, or null if either is missing. */
    public static Duration longestCall(Duration lease, Duration ringTimeout) {
        return lease == null || ringTimeout == null ? null : lease.minus(ringTimeout).minus(LEASE_MARGIN);
    }

    public Campaign {
        Objects.requireNonNull(id, "campaign.id");
        Objects.requireNonNull(mode, "campaign.mode");
        Objects.requireNonNull(window, "campaign.window");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("campaign.name: '" + name + "' (expected a name)");
        }
        if (companyName == null || companyName.isBlank()) {
            throw new IllegalArgumentException("campaign.companyName: '" + companyName + "' (expected the caller's business name)");
        }
        if (callbackNumber == null || !callbackNumber.matches("\\+?[0-9]{3,20}")) {
            throw new IllegalArgumentException("campaign.callbackNumber: '" + callbackNumber + "' (expected digits, optionally after +)");
        }
        if (channelLimit <= 0) {
            throw new IllegalArgumentException("campaign.channelLimit: " + channelLimit + " (expected > 0)");
        }
        if (ringTimeout == null || ringTimeout.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new IllegalArgumentException("campaign.ringTimeout: " + ringTimeout + " (expected >= PT15S)");
        }
        if (agentWait == null || agentWait.isNegative() || agentWait.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("campaign.agentWait: " + agentWait + " (expected 0 to PT2S)");
        }
        if (lease == null || lease.compareTo(ringTimeout.plus(LEASE_MARGIN).plus(MIN_CALL_DURATION)) < 0) {
            throw new IllegalArgumentException("campaign.lease: " + lease + " (expected at least ringTimeout " + ringTimeout
                    + " + " + LEASE_MARGIN + " margin + a call of at least " + MIN_CALL_DURATION + ")");
        }
        if (maxCallDuration == null || maxCallDuration.compareTo(MIN_CALL_DURATION) < 0) {
            throw new IllegalArgumentException("campaign.maxCallDuration: " + maxCallDuration + " (expected at least "
                    + MIN_CALL_DURATION + ")");
        }
        if (lease.compareTo(ringTimeout.plus(maxCallDuration).plus(LEASE_MARGIN)) < 0) {
            throw new IllegalArgumentException("campaign.lease: " + lease + " (expected at least ringTimeout " + ringTimeout
                    + " + maxCallDuration " + maxCallDuration + " + " + LEASE_MARGIN + " margin = "
                    + ringTimeout.plus(maxCallDuration).plus(LEASE_MARGIN) + ", so that a dead node's call is over"
                    + " at the PBX before its account can be dialed again)");
        }
        if (promiseHorizonDays <= 0 || promiseHorizonDays > 31) {
            throw new IllegalArgumentException("campaign.promiseHorizonDays: " + promiseHorizonDays + " (expected 1 to 31)");
        }
    }
}

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
 * @param lease how long a claimed account stays reserved for this dialer before another may claim it
 * @param promiseHorizonDays how many days ahead a promise may be dated
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
        RetryPolicy retry) {

    public Campaign {
        Objects.requireNonNull(id, "campaign.id");
        Objects.requireNonNull(mode, "campaign.mode");
        Objects.requireNonNull(window, "campaign.window");
        Objects.requireNonNull(retry, "campaign.retry");
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
        if (lease == null || lease.compareTo(ringTimeout) <= 0) {
            throw new IllegalArgumentException("campaign.lease: " + lease + " (expected longer than ringTimeout " + ringTimeout + ")");
        }
        if (promiseHorizonDays <= 0 || promiseHorizonDays > 31) {
            throw new IllegalArgumentException("campaign.promiseHorizonDays: " + promiseHorizonDays + " (expected 1 to 31)");
        }
    }
}

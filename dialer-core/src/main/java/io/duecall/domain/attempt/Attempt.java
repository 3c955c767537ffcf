package io.duecall.domain.attempt;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One line of the attempt ledger: a dial and everything that happened to it.
 * Fields that did not happen (no answer, no bridge, no promise, no IVR flow) are null; {@code flowVersion} names
 * the version of the IVR flow that served the call. {@code locationCall} marks a call to a third-party contact,
 * whose {@code number} is the contact's. {@code zone} is the zone the debtor's local time is given in, and
 * {@code timeZones} every zone the call was judged in (the number's zones when the account gives none; it holds
 * {@code zone}). {@code rightParty} says the person who answered confirmed being the debtor, and {@code disclosed}
 * the most the call said about the debt; together they make a conversation. {@code originatedAt} is when the
 * Originate was sent (the calling window and every rule were judged at that instant), {@code originateAcceptedAt}
 * when the PBX accepted it (null on lines written before it was recorded, or when the PBX never answered the action).
 * {@code test} marks an operator's test call ({@code ./duecall test-call}): placed for a test account, it counts
 * toward no debtor's caps and no audit of the rules.
 */
public record Attempt(
        String callId,
        CampaignId campaign,
        AccountId account,
        E164 number,
        ZoneId zone,
        LocalDateTime debtorLocalTime,
        Instant originatedAt,
        Instant answeredAt,
        Instant bridgedAt,
        Instant endedAt,
        CallOutcome outcome,
        Disposition disposition,
        String agent,
        boolean abandoned,
        Money promiseAmount,
        LocalDate promiseDate,
        String flowVersion,
        DialContext dialContext,
        boolean locationCall,
        boolean rightParty,
        Disclosure disclosed,
        List<ZoneId> timeZones,
        Instant originateAcceptedAt,
        boolean test) {

    /** A line of a call placed for a debtor (not a test call). */
    public Attempt(String callId, CampaignId campaign, AccountId account, E164 number, ZoneId zone,
            LocalDateTime debtorLocalTime, Instant originatedAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
            CallOutcome outcome, Disposition disposition, String agent, boolean abandoned, Money promiseAmount,
            LocalDate promiseDate, String flowVersion, DialContext dialContext, boolean locationCall,
            boolean rightParty, Disclosure disclosed, List<ZoneId> timeZones, Instant originateAcceptedAt) {
        this(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt, bridgedAt, endedAt,
                outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion, dialContext,
                locationCall, rightParty, disclosed, timeZones, originateAcceptedAt, false);
    }

    /** The same line marked as a test call's. */
    public Attempt asTest() {
        return new Attempt(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt,
                bridgedAt, endedAt, outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion,
                dialContext, locationCall, rightParty, disclosed, timeZones, originateAcceptedAt, true);
    }

    /** A line without the originate's acceptance time. */
    public Attempt(String callId, CampaignId campaign, AccountId account, E164 number, ZoneId zone,
            LocalDateTime debtorLocalTime, Instant originatedAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
            CallOutcome outcome, Disposition disposition, String agent, boolean abandoned, Money promiseAmount,
            LocalDate promiseDate, String flowVersion, DialContext dialContext, boolean locationCall,
            boolean rightParty, Disclosure disclosed, List<ZoneId> timeZones) {
        this(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt, bridgedAt, endedAt,
                outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion, dialContext,
                locationCall, rightParty, disclosed, timeZones, null);
    }

    public Attempt {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(debtorLocalTime, "debtorLocalTime");
        Objects.requireNonNull(originatedAt, "originatedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(disposition, "disposition");
        if ((promiseAmount == null) != (promiseDate == null)) {
            throw new IllegalArgumentException("promise: amount and date must be given together");
        }
        if (flowVersion != null && !flowVersion.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("flowVersion: '" + flowVersion + "' (expected 1-64 of A-Z a-z 0-9 . _ : -)");
        }
        if (locationCall && promiseAmount != null) {
            throw new IllegalArgumentException("promise: a location call to a third party cannot carry a promise");
        }
        if (originateAcceptedAt != null && originateAcceptedAt.isBefore(originatedAt)) {
            throw new IllegalArgumentException("originateAcceptedAt: " + originateAcceptedAt
                    + " (expected at or after originatedAt " + originatedAt + ")");
        }
        Objects.requireNonNull(disclosed, "disclosed");
        timeZones = timeZones == null || timeZones.isEmpty() ? List.of(zone) : List.copyOf(timeZones);
        if (!timeZones.contains(zone)) {
            throw new IllegalArgumentException("timeZones: " + timeZones + " (expected to hold zone " + zone + ")");
        }
    }

    /**
     * A line that does not say whether the right party was verified or what was disclosed (written before the ledger
     * had those columns): both are read from the disposition, and the call was judged in {@code zone} alone.
     */
    public Attempt(String callId, CampaignId campaign, AccountId account, E164 number, ZoneId zone,
            LocalDateTime debtorLocalTime, Instant originatedAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
            CallOutcome outcome, Disposition disposition, String agent, boolean abandoned, Money promiseAmount,
            LocalDate promiseDate, String flowVersion, DialContext dialContext, boolean locationCall) {
        this(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt, bridgedAt, endedAt,
                outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion, dialContext,
                locationCall, disposition != null && disposition.impliesRightParty(),
                disposition == null ? Disclosure.NOTHING : disposition.impliedDisclosure(), List.of());
    }

    /** Whether the call reached the dialed number (Regulation F 1006.14(b)(3)); see {@link CallOutcome#connected}. */
    public boolean connected() {
        return outcome.connected();
    }

    /** A call to one of the debtor's own numbers. */
    public Attempt(String callId, CampaignId campaign, AccountId account, E164 number, ZoneId zone,
            LocalDateTime debtorLocalTime, Instant originatedAt, Instant answeredAt, Instant bridgedAt, Instant endedAt,
            CallOutcome outcome, Disposition disposition, String agent, boolean abandoned, Money promiseAmount,
            LocalDate promiseDate, String flowVersion, DialContext dialContext) {
        this(callId, campaign, account, number, zone, debtorLocalTime, originatedAt, answeredAt, bridgedAt, endedAt,
                outcome, disposition, agent, abandoned, promiseAmount, promiseDate, flowVersion, dialContext, false);
    }
}

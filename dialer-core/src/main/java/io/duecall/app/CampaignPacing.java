package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.AbandonCounters;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.domain.pacing.CallObservation;
import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.pacing.PacingSnapshot;
import io.duecall.domain.pacing.PredictivePacer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One campaign's pacer and its abandon figures, today and over 30 days, as the engine feeds them. The tick thread
 * asks for decisions while telephony and IVR threads report outcomes, so every use is serialized here.
 */
final class CampaignPacing {
    private final Campaign campaign;
    private final PacingPolicy policy;
    private final Pacer pacer;
    private final AbandonLedger abandons;
    private final ZoneId zone;

    CampaignPacing(Campaign campaign, PacingPolicy policy, int maxPerTick, ZoneId zone) {
        var mismatch = policy.mismatch(campaign.mode());
        if (mismatch != null) {
            throw new IllegalArgumentException("campaign " + campaign.id() + ": " + mismatch);
        }
        this.campaign = campaign;
        this.policy = policy;
        this.pacer = policy.newPacer(maxPerTick);
        this.abandons = new AbandonLedger(new AbandonRule(campaign.agentWait(), false));
        this.zone = zone;
    }

    PacingPolicy policy() {
        return policy;
    }

    /** What the predictive pacer has done so far; empty for the other pacers. */
    synchronized Optional<PredictivePacer.Activity> predictiveActivity() {
        return pacer instanceof PredictivePacer p ? Optional.of(p.activity()) : Optional.empty();
    }

    synchronized int callsToPlace(PacingSnapshot snapshot) {
        return pacer.callsToPlace(snapshot);
    }

    synchronized void observe(CallObservation observation) {
        pacer.observe(observation);
    }

    /** A call stopped ringing; {@code chance} is the live chance it was placed with (NaN: none). */
    void resolved(Duration ringing, boolean live, double chance) {
        observe(new CallObservation.Resolved(seconds(ringing), live, chance));
    }

    /** Whether the pacer weighs each call's own live chance (the predictive pacer), so the engine should find them. */
    boolean wantsChances() {
        return policy.mode() == PacingPolicy.Mode.PREDICTIVE;
    }

    void talked(Duration talk) {
        observe(new CallObservation.TalkEnded(seconds(talk)));
    }

    void wrapped(Duration wrap) {
        observe(new CallObservation.WrapEnded(seconds(wrap)));
    }

    /** Counts a ledger line of this campaign; only agent campaigns abandon live answers. */
    synchronized void closed(Attempt attempt) {
        if (campaign.mode() == CampaignMode.AGENT && attempt.campaign().equals(campaign.id())) {
            abandons.record(attempt, zone);
        }
    }

    synchronized AbandonCounters counters(LocalDate today) {
        return abandons.counters(today);
    }

    static double seconds(Duration d) {
        return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
    }
}

package io.duecall.app;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.pacing.PacingSnapshot;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.Claim;
import io.duecall.port.OriginateThrottledException;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialing half of a tick: asks the campaign's pacer how many calls to place given what is up now, claims that
 * many accounts, and decides and originates each. A call is recorded placed with its account before the PBX hears
 * of it, so a node that dies leaves it findable; the next node to claim the account writes it first.
 */
final class DialTick {
    private static final Logger LOG = LoggerFactory.getLogger(DialTick.class);
    private static final Duration TELEPHONY_RETRY = Duration.ofMinutes(1);

    private final Clock clock;
    private final CampaignRegistry campaigns;
    private final CallsInFlight calls;
    private final AccountStore accounts;
    private final AttemptLedger ledger;
    private final CallOriginator telephony;
    private final BestTimeScheduler bestTime;
    private final AgentPool agents;

    DialTick(Clock clock, CampaignRegistry campaigns, CallsInFlight calls, AccountStore accounts, AttemptLedger ledger,
            CallOriginator telephony, AgentPool agents, BestTimeScheduler bestTime) {
        this.clock = clock;
        this.bestTime = bestTime;
        this.campaigns = campaigns;
        this.calls = calls;
        this.accounts = accounts;
        this.ledger = ledger;
        this.telephony = telephony;
        this.agents = agents;
    }

    /** Places the campaign's calls of this tick, none unless {@code mayDial} says so; returns how many left. */
    int dial(Campaign campaign, Instant now, BooleanSupplier mayDial) {
        var pacing = campaigns.pacing(campaign.id());
        agents.takeFinishedWrapUps(campaign.id(), now).forEach(pacing::wrapped);
        int wanted = mayDial.getAsBoolean() ? pacing.callsToPlace(snapshot(campaign, now)) : 0;
        int placed = 0;
        if (wanted > 0) {
            for (var claim : accounts.claim(campaign.id(), wanted, now, campaign.lease())) {
                if (place(campaign, claim)) {
                    placed++;
                }
            }
        }
        return placed;
    }

    PacingSnapshot snapshot(Campaign campaign, Instant now) {
        var ringingAges = new ArrayList<Double>();
        var ringingChances = new ArrayList<Double>();
        boolean anyChance = false;
        int waiting = 0;
        int up = 0;
        for (var call : calls.view()) {
            if (!call.campaign.id().equals(campaign.id())) {
                continue;
            }
            synchronized (call) {
                if (call.closed()) {
                    continue;
                }
                up++;
                if (call.ringing()) {
                    ringingAges.add(seconds(Duration.between(call.originatedAt, now)));
                    ringingChances.add(call.liveChance);
                    anyChance |= !Double.isNaN(call.liveChance);
                } else if (call.waitingForAgent()) {
                    waiting++;
                }
            }
        }
        var ages = ringingAges.stream().mapToDouble(Double::doubleValue).toArray();
        var counters = campaigns.pacing(campaign.id()).counters(now.atZone(clock.getZone()).toLocalDate());
        if (campaign.mode() != CampaignMode.AGENT) {
            return new PacingSnapshot(seconds(Duration.between(Instant.EPOCH, now)), 0, 0, 0, new double[0],
                    new double[0], ages, waiting, up, campaign.channelLimit(), counters);
        }
        var work = agents.figures().workload(campaign.id(), now);
        // calls placed before the campaign learned carry no chance (NaN): the pacer gives them the campaign's share
        var chances = anyChance ? ringingChances.stream().mapToDouble(Double::doubleValue).toArray() : new double[0];
        return new PacingSnapshot(seconds(Duration.between(Instant.EPOCH, now)), work.loggedIn(), work.ready(),
                work.reserved(), work.talkElapsed(), work.wrapElapsed(), ages, waiting, up, campaign.channelLimit(),
                counters, secondsLeftToday(campaign, now), chances, new double[0]);
    }

    /**
     * How long the campaign may still place calls on the day its abandons are counted for: until the window's last
     * originate in the engine's own time zone, the zone of that day. Once that has passed (debtors further west may
     * still be called), unknown, and the pacer pays back any overspent budget at once.
     */
    private double secondsLeftToday(Campaign campaign, Instant now) {
        var local = now.atZone(clock.getZone());
        var end = local.toLocalDate().atTime(campaign.window().lastOriginate()).atZone(clock.getZone());
        return end.isAfter(local) ? seconds(Duration.between(local, end)) : Double.NaN;
    }

    private static double seconds(Duration d) {
        return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
    }

    /**
     * Decides and places one claimed call at the instant it is sent, not at the tick's: the originates of one tick
     * leave one after another, and each is judged (window in every zone, every contact rule) and timed when it leaves,
     * so none goes out past the last instant its rules permit and its line carries when it really left.
     */
    private boolean place(Campaign campaign, Claim claim) {
        var now = clock.instant();
        if (!writeInterrupted(claim, now)) {
            return false;
        }
        var choice = campaigns.eligibility().decide(campaign.id(), claim.account(), now);
        switch (choice.decision()) {
            case DialDecision.Skip skip -> {
                skip(campaign, claim, skip);
                return false;
            }
            case DialDecision.Dial dial -> {
                var number = choice.number().orElseThrow();
                var chanceWanted = campaigns.pacing(campaign.id()).wantsChances();
                var placement = bestTime.firstCall(campaigns.eligibility(), campaign.id(), claim.account(),
                        chanceWanted ? number : null, now);
                var best = placement.at();
                if (best.isAfter(now)) {
                    // Never called yet, and its campaign learns when debtors answer: the first call waits for the
                    // best permitted slot within the hold, as every later one does.
                    accounts.release(claim, best);
                    return false;
                }
                var callId = "c-" + UUID.randomUUID();
                var call = new LiveCall(callId, claim, campaign, number, choice.contact().orElse(null),
                        dial.debtorTime(), dial.zones(), now);
                call.liveChance = placement.liveChance();
                call.dialContext = choice.context();
                ledger.placed(call.interruptedLine());
                calls.add(call);
                return originate(campaign, claim, call, now);
            }
        }
    }

    private boolean originate(Campaign campaign, Claim claim, LiveCall call, Instant now) {
        try {
            telephony.originate(new CallRequest(call.callId, campaign.id(), call.number, campaign.ringTimeout(),
                    campaign.maxCallDuration()));
            if (!telephony.reportsAcceptance()) {
                var accepted = clock.instant();
                synchronized (call) {
                    call.originateAcceptedAt = accepted;
                }
            }
            campaigns.counts(campaign.id()).dialed();
            return true;
        } catch (OriginateThrottledException e) {
            // Every PBX is full or at its rate: back to the queue now, to be claimed again next tick.
            calls.remove(call.callId);
            ledger.notPlaced(claim.account().id(), call.callId);
            accounts.release(claim, now);
            LOG.debug("originate throttled for campaign {}: {}", campaign.id(), e.getMessage());
            return false;
        } catch (TelephonyUnavailableException e) {
            calls.remove(call.callId);
            ledger.notPlaced(claim.account().id(), call.callId);
            accounts.release(claim, now.plus(TELEPHONY_RETRY));
            LOG.warn("originate refused for campaign {}: {}", campaign.id(), e.getMessage(), e);
            return false;
        }
    }

    /**
     * Writes an {@code INTERRUPTED} line for each call of the just-claimed account that was placed and never written
     * (its node died, or was killed, while the call was up), so the contact rules count it before the account is
     * dialed again. A call that may still be up (its PBX bound is not over) is left alone and the account goes back
     * until then; returns false in that case.
     */
    private boolean writeInterrupted(Claim claim, Instant now) {
        Instant upUntil = null;
        for (var line : ledger.unwritten(claim.account().id())) {
            if (calls.contains(line.callId())) {
                continue;
            }
            if (line.endedAt().isAfter(now)) {
                upUntil = upUntil == null || line.endedAt().isAfter(upUntil) ? line.endedAt() : upUntil;
                continue;
            }
            ledger.append(line);
            LOG.warn("call {} of account {} (originated {}) was never written by the node that placed it; "
                    + "written INTERRUPTED", line.callId(), line.account(), line.originatedAt());
        }
        if (upUntil != null) {
            accounts.release(claim, upUntil);
            return false;
        }
        return true;
    }

    private void skip(Campaign campaign, Claim claim, DialDecision.Skip skip) {
        campaigns.counts(campaign.id()).skipped(skip.reason());
        if (skip.nextEligible() == null) {
            LOG.info("account {} leaves campaign {}: {}", claim.account().id(), campaign.id(), skip.detail());
            accounts.finish(claim);
        } else {
            accounts.release(claim, skip.nextEligible());
        }
    }
}

package io.duecall.app;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.AttemptLedger;
import io.duecall.port.SuppressionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The engine's campaigns, each with its pacing, its figures and its rules (in {@link Eligibility}). Ticks run
 * {@linkplain #whileOpen while open} (the lock held shared); adding, replacing and removing a campaign hold it alone,
 * so no call starts meanwhile.
 */
final class CampaignRegistry {
    private final Clock clock;
    private final int maxOriginatesPerTick;
    private final Map<CampaignId, Campaign> campaigns = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<CampaignId, CampaignPacing> pacers = new ConcurrentHashMap<>();
    private final Map<CampaignId, CampaignFigures> figures = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Eligibility eligibility;

    /**
     * Each campaign with its rules (none: the defaults inside its window) and pacing (none: progressive for agent
     * campaigns, agentless for IVR ones). Abandon figures count days in the clock's zone; with a predictive campaign
     * they start from the ledger's last 30 days.
     */
    CampaignRegistry(Clock clock, int maxOriginatesPerTick, AttemptLedger ledger, SuppressionStore suppression,
            List<Campaign> campaignList, HolidayCalendar holidays, Map<CampaignId, ContactRules> rules,
            Map<CampaignId, PacingPolicy> pacing) {
        this.clock = clock;
        this.maxOriginatesPerTick = maxOriginatesPerTick;
        for (var campaign : campaignList) {
            if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
                throw new IllegalArgumentException("campaigns: campaign " + campaign.id() + " is listed twice");
            }
            pacers.put(campaign.id(), pacingFor(campaign, pacing.get(campaign.id())));
            figures.put(campaign.id(), new CampaignFigures());
        }
        if (pacers.values().stream().anyMatch(p -> p.policy().mode() == PacingPolicy.Mode.PREDICTIVE)) {
            countPastAbandons(ledger, clock.instant());
        }
        this.eligibility = new Eligibility(ledger, suppression, campaignList, holidays, rules);
    }

    private CampaignPacing pacingFor(Campaign campaign, PacingPolicy policy) {
        return new CampaignPacing(campaign, policy != null ? policy : PacingPolicy.defaultsFor(campaign.mode()),
                maxOriginatesPerTick, clock.getZone());
    }

    /** The ledger's lines of the last 30 days, so a restart keeps today's and the rolling abandon rates. */
    private void countPastAbandons(AttemptLedger ledger, Instant now) {
        var since = now.minus(Duration.ofDays(31));
        for (var attempt : ledger.endedSince(since)) {
            var pacing = pacers.get(attempt.campaign());
            if (pacing != null && attempt.answeredAt() != null && attempt.answeredAt().isAfter(since)) {
                pacing.closed(attempt);
            }
        }
    }

    /** Runs {@code work} with the campaigns held open: none is added, replaced or removed meanwhile. */
    <T> T whileOpen(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces the campaign; a replaced campaign keeps its figures, and its pacer starts afresh. */
    void upsert(Campaign campaign, ContactRules rules, PacingPolicy pacing) {
        Objects.requireNonNull(campaign, "campaign");
        lock.writeLock().lock();
        try {
            campaigns.put(campaign.id(), campaign);
            pacers.put(campaign.id(), pacingFor(campaign, pacing));
            figures.putIfAbsent(campaign.id(), new CampaignFigures());
            eligibility.put(campaign, rules);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes the campaign, refused while any of its calls is in flight or any ledger line waits for the store (both
     * counted with no tick under way).
     */
    void remove(CampaignId id, LongSupplier callsInFlight, IntSupplier linesWaiting) {
        lock.writeLock().lock();
        try {
            campaign(id);
            long inFlight = callsInFlight.getAsLong();
            if (inFlight > 0) {
                throw new IllegalStateException("campaign " + id + " has " + inFlight + " call(s) in flight (expected "
                        + "none): stop its dial cycle and remove it once they have ended");
            }
            int waiting = linesWaiting.getAsInt();
            if (waiting > 0) {
                throw new IllegalStateException("campaign " + id + " cannot be removed while " + waiting
                        + " ledger line(s) wait for the store to come back (expected none)");
            }
            campaigns.remove(id);
            pacers.remove(id);
            figures.remove(id);
            eligibility.remove(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    Campaign campaign(CampaignId id) {
        var campaign = campaigns.get(id);
        if (campaign == null) {
            throw new IllegalArgumentException("campaign: '" + id + "' is not configured");
        }
        return campaign;
    }

    List<Campaign> campaigns() {
        synchronized (campaigns) {
            return List.copyOf(campaigns.values());
        }
    }

    Eligibility eligibility() {
        return eligibility;
    }

    CampaignPacing pacing(CampaignId id) {
        return pacers.get(id);
    }

    CampaignFigures counts(CampaignId id) {
        return figures.get(id);
    }

    CampaignFigures.Snapshot figures(CampaignId id) {
        var counts = figures.get(id);
        if (counts == null) {
            throw new IllegalArgumentException("campaign: '" + id + "' is not configured");
        }
        return counts.snapshot();
    }

    Optional<PredictivePacer.Activity> predictiveActivity(CampaignId id) {
        var pacing = pacers.get(id);
        return pacing == null ? Optional.empty() : pacing.predictiveActivity();
    }

    /** Tells the call's pacer, once, whether an answered call is a live person, as soon as the engine knows. */
    void observeAnswer(LiveCall call, boolean live) {
        if (call.answeredAt == null || call.resolutionObserved) {
            return;
        }
        call.resolutionObserved = true;
        pacing(call.campaign.id()).resolved(Duration.between(call.originatedAt, call.answeredAt), live,
                call.liveChance);
    }
}

package io.duecall.app.report;

import io.duecall.app.AgentFigures;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.port.AttemptLedger;
import io.duecall.port.PromiseStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operations reports, read from the ledger, the promise store and the agents' daily time, never from running
 * counters, so every figure can be checked against the ledger: campaigns by day, contact rates by the debtor's local
 * hour and weekday, and agents' days. Days are counted in {@link #zone()}, the zone the abandon limit counts its
 * days in (the engine's).
 */
public final class Reports {
    /** The most abandoned live answers the rules allow, over a day and over 30 days: 3%. */
    public static final double ABANDON_LIMIT = 0.03;
    private final AttemptLedger ledger;
    private final PromiseStore promises;
    private final AgentFigures agents;
    private final Clock clock;
    private final ZoneId zone;

    public Reports(AttemptLedger ledger, PromiseStore promises, AgentFigures agents, Clock clock, ZoneId zone) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.promises = Objects.requireNonNull(promises, "promises");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** Every campaign's days of {@code range} with a call or a promise, by campaign and day. */
    public List<CampaignDay> campaigns(ReportRange range) {
        return CampaignDays.of(endedSince(range.from().minusDays(AbandonLedger.WINDOW_DAYS - 1L)),
                promises.statuses(), range, zone);
    }

    /** Each campaign's abandons today and over the 30 days ending today, for campaigns with calls in that time. */
    public Map<CampaignId, CampaignDay.Abandons> abandonsToday() {
        var today = today();
        return CampaignDays.abandonsOn(endedSince(today.minusDays(AbandonLedger.WINDOW_DAYS - 1L)), today, zone);
    }

    /** Calls of {@code campaign} (null: every campaign) by the debtor's local weekday and hour. */
    public ContactHours contactHours(CampaignId campaign, ReportRange range) {
        return ContactHours.of(endedSince(range.from()), campaign, range, zone);
    }

    /** Every agent's {@code day}, in seat order; today's time counts up to now. */
    public List<AgentDay> agents(LocalDate day) {
        Objects.requireNonNull(day, "day");
        var time = agents.timeOn(day, clock.instant());
        return AgentDays.of(day, zone, time, endedSince(day), promises::forCall);
    }

    /** The lines of calls ended since the start of {@code day}, streamed from the ledger as a report counts them. */
    private Lines endedSince(LocalDate day) {
        var since = startOf(day);
        return sink -> ledger.forEachEndedSince(since, sink);
    }

    private java.time.Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}

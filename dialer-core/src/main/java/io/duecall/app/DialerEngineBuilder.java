package io.duecall.app;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.CallOriginator;
import io.duecall.port.Journal;
import io.duecall.port.Pause;
import io.duecall.port.PromiseStore;
import io.duecall.port.SuppressionStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import io.duecall.port.HabitStore;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a {@link DialerEngine} is made of. The stores, the telephony, the agent pool, the campaigns and the most
 * originates a tick may send are required; everything else has a default, named on its setter.
 */
public final class DialerEngineBuilder {
    final Clock clock;
    final Pause pause;
    AccountStore accounts;
    AttemptLedger ledger;
    PromiseStore promises;
    SuppressionStore suppression = NoSuppressionList.INSTANCE;
    CallOriginator telephony;
    AgentPool agents;
    List<Campaign> campaigns;
    int maxOriginatesPerTick;
    HolidayCalendar holidays = HolidayCalendar.none();
    Map<CampaignId, ContactRules> rules = Map.of();
    Map<CampaignId, PacingPolicy> pacing = Map.of();
    Journal journal = Journal.none();
    Executor ledgerWriter = Runnable::run;
    Executor bridgeWatch;
    BestTimeScheduler bestTime = BestTimeScheduler.off(HabitStore.none());

    DialerEngineBuilder(Clock clock, Pause pause) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    public DialerEngineBuilder accounts(AccountStore accounts) {
        this.accounts = accounts;
        return this;
    }

    public DialerEngineBuilder ledger(AttemptLedger ledger) {
        this.ledger = ledger;
        return this;
    }

    public DialerEngineBuilder promises(PromiseStore promises) {
        this.promises = promises;
        return this;
    }

    /** The opt-out and do-not-call lists; by default none: nothing is opted out, and an opt-out in the IVR fails. */
    public DialerEngineBuilder suppression(SuppressionStore suppression) {
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        return this;
    }

    public DialerEngineBuilder telephony(CallOriginator telephony) {
        this.telephony = telephony;
        return this;
    }

    public DialerEngineBuilder agents(AgentPool agents) {
        this.agents = agents;
        return this;
    }

    /** The campaigns to dial, each id once. */
    public DialerEngineBuilder campaigns(List<Campaign> campaigns) {
        this.campaigns = List.copyOf(campaigns);
        return this;
    }

    public DialerEngineBuilder maxOriginatesPerTick(int maxOriginatesPerTick) {
        this.maxOriginatesPerTick = maxOriginatesPerTick;
        return this;
    }

    /** The days on which no debtor is called, judged on the debtor's own date; by default none. */
    public DialerEngineBuilder holidays(HolidayCalendar holidays) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        return this;
    }

    /** Each campaign's contact rules; a campaign without gets the defaults inside its own calling window. */
    public DialerEngineBuilder rules(Map<CampaignId, ContactRules> rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /** Each campaign's pacing; a campaign without dials progressive (agent campaigns) or agentless (IVR ones). */
    public DialerEngineBuilder pacing(Map<CampaignId, PacingPolicy> pacing) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        return this;
    }

    /**
     * Where what the store cannot take is kept durably until it can: a promise is confirmed to its caller once it is
     * there, and an ended call's line is written there before it waits in memory. What it holds from an earlier run
     * is applied before the engine places its first call. By default nowhere.
     */
    public DialerEngineBuilder journal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        return this;
    }

    /**
     * Where ended calls' lines are written and their accounts returned; by default on the thread that closed the call.
     * The account stays leased, and the call in flight, until its line is written.
     */
    public DialerEngineBuilder ledgerWriter(Executor writer) {
        this.ledgerWriter = Objects.requireNonNull(writer, "writer");
        return this;
    }

    /**
     * Where each call moved to an agent is checked at its bridge deadline (tasks wait with the engine's
     * {@link Pause}), so a phone that does not answer is found then rather than at the next tick; by default only
     * ticks and upkeep check.
     */
    public DialerEngineBuilder bridgeWatch(Executor watch) {
        this.bridgeWatch = Objects.requireNonNull(watch, "watch");
        return this;
    }

    /**
     * Where returning accounts are placed, and where written calls are counted; by default every account returns at
     * its first permitted instant and nothing is counted.
     */
    public DialerEngineBuilder bestTime(BestTimeScheduler bestTime) {
        this.bestTime = Objects.requireNonNull(bestTime, "bestTime");
        return this;
    }

    public DialerEngine build() {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(promises, "promises");
        Objects.requireNonNull(telephony, "telephony");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(campaigns, "campaigns");
        if (maxOriginatesPerTick <= 0) {
            throw new IllegalArgumentException("maxOriginatesPerTick: " + maxOriginatesPerTick + " (expected > 0)");
        }
        return new DialerEngine(this);
    }
}

package io.duecall.sim.strategy;

import io.duecall.app.BestTimeScheduler;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.besttime.ColdStartPrior;
import io.duecall.domain.besttime.Propensity;
import io.duecall.domain.besttime.PropensityModel;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.PeakRules;
import io.duecall.port.HabitStore;
import io.duecall.sim.portfolio.PortfolioPbx;
import java.util.List;
import java.util.Map;

/**
 * When an account that was not reached is called again: the ways the strategy benchmark compares, each as the rules
 * it runs under and the scheduler that places returning accounts.
 */
public enum Strategy {
    /** The first instant every rule permits, peaks or not. */
    FIRST_PERMITTED("first permitted instant"),
    /** Retries of debtors not reached wait for the fixed peak windows (the default rules). */
    FIXED_PEAKS("fixed peak windows"),
    /** The learned best time: each account at its best permitted slot, from the ledger alone. */
    LEARNED("learned best time"),
    /**
     * Knows the kinds of people's true habits but not who is which: each account's kind is inferred from its own
     * calls ({@link KnownShapes}). The most any model learning habit shapes from the ledger could know.
     */
    SHAPES("known shapes"),
    /** The ceiling: each account at its best permitted slot by the simulated person's true habits. */
    ORACLE("oracle (true habits)");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The rules this strategy runs under: the fixed peaks only for {@link #FIXED_PEAKS}. */
    public ContactRules rules(ContactRules base) {
        return this == FIXED_PEAKS ? base : base.withPeaks(new PeakRules(base.peaks().windows(), false, false));
    }

    /** The scheduler returning accounts go through, for a run whose people answer by {@code pbx}'s habits. */
    public BestTimeScheduler scheduler(CampaignId campaign, HabitStore habits, PortfolioPbx pbx) {
        return switch (this) {
            case FIRST_PERMITTED, FIXED_PEAKS -> BestTimeScheduler.off(habits);
            case LEARNED -> BestTimeScheduler.learned(habits, new PropensityModel(ColdStartPrior.defaults()),
                    BestTimeScheduler.Strengths.defaults(), Map.of(campaign, BestTime.defaults()));
            case SHAPES -> new BestTimeScheduler(habits, new KnownShapes(pbx), Map.of(campaign, BestTime.defaults()));
            case ORACLE -> new BestTimeScheduler(habits, (c, account, history, number) -> slot -> {
                double answer = pbx.trueAnswer(number, slot).orElse(0);
                return new Propensity(slot, answer, answer * pbx.rightPartyShareOfPeople(), List.of());
            }, Map.of(campaign, BestTime.defaults()));
        };
    }
}

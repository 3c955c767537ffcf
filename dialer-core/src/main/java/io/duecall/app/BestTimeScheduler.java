package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.besttime.ColdStartPrior;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.Propensity;
import io.duecall.domain.besttime.PropensityModel;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.CallTarget;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.dial.DialDecision;
import io.duecall.port.HabitStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When an account returns to the queue, places its next attempt at the permitted slot where the debtor is most likely
 * to be reached, for the campaigns that learn ({@code bestTime}); learns from every written call. The levels of the
 * pool: the campaign and the account's segment from the {@link HabitStore}, the account and the number from the
 * account's own history, so nothing is stored per account.
 */
public final class BestTimeScheduler {
    /** How many dials each level's parent is worth: broad levels weigh much, an account's few calls little. */
    public record Strengths(double campaign, double segment, double account, double number) {
        public static Strengths defaults() {
            return new Strengths(50, 20, 3, 2);
        }
    }

    /** The estimates for one account's number, slot by slot; built once per decision. */
    @FunctionalInterface
    public interface Estimator {
        Function<ContactSlot, Propensity> forNumber(CampaignId campaign, Account account, ContactHistory history,
                E164 number);
    }

    private static final BestTime NEVER_HOLD = new BestTime(java.time.Duration.ZERO, 1);


    private final HabitStore habits;
    private final Estimator estimator;
    private final Map<CampaignId, BestTime> campaigns = new java.util.concurrent.ConcurrentHashMap<>();

    /** Schedules the campaigns in {@code campaigns} by {@code estimator}; counts every written call in {@code habits}. */
    public BestTimeScheduler(HabitStore habits, Estimator estimator, Map<CampaignId, BestTime> campaigns) {
        this.habits = habits;
        this.estimator = estimator;
        this.campaigns.putAll(campaigns);
    }

    /** Learns from the ledger: {@code model} pooled over the campaign, segment, account and number. */
    public static BestTimeScheduler learned(HabitStore habits, PropensityModel model, Strengths strengths,
            Map<CampaignId, BestTime> campaigns) {
        Estimator learned = (campaign, account, history, number) -> {
            var levels = HabitLevels.of(habits, strengths, campaign, account, history, number);
            return slot -> model.at(slot, levels);
        };
        return new BestTimeScheduler(habits, learned, campaigns);
    }

    /** A scheduler that schedules nothing (every account goes back at its first permitted instant) but still learns. */
    public static BestTimeScheduler off(HabitStore habits) {
        return learned(habits, new PropensityModel(ColdStartPrior.defaults()), Strengths.defaults(), Map.of());
    }

    /** Learns from the ledger with the default prior and pool, for the campaigns in {@code campaigns}. */
    public static BestTimeScheduler learned(HabitStore habits, Map<CampaignId, BestTime> campaigns) {
        return learned(habits, new PropensityModel(ColdStartPrior.defaults()), Strengths.defaults(), campaigns);
    }

    /** From now on the campaign calls at its debtors' best time within {@code bestTime}'s hold; null: it does not. */
    public void use(CampaignId campaign, BestTime bestTime) {
        if (bestTime == null) {
            campaigns.remove(campaign);
        } else {
            campaigns.put(campaign, bestTime);
        }
    }

    public boolean schedules(CampaignId campaign) {
        return campaigns.containsKey(campaign);
    }

    /**
     * When to place the account's next attempt, {@code first} being the first instant every rule permits: a better
     * permitted slot within the campaign's hold when the campaign learns, else {@code first}.
     */
    public Instant next(Eligibility eligibility, CampaignId campaign, Account account, Instant first) {
        if (first == null || !schedules(campaign)) {
            return first;
        }
        return best(eligibility, campaign, account, eligibility.history(account, first), first);
    }

    /** The best permitted instant from {@code first} for the number the campaign would call next, on {@code history}. */
    private Instant best(Eligibility eligibility, CampaignId campaign, Account account, ContactHistory history,
            Instant first) {
        var policy = eligibility.policy(campaign);
        var target = policy.nextTarget(account, history, first);
        if (target.isEmpty()) {
            return first;
        }
        return schedule(campaign, account, history, target.get().number(), first,
                t -> policy.decide(account, target.get(), history, t) instanceof DialDecision.Dial).at();
    }

    /**
     * Where an account's call placed now stands with the model.
     *
     * @param at when to place it: its best permitted slot from now for the first call of an account never called on its
     *     own numbers in the history the rules look at, when the campaign learns; now otherwise (an account called
     *     before had its return placed when its last call ended)
     * @param liveChance the model's chance that a person answers a call to the number placed now, for the pacer; NaN
     *     when the campaign does not learn or no number was asked about
     */
    public record Placement(Instant at, double liveChance) {}

    /** As {@link Placement}, for a call to {@code number} (null: no chance wanted) placed {@code now}. */
    public Placement firstCall(Eligibility eligibility, CampaignId campaign, Account account, E164 number,
            Instant now) {
        if (!schedules(campaign)) {
            return new Placement(now, Double.NaN);
        }
        var own = account.phones().stream().map(Phone::number).collect(java.util.stream.Collectors.toSet());
        var history = eligibility.history(account, now);
        boolean calledBefore = history.attempts().stream().anyMatch(past -> own.contains(past.number()));
        var at = calledBefore ? now : best(eligibility, campaign, account, history, now);
        boolean placedNow = !at.isAfter(now);
        return new Placement(at, number != null && placedNow ? liveChance(campaign, account, history, number, now)
                : Double.NaN);
    }

    /** The model's chance that a person answers a call to {@code number} placed {@code at}. */
    public double liveChance(CampaignId campaign, Account account, ContactHistory history, E164 number, Instant at) {
        var estimate = estimator.forNumber(campaign, account, history, number);
        return estimate.apply(ContactSlot.of(at.atZone(HabitLevels.zone(account, number)).toLocalDateTime())).answer();
    }

    /** The best {@code n} slots of the number the campaign would call next, inside its calling window, for explain. */
    public List<Propensity> explain(Eligibility eligibility, CampaignId campaign, Account account, Instant now, int n) {
        var policy = eligibility.policy(campaign);
        var history = eligibility.history(account, now);
        var number = policy.nextTarget(account, history, now).map(CallTarget::number)
                .orElse(account.phones().getFirst().number());
        var zone = HabitLevels.zone(account, number);
        var window = policy.rules().window();
        return bestSlots(campaign, account, history, number, local -> window.permits(local.atZone(zone)), n);
    }

    /**
     * Counts a written call of the debtor's own number; calls to third parties say nothing of the debtor's habits, and
     * an operator's test call nothing of anyone's.
     */
    public void record(Attempt line, Account account) {
        if (line.locationCall() || line.test()) {
            return;
        }
        habits.record(line.campaign(), HabitLevels.segment(account, line.number()),
                ContactSlot.of(line.debtorLocalTime()), line.outcome() == CallOutcome.ANSWERED, line.rightParty());
    }

    /**
     * The instant to place the account's next attempt on {@code number}: {@code firstPermitted} for a campaign that
     * does not learn, else the best instant within the campaign's hold that {@code permitted} allows.
     */
    public BestTime.Choice schedule(CampaignId campaign, Account account, ContactHistory history, E164 number,
            Instant firstPermitted, Predicate<Instant> permitted) {
        var chooser = campaigns.getOrDefault(campaign, NEVER_HOLD);
        var estimate = estimator.forNumber(campaign, account, history, number);
        return chooser.choose(firstPermitted, HabitLevels.zone(account, number), permitted, BestTime.bySlot(estimate));
    }

    /** The account's {@code n} best slots on {@code number}, with the evidence behind each, for {@code explain}. */
    public List<Propensity> bestSlots(CampaignId campaign, Account account, ContactHistory history, E164 number,
            Predicate<LocalDateTime> inWindow, int n) {
        var estimate = estimator.forNumber(campaign, account, history, number);
        var monday = LocalDateTime.of(2024, 1, 1, 0, 0);
        return java.util.stream.IntStream.range(0, ContactSlot.COUNT).mapToObj(ContactSlot::ofIndex)
                .filter(slot -> inWindow.test(sample(monday, slot)))
                .map(estimate)
                .sorted(Comparator.comparingDouble(Propensity::reach).reversed())
                .limit(n).toList();
    }

    private static LocalDateTime sample(LocalDateTime monday, ContactSlot slot) {
        int day = switch (slot.day()) {
            case WEEKDAY -> 0;
            case SATURDAY -> 5;
            case SUNDAY -> 6;
        };
        return monday.plusDays(day).withHour(slot.hour());
    }
}

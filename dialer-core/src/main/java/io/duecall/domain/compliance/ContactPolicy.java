package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A campaign's answer to "may this number be dialed now, and if not, when next?". Every rule must permit the dial;
 * the next eligible instant is the first one at which all of them do, searched up to {@link #HORIZON} ahead.
 * The debtor's region (for stricter overlays) comes from {@code regionOf}.
 */
public final class ContactPolicy {
    public static final Duration HORIZON = Duration.ofDays(60);
    private static final int MAX_ROUNDS = 10_000;
    private final ContactRules rules;
    private final Function<Account, Optional<String>> regionOf;
    private final List<ContactRule> base;

    public ContactPolicy(ContactRules rules, HolidayCalendar holidays, Function<Account, Optional<String>> regionOf) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.regionOf = Objects.requireNonNull(regionOf, "regionOf");
        this.base = Rulebook.base(rules, Objects.requireNonNull(holidays, "holidays"));
    }

    /** The default rules, no holidays, no regions. */
    public static ContactPolicy defaults() {
        return of(ContactRules.defaults());
    }

    public static ContactPolicy of(ContactRules rules) {
        return new ContactPolicy(rules, HolidayCalendar.none(), account -> Optional.empty());
    }

    public ContactRules rules() {
        return rules;
    }

    public DialDecision decide(Account account, Phone phone, ContactHistory history, Set<ZoneId> zones, Instant now) {
        return explain(account, new CallTarget.Own(phone), history, zones, now).decision();
    }

    /** The decision for any target, in the zones the target must be convenient in ({@link CallTarget#zones}). */
    public DialDecision decide(Account account, CallTarget target, ContactHistory history, Instant now) {
        return explain(account, target, history, target.zones(account), now).decision();
    }

    public Explanation explain(Account account, Phone phone, ContactHistory history, Set<ZoneId> zones, Instant now) {
        return explain(account, new CallTarget.Own(phone), history, zones, now);
    }

    /** The decision with every rule's verdict, for "why was this account not called, and when will it be?". */
    public Explanation explain(Account account, CallTarget target, ContactHistory history, Set<ZoneId> zones,
            Instant now) {
        if (zones.isEmpty()) {
            return new Explanation(new DialDecision.Skip(SkipReason.NO_ZONE, null,
                    "the debtor's time zone cannot be determined"), List.of());
        }
        var sorted = zones.stream().sorted(Comparator.comparing(ZoneId::getId)).toList();
        var context = new DialContext(account, target, history, sorted);
        var applicable = rulesFor(account);
        var verdicts = applicable.stream().map(rule -> verdict(rule, context, now)).toList();
        var blocking = verdicts.stream().filter(v -> !v.permitsNow()).toList();
        if (blocking.isEmpty()) {
            return new Explanation(new DialDecision.Dial(now.atZone(sorted.getFirst()), sorted), verdicts);
        }
        var next = nextEligible(context, applicable, now);
        var primary = blocking.stream().min(Comparator
                .comparing((RuleVerdict v) -> v.nextPermitted() != null)
                .thenComparing(RuleVerdict::nextPermitted, Comparator.nullsFirst(Comparator.reverseOrder())))
                .orElseThrow();
        return new Explanation(new DialDecision.Skip(primary.reason(), next, detail(blocking, next)), verdicts);
    }

    private List<ContactRule> rulesFor(Account account) {
        var region = regionOf.apply(account);
        var overlay = region.map(rules.regions()::get);
        if (overlay.isEmpty()) {
            return base;
        }
        var all = new ArrayList<>(base);
        all.addAll(Rulebook.overlay(region.get(), overlay.get(), rules.limits().countedOutcomes()));
        return all;
    }

    /** Steps from one rule's earliest instant to the next until every rule permits, or gives up past the horizon. */
    private static Instant nextEligible(DialContext context, List<ContactRule> rules, Instant now) {
        var limit = now.plus(HORIZON);
        var t = now;
        for (int round = 0; round < MAX_ROUNDS && !t.isAfter(limit); round++) {
            var latest = t;
            for (var rule : rules) {
                var block = rule.check(context, t);
                if (block.isPresent()) {
                    if (block.get().until() == null) {
                        return null;
                    }
                    latest = block.get().until().isAfter(latest) ? block.get().until() : latest;
                }
            }
            if (latest.equals(t)) {
                return t;
            }
            t = latest;
        }
        return null;
    }

    private static RuleVerdict verdict(ContactRule rule, DialContext context, Instant now) {
        var block = rule.check(context, now);
        if (block.isEmpty()) {
            return new RuleVerdict(rule.name(), true, null, now, rule.permits(context, now));
        }
        var own = nextEligible(context, List.of(rule), now);
        return new RuleVerdict(rule.name(), false, block.get().reason(), own, block.get().detail());
    }

    private static String detail(List<RuleVerdict> blocking, Instant next) {
        var sb = new StringBuilder();
        for (var v : blocking) {
            sb.append(sb.isEmpty() ? "" : "; ").append(v.rule()).append(": ").append(v.detail());
        }
        sb.append(next == null ? "; not eligible within " + HORIZON.toDays() + " days" : "; next eligible " + next);
        return sb.toString();
    }

    /**
     * The debtor's own number to try next, ignoring third-party contacts: see {@link #nextTarget}. Empty when every
     * own number is suppressed or none is eligible within the horizon.
     */
    public Optional<Phone> nextNumber(Account account, ContactHistory history, Instant now) {
        return NumberChoice.pick(this, account, history, now, /* withContacts= */ false)
                .map(target -> ((CallTarget.Own) target).phone());
    }

    /**
     * Whom to call next: of the debtor's own numbers in the stage's order, the one dialable now that was tried least
     * in the past day (so an unanswered mobile yields to home, then work); then the third-party contacts the stage
     * allows, or the contacts first once the debtor cannot be reached. If none is dialable now, the one eligible
     * soonest (the earlier in that order on a tie). Empty when nothing may be called within the horizon.
     */
    public Optional<CallTarget> nextTarget(Account account, ContactHistory history, Instant now) {
        return NumberChoice.pick(this, account, history, now, /* withContacts= */ true);
    }

    /** Whether the debtor counts as not reachable now, by these rules' {@link ContactLimits}. */
    public boolean debtorUnreached(Account account, ContactHistory history, Instant now) {
        return Reachability.unreached(account, history, rules.contacts(), rules.limits()::isConversation, now);
    }
}

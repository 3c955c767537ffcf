package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.CallTarget;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.compliance.ContactPolicy;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.Explanation;
import io.duecall.domain.compliance.RulesFingerprint;
import io.duecall.domain.compliance.Suppression;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.domain.window.PeakWindow;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.port.AttemptLedger;
import io.duecall.port.SuppressionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "May this account be dialed now, on which number, and if not, when next?" for every campaign: each campaign's
 * contact policy applied to the account's history from the ledger. The dialer, its requeueing and the operators'
 * explanations all ask here, so they can never disagree.
 */
public final class Eligibility {
    /** How far back the contact rules look; longer than any rule's own window. */
    static final Duration HISTORY = Duration.ofDays(30);
    private final AttemptLedger ledger;
    private final SuppressionStore suppression;
    private final HolidayCalendar holidays;
    private final Map<CampaignId, ContactPolicy> policies = new ConcurrentHashMap<>();
    private final Map<CampaignId, String> versions = new ConcurrentHashMap<>();

    public Eligibility(AttemptLedger ledger, SuppressionStore suppression, List<Campaign> campaigns,
            HolidayCalendar holidays, Map<CampaignId, ContactRules> rules) {
        this.ledger = ledger;
        this.suppression = suppression;
        this.holidays = holidays;
        for (var campaign : campaigns) {
            put(campaign, rules.get(campaign.id()));
        }
    }

    /** Judges the campaign's accounts by {@code rules} from now on (null: the defaults inside its calling window). */
    public void put(Campaign campaign, ContactRules rules) {
        var campaignRules = rules != null ? rules
                : ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window()));
        versions.put(campaign.id(), RulesFingerprint.of(campaignRules));
        policies.put(campaign.id(), new ContactPolicy(campaignRules, holidays,
                account -> account.region().map(RegionCode::value)));
    }

    /** Stops judging the campaign's accounts; asking about it afterwards fails as for an unknown campaign. */
    public void remove(CampaignId campaign) {
        policies.remove(campaign);
        versions.remove(campaign);
    }

    /** The campaigns judged here. */
    public Set<CampaignId> campaigns() {
        return Set.copyOf(policies.keySet());
    }

    public DialChoice decide(CampaignId campaign, Account account, Instant now) {
        var policy = policy(campaign);
        var history = history(account, now);
        var target = policy.nextTarget(account, history, now);
        if (target.isEmpty()) {
            return new DialChoice(Optional.empty(), NoNumberReason.skip(policy, account, history, now),
                    counters(campaign, history, null, now));
        }
        var number = target.get().number();
        var decision = policy.decide(account, target.get(), history, now);
        var zone = decision instanceof DialDecision.Dial dial ? dial.zone() : null;
        var context = counters(campaign, history, zone == null ? null : number, now, zone);
        return switch (target.get()) {
            case CallTarget.Own own -> new DialChoice(Optional.of(own.phone()), decision, context);
            case CallTarget.ThirdParty third -> new DialChoice(Optional.empty(), decision, context, Optional.of(third.contact()));
        };
    }

    private DialContext counters(CampaignId campaign, ContactHistory history, E164 number, Instant now) {
        return counters(campaign, history, number, now, null);
    }

    /** What the rules counted: attempts in 7 days, and on the debtor's local day connected calls and this number's misses. */
    private DialContext counters(CampaignId campaign, ContactHistory history, E164 number, Instant now, ZoneId zone) {
        var counted = policy(campaign).rules().limits().countedOutcomes();
        var weekAgo = now.minus(Duration.ofDays(7));
        int in7Days = 0;
        int connectedToday = 0;
        int unansweredOnNumber = 0;
        var today = zone == null ? null : now.atZone(zone).toLocalDate();
        for (var past : history.attempts()) {
            if (past.at().isAfter(weekAgo) && counted.contains(past.outcome())) {
                in7Days++;
            }
            if (today != null && past.at().atZone(zone).toLocalDate().equals(today)) {
                if (past.outcome().answered()) {
                    connectedToday++;
                } else if (past.number().equals(number)) {
                    unansweredOnNumber++;
                }
            }
        }
        return new DialContext(versions.get(campaign), in7Days, connectedToday, unansweredOnNumber);
    }

    /** The first instant at or after {@code at} when the account may be called again; null if never. */
    public Instant nextEligible(CampaignId campaign, Account account, Instant at) {
        return switch (decide(campaign, account, at).decision()) {
            case DialDecision.Dial dial -> at;
            case DialDecision.Skip skip -> skip.nextEligible();
        };
    }

    /**
     * The first instant at or after {@code at} when the account may be called and the debtor's local time is in one
     * of the campaign's peak windows, where a broken promise's follow-up call goes; null if the account may never be
     * called, and the first permitted instant when no peak instant is permitted within two weeks.
     */
    public Instant nextEligibleInPeak(CampaignId campaign, Account account, Instant at) {
        var peaks = rules(campaign).peaks().windows();
        var first = nextEligible(campaign, account, at);
        if (first == null || peaks.isEmpty()) {
            return first;
        }
        var limit = at.plus(Duration.ofDays(14));
        var t = first;
        while (t != null && t.isBefore(limit)) {
            switch (decide(campaign, account, t).decision()) {
                case DialDecision.Dial dial -> {
                    var local = dial.debtorTime();
                    if (peaks.stream().anyMatch(p -> p.contains(local.toLocalTime()))) {
                        return t;
                    }
                    t = nextPeakStart(peaks, local);
                }
                case DialDecision.Skip skip -> t = skip.nextEligible();
            }
        }
        return first;
    }

    private static Instant nextPeakStart(List<PeakWindow> peaks, ZonedDateTime local) {
        var starts = peaks.stream().map(PeakWindow::starts).sorted().toList();
        for (var start : starts) {
            if (start.isAfter(local.toLocalTime())) {
                return local.toLocalDate().atTime(start).atZone(local.getZone()).toInstant();
            }
        }
        return local.toLocalDate().plusDays(1).atTime(starts.getFirst()).atZone(local.getZone()).toInstant();
    }

    /** Every rule's verdict for the number the campaign would try next (a contact's, for a location call). */
    public Explanation explain(CampaignId campaign, Account account, Instant now) {
        var policy = policy(campaign);
        var history = history(account, now);
        var target = policy.nextTarget(account, history, now)
                .orElse(new CallTarget.Own(account.phones().getFirst()));
        return policy.explain(account, target, history, target.zones(account), now);
    }

    /** Whether the campaign is configured here, so that its accounts can be judged at all. */
    public boolean covers(CampaignId campaign) {
        return policies.containsKey(campaign);
    }

    public ContactRules rules(CampaignId campaign) {
        return policy(campaign).rules();
    }

    /** Contacts' numbers are looked up on the lists too: a third party on a do-not-call list is not called either. */
    ContactHistory history(Account account, Instant now) {
        var numbers = new ArrayList<E164>();
        account.phones().forEach(p -> numbers.add(p.number()));
        account.contacts().forEach(c -> numbers.add(c.number()));
        var locationCalls = account.contacts().isEmpty() ? Map.<E164, Integer>of() : ledger.locationCalls(account.id());
        return new ContactHistory(ledger.history(account.id(), now.minus(HISTORY)),
                new Suppression(suppression.onDoNotCallList(numbers), suppression.optedOut(numbers), flags(account)),
                locationCalls);
    }

    /** The flags imported with the account and those set since, at agents' desks, for every campaign. */
    private Set<AccountFlag> flags(Account account) {
        var recorded = suppression.flags(account.id());
        if (recorded.isEmpty()) {
            return account.flags();
        }
        var all = new HashSet<AccountFlag>(account.flags());
        all.addAll(recorded);
        return Set.copyOf(all);
    }

    ContactPolicy policy(CampaignId campaign) {
        var policy = policies.get(campaign);
        if (policy == null) {
            throw new IllegalArgumentException("campaign: '" + campaign + "' is not configured");
        }
        return policy;
    }
}

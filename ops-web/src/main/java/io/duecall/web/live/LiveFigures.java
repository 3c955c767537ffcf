package io.duecall.web.live;

import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.port.AccountStore;
import io.duecall.port.PromiseStore;
import io.duecall.web.CampaignControl;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures: per campaign its run state, dials per minute, answer and abandon rates, contacts,
 * promises, agents and pacing, and why nothing is being dialed when that is so; plus a sampled history of the day.
 * Reading the figures changes nothing; only {@link #tick()}, called once a second by the server's publisher, keeps
 * the recent dials (for the rate) and the history, both bounded.
 */
public final class LiveFigures {
    /** The abandoned-call limit the dashboard compares against (3% of live answers, as Ofcom and the FCC use). */
    public static final double ABANDON_LIMIT = 0.03;
    /** Ticks kept per campaign for the dial rate: a minute's worth at one a second, with room for a slow tick. */
    private static final int MAX_RECENT = 120;
    private final Clock clock;
    private final DialerEngine dialer;
    private final AgentPool agents;
    private final AgentDesk desk;
    private final AccountStore accounts;
    private final PromiseStore promises;
    private final CampaignControl control;
    private final FiguresHistory history;
    private final Map<String, Deque<Sample>> recent = new HashMap<>();

    public record CampaignView(String id, String name, String mode, String state, long dials, double dialsPerMinute,
            long answered, double answerRate, long rightPartyContacts, long promises,
            Map<String, BigDecimal> promisedAmount, long bridged, long abandoned, double abandonRate,
            double abandonLimit, Map<AgentState, Integer> agents, double occupancy, Double pacingRatio,
            int callsUp, long queued, long leased, Instant nextEligible, String notice, List<String> paused) {}

    public record Sample(Instant at, String campaign, long dials, long answered, long promises) {}

    public record Snapshot(Instant at, List<CampaignView> campaigns, List<Sample> history) {}

    /** The campaign figures of one tick, and the number of the latest history sample after it. */
    record Tick(Instant at, List<CampaignView> campaigns, long latest) {}

    /** {@code historyInterval}: engine time between two history samples; {@code historySamples}: kept per campaign. */
    public LiveFigures(Clock clock, DialerEngine dialer, AgentPool agents, AgentDesk desk, AccountStore accounts,
            PromiseStore promises, CampaignControl control, Duration historyInterval, int historySamples) {
        this.history = new FiguresHistory(historyInterval, historySamples);
        this.clock = clock;
        this.dialer = dialer;
        this.agents = agents;
        this.desk = desk;
        this.accounts = accounts;
        this.promises = promises;
        this.control = control;
    }

    /** The figures now and the whole history; records nothing. */
    public synchronized Snapshot snapshot() {
        var now = clock.instant();
        return new Snapshot(now, views(now), samples(history.after(0)));
    }

    /**
     * The figures now, remembered for the dial rate and, once per history interval, as history samples. Called once
     * a second by the server's publisher.
     */
    synchronized Tick tick() {
        var now = clock.instant();
        var views = views(now);
        var samples = views.stream().map(v -> new Sample(now, v.id(), v.dials(), v.answered(), v.promises())).toList();
        recent.keySet().retainAll(samples.stream().map(Sample::campaign).toList());
        for (var sample : samples) {
            var deque = recent.computeIfAbsent(sample.campaign(), c -> new ArrayDeque<>());
            deque.addLast(sample);
            var minuteAgo = now.minus(Duration.ofMinutes(1));
            while (deque.size() > MAX_RECENT || deque.getFirst().at().isBefore(minuteAgo)) {
                deque.removeFirst();
            }
        }
        history.offer(now, samples);
        return new Tick(now, views, history.latest());
    }

    /** History samples numbered after {@code after}; 0 for all of them. */
    synchronized List<Sample> historyAfter(long after) {
        return samples(history.after(after));
    }

    int historyLimit() {
        return history.limit();
    }

    private static List<Sample> samples(List<FiguresHistory.Numbered> numbered) {
        return numbered.stream().map(FiguresHistory.Numbered::sample).toList();
    }

    private List<CampaignView> views(Instant now) {
        var promised = promisedByCampaign();
        var views = new ArrayList<CampaignView>();
        for (var campaign : dialer.campaigns()) {
            views.add(view(campaign, now, promised.getOrDefault(campaign.id().value(), Map.of())));
        }
        return views;
    }

    /**
     * Promise totals come from the promise store's running totals, so promises agents record after a call (on any
     * node) count as well, and no promise is read.
     */
    private Map<String, Map<String, BigDecimal>> promisedByCampaign() {
        var totals = new TreeMap<String, Map<String, BigDecimal>>();
        promises.promisedTotals().forEach((campaign, byCurrency) -> byCurrency.forEach((currency, minor) ->
                totals.computeIfAbsent(campaign.value(), c -> new TreeMap<>())
                        .put(currency.getCurrencyCode(), new Money(minor, currency).toDecimal())));
        return totals;
    }

    private CampaignView view(Campaign campaign, Instant now, Map<String, BigDecimal> promised) {
        var id = campaign.id();
        var f = dialer.figures(id);
        var pacing = dialer.snapshot(campaign, now);
        var byState = new EnumMap<AgentState, Integer>(AgentState.class);
        var paused = new ArrayList<String>();
        for (var status : agents.figures().states(now)) {
            if (status.seat().campaigns().contains(id)) {
                byState.merge(status.state(), 1, Integer::sum);
                if (status.state() == AgentState.PAUSED) {
                    paused.add(status.seat().id().value() + " (" + status.pauseReason() + ")");
                }
            }
        }
        int staffed = byState.entrySet().stream().filter(e -> e.getKey() != AgentState.LOGGED_OUT)
                .mapToInt(Map.Entry::getValue).sum();
        var state = control.state(id);
        long queued = accounts.queued(id);
        long leased = accounts.leased(id);
        var next = accounts.nextEligible(id).orElse(null);
        long promiseCount = f.promises() + desk.promisesAfterCall(id);
        double answerRate = f.closed() == 0 ? 0 : (double) f.humanAnswers() / f.closed();
        Double ratio = campaign.mode() == CampaignMode.AGENT && staffed > 0 ? (double) pacing.callsUp() / staffed : null;
        return new CampaignView(id.value(), campaign.name(), campaign.mode().name(), state.name(), f.dials(),
                dialsPerMinute(id.value(), now, f.dials()), f.humanAnswers(), answerRate, f.rightPartyContacts(),
                promiseCount, promised, f.bridged(), f.abandoned(), f.abandonRate(), ABANDON_LIMIT, byState,
                occupancy(now), ratio, pacing.callsUp(), queued, leased, next,
                notice(state, queued, leased, next, now, f.skippedOutsideWindow()), List.copyOf(paused));
    }

    /** Why the campaign is not dialing, or null when it is. */
    static String notice(CampaignControl.RunState state, long queued, long leased, Instant next, Instant now,
            long skippedOutsideWindow) {
        if (state != CampaignControl.RunState.RUNNING) {
            return "campaign is " + state.name().toLowerCase() + ": press Start to dial";
        }
        if (queued == 0 && leased == 0) {
            return "nothing to dial: the queue is empty (import accounts)";
        }
        if (queued > 0 && next != null && next.isAfter(now) && leased == 0) {
            return "nothing eligible until " + next + ": every queued account is outside its debtor's calling "
                    + "window or waiting for its retry" + (skippedOutsideWindow > 0
                            ? " (" + skippedOutsideWindow + " skipped as outside the window so far)" : "");
        }
        return null;
    }

    /** From the oldest tick of the last minute; 0 before the publisher has ticked. */
    private double dialsPerMinute(String campaign, Instant now, long dials) {
        var ticks = recent.get(campaign);
        var minuteAgo = now.minus(Duration.ofMinutes(1));
        Sample oldest = ticks == null ? null : ticks.stream().filter(s -> !s.at().isBefore(minuteAgo)).findFirst()
                .orElse(null);
        if (oldest == null) {
            return 0;
        }
        double minutes = Duration.between(oldest.at(), now).toMillis() / 60_000.0;
        return minutes <= 0 ? 0 : (dials - oldest.dials()) / minutes;
    }

    /** Time on calls and in wrap-up over all time signed in, for every agent. */
    private double occupancy(Instant now) {
        var times = agents.figures().timeInStates(now);
        long busy = times.getOrDefault(AgentState.ON_CALL, Duration.ZERO).plus(
                times.getOrDefault(AgentState.WRAP_UP, Duration.ZERO)).plus(
                times.getOrDefault(AgentState.RESERVED, Duration.ZERO)).toMillis();
        long total = times.values().stream().mapToLong(Duration::toMillis).sum();
        return total == 0 ? 0 : (double) busy / total;
    }
}

package io.duecall.app.report;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.domain.promise.PromiseFigures;
import io.duecall.domain.promise.PromiseStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Works out {@link CampaignDay}s from ledger lines and promises, days counted in one zone: a call on the day it was
 * originated, a live answer (for the abandon rates) on the day it was answered, as {@link AbandonLedger} counts it,
 * and a promise on the day it was made. Test calls are left out.
 */
final class CampaignDays {
    private record Key(CampaignId campaign, LocalDate day) {}

    private static final class Counts {
        long dials;
        long answered;
        long live;
        long rightParty;
    }

    private CampaignDays() {}

    /**
     * The rows of every campaign and day of {@code range} with a call or a promise, by campaign and day;
     * {@code lines} must hold the 29 days before the range too, for the rolling abandon rate.
     */
    static List<CampaignDay> of(Lines lines, List<PromiseStatus> statuses, ReportRange range, ZoneId zone) {
        var counts = new TreeMap<Key, Counts>(Comparator.comparing((Key k) -> k.campaign().value())
                .thenComparing(Key::day));
        var abandons = new HashMap<CampaignId, AbandonLedger>();
        lines.forEach(line -> {
            if (line.test()) {
                return;
            }
            abandons.computeIfAbsent(line.campaign(), c -> new AbandonLedger(AbandonRule.defaults())).record(line, zone);
            var day = line.originatedAt().atZone(zone).toLocalDate();
            if (range.contains(day)) {
                var c = counts.computeIfAbsent(new Key(line.campaign(), day), k -> new Counts());
                c.dials++;
                c.answered += line.outcome().answered() ? 1 : 0;
                c.live += line.outcome() == CallOutcome.ANSWERED ? 1 : 0;
                c.rightParty += line.rightParty() ? 1 : 0;
            }
        });
        var promises = new HashMap<Key, List<PromiseFigures>>();
        for (var figures : io.duecall.app.PromiseReport.of(statuses, zone)) {
            if (range.contains(figures.day())) {
                var key = new Key(figures.campaign(), figures.day());
                counts.computeIfAbsent(key, k -> new Counts());
                promises.computeIfAbsent(key, k -> new ArrayList<>()).add(figures);
            }
        }
        var rows = new ArrayList<CampaignDay>(counts.size());
        counts.forEach((key, c) -> rows.add(new CampaignDay(key.campaign(), key.day(), c.dials, c.answered, c.live,
                c.rightParty, abandons(abandons.get(key.campaign()), key.day()),
                promises.getOrDefault(key, List.of()))));
        return rows;
    }

    static CampaignDay.Abandons abandons(AbandonLedger ledger, LocalDate day) {
        if (ledger == null) {
            return new CampaignDay.Abandons(0, 0, 0, 0, 0, 0);
        }
        var c = ledger.counters(day);
        return new CampaignDay.Abandons(c.liveAnswersToday(), c.abandonsToday(), c.dayRate(), c.liveAnswers30Days(),
                c.abandons30Days(), ledger.rollingRate(day));
    }

    /** Each campaign's abandons on {@code day} and over the 30 days ending with it, by campaign id. */
    static Map<CampaignId, CampaignDay.Abandons> abandonsOn(Lines lines, LocalDate day, ZoneId zone) {
        var ledgers = new TreeMap<CampaignId, AbandonLedger>(Comparator.comparing(CampaignId::value));
        lines.forEach(line -> {
            if (!line.test()) {
                ledgers.computeIfAbsent(line.campaign(), c -> new AbandonLedger(AbandonRule.defaults()))
                        .record(line, zone);
            }
        });
        var result = new java.util.LinkedHashMap<CampaignId, CampaignDay.Abandons>();
        ledgers.forEach((campaign, ledger) -> result.put(campaign, abandons(ledger, day)));
        return result;
    }
}

package io.duecall.app;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseFigures;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.port.PromiseStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Promises by campaign and by the day they were made (in the report's zone), one row per currency since amounts
 * in different currencies do not add up: how many were made and for how much, where they stand, the kept rate and
 * how much was paid inside their windows.
 */
public final class PromiseReport {
    private final PromiseStore promises;
    private final ZoneId zone;

    public PromiseReport(PromiseStore promises, ZoneId zone) {
        this.promises = promises;
        this.zone = zone;
    }

    public List<PromiseFigures> rows() {
        return of(promises.statuses(), zone);
    }

    private record Key(CampaignId campaign, LocalDate day, Currency currency) {}

    /** Rows ordered by campaign, day and currency code. */
    public static List<PromiseFigures> of(List<PromiseStatus> statuses, ZoneId zone) {
        var rows = new LinkedHashMap<Key, PromiseFigures>();
        for (var status : statuses) {
            var promise = status.promise();
            var key = new Key(promise.campaign(), promise.promisedAt().atZone(zone).toLocalDate(),
                    promise.amount().currency());
            var row = rows.getOrDefault(key, PromiseFigures.none(key.campaign(), key.day(), key.currency()));
            rows.put(key, row.plus(status));
        }
        return rows.values().stream()
                .sorted(Comparator.comparing((PromiseFigures row) -> row.campaign().value())
                        .thenComparing(PromiseFigures::day)
                        .thenComparing(row -> row.currency().getCurrencyCode()))
                .toList();
    }
}

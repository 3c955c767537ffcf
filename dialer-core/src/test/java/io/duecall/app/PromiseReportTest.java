package io.duecall.app;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseFigures;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromiseReportTest {
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void groupsByCampaignDayInTheReportZoneAndCurrency() {
        var statuses = List.of(
                status("c-1", CAMPAIGN, "2026-11-24T15:00:00Z", 5_000, USD, PromiseState.KEPT, 5_000),
                status("c-2", CAMPAIGN, "2026-11-24T16:00:00Z", 3_000, USD, PromiseState.BROKEN, 1_000),
                status("c-3", CAMPAIGN, "2026-11-24T17:00:00Z", 2_000, USD, PromiseState.BROKEN, 0),
                status("c-4", CAMPAIGN, "2026-11-24T18:00:00Z", 1_000, USD, PromiseState.PARTLY_KEPT, 400),
                // 00:30 UTC on the 25th is still the 24th in New York.
                status("c-5", CAMPAIGN, "2026-11-25T00:30:00Z", 700, USD, PromiseState.OPEN, 0),
                status("c-6", CAMPAIGN, "2026-11-25T15:00:00Z", 900, GBP, PromiseState.CANCELLED, 0),
                status("c-7", new CampaignId("desk"), "2026-11-24T15:00:00Z", 100, USD, PromiseState.OPEN, 0));

        var rows = PromiseReport.of(statuses, NEW_YORK);

        var day = LocalDate.of(2026, 11, 24);
        assertEquals(List.of(
                new PromiseFigures(new CampaignId("desk"), day, USD, 1, usd(100), 1, 0, 0, 0, 0, usd(0)),
                new PromiseFigures(CAMPAIGN, day, USD, 5, usd(11_700), 1, 1, 1, 2, 0, usd(6_400)),
                new PromiseFigures(CAMPAIGN, day.plusDays(1), GBP, 1, new Money(900, GBP), 0, 0, 0, 0, 1, new Money(0, GBP))),
                rows);
        assertEquals(Optional.of(new BigDecimal("0.3333")), rows.get(1).keptRate());
        assertEquals(Optional.empty(), rows.get(0).keptRate());
    }

    private static Money usd(long minor) {
        return new Money(minor, USD);
    }

    private static PromiseStatus status(String callId, CampaignId campaign, String promisedAt, long amount,
            Currency currency, PromiseState state, long paid) {
        var promise = new PromiseToPay(callId, new AccountId("a-" + callId), campaign, new Money(amount, currency),
                LocalDate.of(2026, 11, 27), Instant.parse(promisedAt));
        return new PromiseStatus(promise, state, new Money(paid, currency), Instant.parse(promisedAt));
    }
}

package io.duecall.domain.promise;

import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/** The promises one campaign took on one day in one currency: how many, for how much, where they stand, what was paid. */
public record PromiseFigures(CampaignId campaign, LocalDate day, Currency currency, int made, Money promised, int open,
        int partlyKept, int kept, int broken, int cancelled, Money paid) {

    public static PromiseFigures none(CampaignId campaign, LocalDate day, Currency currency) {
        var zero = new Money(0, currency);
        return new PromiseFigures(campaign, day, currency, 0, zero, 0, 0, 0, 0, 0, zero);
    }

    /** These figures with one more promise counted as it stands now. */
    public PromiseFigures plus(PromiseStatus status) {
        var state = status.state();
        return new PromiseFigures(campaign, day, currency, made + 1, promised.plus(status.promise().amount()),
                open + count(state, PromiseState.OPEN),
                partlyKept + count(state, PromiseState.PARTLY_KEPT),
                kept + count(state, PromiseState.KEPT),
                broken + count(state, PromiseState.BROKEN),
                cancelled + count(state, PromiseState.CANCELLED),
                paid.plus(status.paid()));
    }

    /**
     * Kept among the promises whose outcome is known (kept or broken), as a fraction to four places; empty when
     * none is known yet. Open and partly kept promises are still running, and cancelled ones were never due.
     */
    public Optional<BigDecimal> keptRate() {
        int decided = kept + broken;
        return decided == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(kept).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_EVEN));
    }

    private static int count(PromiseState state, PromiseState wanted) {
        return state == wanted ? 1 : 0;
    }
}

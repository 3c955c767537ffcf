package io.duecall.app.report;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseFigures;
import java.time.LocalDate;
import java.util.List;

/**
 * One campaign's day: calls placed that day ({@code dials}), of them answered by a person or a machine
 * ({@code answered}) and by a person ({@code liveAnswers}), and conversations with the verified debtor
 * ({@code rightPartyContacts}); the abandons over live answers that day and over the 30 days ending with it, as the
 * abandon limit counts them; the promises made that day per currency, with where they stand now and what was paid
 * against them.
 */
public record CampaignDay(CampaignId campaign, LocalDate day, long dials, long answered, long liveAnswers,
        long rightPartyContacts, Abandons abandons, List<PromiseFigures> promises) {

    /** Abandoned live answers on the day and over the 30 days ending with it; rates are fractions (0.03 is 3%). */
    public record Abandons(long liveAnswers, long abandoned, double rate, long liveAnswers30Days, long abandoned30Days,
            double rate30Days) {}

    public CampaignDay {
        promises = List.copyOf(promises);
    }
}

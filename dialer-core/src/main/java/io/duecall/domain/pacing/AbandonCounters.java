package io.duecall.domain.pacing;

/** Live answers and abandons of one campaign, today and over the rolling 30 days, as the pacer's budget input. */
public record AbandonCounters(long liveAnswersToday, long abandonsToday, long liveAnswers30Days, long abandons30Days) {
    public static final AbandonCounters NONE = new AbandonCounters(0, 0, 0, 0);

    public AbandonCounters {
        if (liveAnswersToday < 0 || abandonsToday < 0 || liveAnswers30Days < 0 || abandons30Days < 0) {
            throw new IllegalArgumentException("abandon counters must be >= 0: " + liveAnswersToday + ", "
                    + abandonsToday + ", " + liveAnswers30Days + ", " + abandons30Days);
        }
    }

    /** Today's abandons over today's live answers, 0 before the first live answer. */
    public double dayRate() {
        return liveAnswersToday == 0 ? 0 : (double) abandonsToday / liveAnswersToday;
    }
}

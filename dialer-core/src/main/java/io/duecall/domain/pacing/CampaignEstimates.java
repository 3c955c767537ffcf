package io.duecall.domain.pacing;

/**
 * Online estimates of one campaign's call behaviour from its recent history: live-answer probability, time from
 * originate to a live answer, time until a call that is not answered live gives up, talk time and wrap-up time.
 * The priors hold at the start of the day and give way as the campaign's own calls come in.
 */
public final class CampaignEstimates {
    private final RateEstimate live = new RateEstimate(1000, 0.25, 20);
    private final DurationEstimate liveRing = new DurationEstimate(400, 0.25, 120, 9, 4, 20);
    private final DurationEstimate failHold = new DurationEstimate(400, 0.25, 120, 18, 6, 20);
    private final DurationEstimate talk = new DurationEstimate(400, 1.0, 3600, 120, 90, 20);
    private final DurationEstimate wrap = new DurationEstimate(400, 0.5, 900, 20, 10, 20);
    private final ChanceCalibration chances = new ChanceCalibration(1000, 5);

    public void observe(CallObservation o) {
        switch (o) {
            case CallObservation.Resolved r -> {
                live.observe(r.live());
                if (!Double.isNaN(r.chance())) {
                    chances.observe(r.chance(), r.live());
                }
                (r.live() ? liveRing : failHold).observe(r.seconds());
            }
            case CallObservation.TalkEnded t -> talk.observe(t.seconds());
            case CallObservation.WrapEnded w -> wrap.observe(w.seconds());
        }
    }

    /** Brings the distribution tables up to date (at most every two seconds of {@code now}). */
    public void refresh(double now) {
        liveRing.refresh(now);
        failHold.refresh(now);
        talk.refresh(now);
        wrap.refresh(now);
    }

    /** Placed calls whose fate is known so far. */
    public long resolvedCalls() {
        return live.observations();
    }

    /** The campaign's live-answer share over its recent calls. */
    public double liveProbability() {
        return live.value();
    }

    /**
     * The live-answer probability of one call: its own prediction {@code predicted} scaled by how the campaign's
     * predictions have fared against its outcomes ({@link ChanceCalibration}), or the campaign's share when the call
     * has no prediction (NaN).
     */
    public double liveChance(double predicted) {
        return Double.isNaN(predicted) ? live.value() : chances.calibrated(predicted);
    }

    /** Realized over predicted live answers of the calls that carried a prediction; one while none did. */
    public double chanceRatio() {
        return chances.ratio();
    }

    public DurationEstimate liveRing() {
        return liveRing;
    }

    public DurationEstimate failHold() {
        return failHold;
    }

    public DurationEstimate talk() {
        return talk;
    }

    public DurationEstimate wrap() {
        return wrap;
    }

    /** P(a call still ringing at {@code age} seconds is answered live within {@code h} more seconds). */
    public double liveWithin(double age, double h) {
        return liveWithin(age, h, live.value());
    }

    /** As {@link #liveWithin(double, double)} for a call whose live-answer probability was {@code p} when placed. */
    public double liveWithin(double age, double h, double p) {
        double g = liveRing.cdf(age);
        return stillRinging(p, liveRing.cdf(age + h) - g, 1 - g, 1 - failHold.cdf(age));
    }

    /**
     * Bayes for a ringing call: the chance it is answered live in a span, given it is still ringing, from its prior
     * live chance {@code p}, the live ring-time law's mass in the span ({@code liveMass}), the live law's survival to
     * the call's age ({@code liveLeft}) and the failed-dial hold's ({@code failLeft}).
     */
    static double stillRinging(double p, double liveMass, double liveLeft, double failLeft) {
        double still = p * liveLeft + (1 - p) * failLeft;
        if (still < 1e-9) {
            return 0;
        }
        return Math.min(1, p * liveMass / still);
    }
}

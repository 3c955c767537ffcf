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

    public void observe(CallObservation o) {
        switch (o) {
            case CallObservation.Resolved r -> {
                live.observe(r.live());
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

    public double liveProbability() {
        return live.value();
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
        double p = live.value();
        double g = liveRing.cdf(age);
        double stillRinging = p * (1 - g) + (1 - p) * (1 - failHold.cdf(age));
        if (stillRinging < 1e-9) {
            return 0;
        }
        return Math.min(1, p * (liveRing.cdf(age + h) - g) / stillRinging);
    }
}

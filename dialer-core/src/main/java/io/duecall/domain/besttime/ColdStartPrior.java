package io.duecall.domain.besttime;

import io.duecall.domain.window.PeakWindow;
import java.time.LocalTime;
import java.util.List;

/**
 * What the model believes before the ledger says anything: a share of dials answered by a person and a share
 * reaching the right party, lifted inside the fixed peak windows by {@code peakLift} (in proportion to how much of
 * the hour a peak covers). With no evidence the learned best time is therefore the fixed-peak strategy.
 */
public record ColdStartPrior(double answer, double reach, double peakLift, List<PeakWindow> peaks) {
    public ColdStartPrior {
        if (!(answer > 0 && answer < 1) || !(reach > 0 && reach <= answer)) {
            throw new IllegalArgumentException("prior: answer " + answer + ", reach " + reach
                    + " (expected 0 < reach <= answer < 1)");
        }
        if (!(peakLift >= 1) || answer * peakLift >= 1) {
            throw new IllegalArgumentException("prior.peakLift: " + peakLift
                    + " (expected >= 1, with answer x peakLift below 1)");
        }
        peaks = List.copyOf(peaks);
    }

    /** 30% answered, 20% right party (near the industry's average right-party rate), 1.3 times that in peaks. */
    public static ColdStartPrior defaults() {
        return new ColdStartPrior(0.30, 0.20, 1.3, PeakWindow.defaults());
    }

    /** The prior's answer and right-party probabilities in {@code slot}. */
    public double[] at(ContactSlot slot) {
        double lift = 1 + (peakLift - 1) * peakShare(slot.hour());
        return new double[] {answer * lift, reach * lift};
    }

    /** The share of the hour starting at {@code hour} that some peak window covers, 0 to 1. */
    private double peakShare(int hour) {
        int start = hour * 60;
        int covered = 0;
        for (var peak : peaks) {
            int from = Math.max(start, minutes(peak.starts()));
            int to = Math.min(start + 60, minutes(peak.ends()));
            covered += Math.max(0, to - from);
        }
        return Math.min(1.0, covered / 60.0);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}

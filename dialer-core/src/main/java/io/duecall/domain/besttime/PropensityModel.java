package io.duecall.domain.besttime;

import java.util.ArrayList;
import java.util.List;

/**
 * A contact-propensity model learned from the ledger alone: for each slot of the debtor's week, the probability that a
 * call is answered and that it reaches the right party. Strength is pooled from the broad to the narrow: the cold-start
 * prior, then the campaign, the segment (stage, phone type, region), the account and the number. Each level is a
 * Beta-binomial step whose prior mean is the level above's estimate and whose prior weight is that level's
 * {@code strength} in pseudo-dials: estimate = (successes + strength x parent) / (dials + strength). A level with no
 * dials in the slot keeps its parent's estimate, so a new account starts from its segment's habits and moves toward
 * its own as its calls are written.
 */
public final class PropensityModel {
    private final ColdStartPrior prior;

    public PropensityModel(ColdStartPrior prior) {
        this.prior = prior;
    }

    public ColdStartPrior prior() {
        return prior;
    }

    /**
     * One level of the pool: its name for {@code explain}, its counts, how many dials its parent is worth, and how
     * many hours of the day its counts are pooled over ({@code bandHours}: 3 counts a call at 18:20 as evidence for
     * 18:00-21:00). An account has a few calls a week, too few to tell 18:00 from 19:00, but enough to tell its
     * evenings from its mornings; the broad levels above it give the shape within the band.
     */
    public record Level(String name, SlotTally tally, double strength, int bandHours) {
        public Level {
            if (!(strength > 0)) {
                throw new IllegalArgumentException("bestTime strength of " + name + ": " + strength + " (expected > 0)");
            }
            if (bandHours < 1 || 24 % bandHours != 0) {
                throw new IllegalArgumentException("bestTime band of " + name + ": " + bandHours
                        + " hours (expected 1, 2, 3, 4, 6, 8, 12 or 24)");
            }
        }

        /** A level whose counts are taken hour by hour. */
        public Level(String name, SlotTally tally, double strength) {
            this(name, tally, strength, 1);
        }

        SlotCounts counts(ContactSlot slot) {
            return bandHours == 1 ? tally.get(slot) : tally.band(slot, bandHours);
        }
    }

    /** The estimate in {@code slot} after weighing in {@code levels}, broadest first. */
    public Propensity at(ContactSlot slot, List<Level> levels) {
        var p = prior.at(slot);
        double answer = p[0];
        double reach = p[1];
        var evidence = new ArrayList<Propensity.Evidence>(levels.size());
        for (var level : levels) {
            var c = level.counts(slot);
            double k = level.strength();
            answer = (c.answered() + k * answer) / (c.dials() + k);
            reach = (c.reached() + k * reach) / (c.dials() + k);
            evidence.add(new Propensity.Evidence(level.name(), c, answer, reach));
        }
        return new Propensity(slot, answer, reach, evidence);
    }
}

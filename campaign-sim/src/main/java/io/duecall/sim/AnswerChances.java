package io.duecall.sim;

import io.duecall.domain.account.PhoneType;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.sim.habits.HabitProfile;
import io.duecall.sim.habits.Habits;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Debtors who differ in when they answer, for a pacing day. Each account is a kind of person from the habits file
 * (office worker, shift worker, retiree, student) with a phone (mobile 60%, home 25%, work 15%); its live-answer chance
 * at a moment of the day is its habit in that hour scaled, at most {@value #MAX_CHANCE}, so that the population averages
 * the day's live share ({@link Population#live}). What the pacer is told of each call is {@link Knowledge}.
 */
public final class AnswerChances {
    /** What the pacer is told of a call's own live chance. */
    public enum Knowledge {
        /** Nothing: the pacer uses the campaign's share, as without a model. */
        NONE,
        /**
         * What a model learned from the ledger knows: the average of the account's phone type in that hour, updated by
         * the account's own earlier calls (0-{@value AnswerChances#MAX_HISTORY}, answered or not with its true chance),
         * the type's average worth {@value AnswerChances#PRIOR_CALLS} calls.
         */
        LEARNED,
        /** The account's true chance: the ceiling of what a model can tell. */
        TRUE
    }

    static final double MAX_CHANCE = 0.95;
    static final int MAX_HISTORY = 6;
    static final double PRIOR_CALLS = 3;
    private static final List<PhoneType> TYPES = List.of(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
    private static final double[] TYPE_SHARE = {0.60, 0.25, 0.15};
    private final Habits habits;
    private final Knowledge knowledge;
    private final double total;

    public AnswerChances(Habits habits, Knowledge knowledge) {
        this.habits = Objects.requireNonNull(habits, "habits");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.total = habits.profiles().stream().mapToDouble(HabitProfile::weight).sum();
    }

    /**
     * The factor that scales every habit in {@code slot} so that, capped at {@value #MAX_CHANCE}, the population
     * averages {@code live}: bisected, as the cap makes the average a bent line of the factor.
     */
    double scale(int slot, double live) {
        double lo = 0;
        double hi = 1;
        while (mean(slot, hi, -1) < live && hi < 1e6) {
            hi *= 2;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (mean(slot, mid, -1) < live) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The average scaled chance in {@code slot} of every phone type ({@code type} -1) or of one. */
    double mean(int slot, double factor, int type) {
        var s = ContactSlot.ofIndex(slot);
        double sum = 0;
        for (int t = 0; t < TYPES.size(); t++) {
            if (type >= 0 && t != type) {
                continue;
            }
            for (var p : habits.profiles()) {
                double w = p.weight() / total * (type >= 0 ? 1 : TYPE_SHARE[t]);
                sum += w * Math.min(MAX_CHANCE, factor * habits.answer(p, TYPES.get(t), s));
            }
        }
        return sum;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** The same population with the pacer told {@code other}. */
    public AnswerChances told(Knowledge other) {
        return new AnswerChances(habits, other);
    }

    Day day(SimConfig c, long seed) {
        return new Day(c, seed);
    }

    /** One simulated day's debtors: each account's person, phone and earlier calls, drawn once from its own stream. */
    final class Day implements DayChances {
        private final SimConfig c;
        private final long seed;
        private final LocalDateTime start;
        private final int[] slotByHour = new int[48];
        /** Per hour of the day: the scale of its habits, and the average chance of each phone type. */
        private final double[] scaleByHour = new double[48];
        private final double[][] typeByHour = new double[48][];
        private int known;
        private HabitProfile[] profile = new HabitProfile[1024];
        private int[] type = new int[1024];
        private int[] tries = new int[1024];
        private double[] draw = new double[1024 * MAX_HISTORY];

        private Day(SimConfig c, long seed) {
            this.c = c;
            this.seed = seed;
            this.start = LocalDateTime.ofInstant(c.dayStart(), c.zone());
            Arrays.fill(slotByHour, -1);
        }

        @Override
        public double truth(long k, double now) {
            int i = ensure(k);
            int hour = hour(now);
            var slot = ContactSlot.ofIndex(slotByHour[hour]);
            return Math.min(MAX_CHANCE, scaleByHour[hour] * habits.answer(profile[i], TYPES.get(type[i]), slot));
        }

        @Override
        public boolean tells() {
            return knowledge != Knowledge.NONE;
        }

        @Override
        public double told(long k, double now) {
            return switch (knowledge) {
                case NONE -> Double.NaN;
                case TRUE -> truth(k, now);
                case LEARNED -> {
                    int i = ensure(k);
                    double p = truth(k, now);
                    int hits = 0;
                    for (int j = 0; j < tries[i]; j++) {
                        hits += draw[i * MAX_HISTORY + j] < p ? 1 : 0;
                    }
                    double prior = typeByHour[hour(now)][type[i]];
                    yield (PRIOR_CALLS * prior + hits) / (PRIOR_CALLS + tries[i]);
                }
            };
        }

        /** The hour of the day {@code now} falls in, its slot, scale and type averages worked out on first use. */
        private int hour(double now) {
            int hour = (int) Math.min(slotByHour.length - 1, Math.max(0, now / 3600));
            if (slotByHour[hour] < 0) {
                int slot = ContactSlot.of(start.plusHours(hour)).index();
                double factor = scale(slot, c.population().live(hour * 3600.0));
                typeByHour[hour] = new double[TYPES.size()];
                for (int t = 0; t < TYPES.size(); t++) {
                    typeByHour[hour][t] = mean(slot, factor, t);
                }
                scaleByHour[hour] = factor;
                slotByHour[hour] = slot;
            }
            return hour;
        }

        /** Accounts are dialed in order; each is drawn once, from a stream apart from the one its call's fate uses. */
        private int ensure(long k) {
            if (k >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("account " + k + " (expected fewer than 2^31 a day)");
            }
            int i = (int) k;
            while (known <= i) {
                grow();
                var r = new SplittableRandom(seed * 0xD1B54A32D192ED03L + known * 0x8CB92BA72F3D8DD7L + 7);
                profile[known] = habits.profileOf("A" + known, seed);
                double u = r.nextDouble();
                type[known] = u < TYPE_SHARE[0] ? 0 : u < TYPE_SHARE[0] + TYPE_SHARE[1] ? 1 : 2;
                tries[known] = r.nextInt(MAX_HISTORY + 1);
                for (int j = 0; j < MAX_HISTORY; j++) {
                    draw[known * MAX_HISTORY + j] = r.nextDouble();
                }
                known++;
            }
            return i;
        }

        private void grow() {
            if (known < profile.length) {
                return;
            }
            int n = profile.length * 2;
            profile = Arrays.copyOf(profile, n);
            type = Arrays.copyOf(type, n);
            tries = Arrays.copyOf(tries, n);
            draw = Arrays.copyOf(draw, n * MAX_HISTORY);
        }
    }
}

package io.duecall.sim;

/** The live-answer chances of one simulated day's debtors, and what the pacer is told of them. */
interface DayChances {
    double[] NONE = new double[0];
    /** How many of the next accounts' chances each decision is told; a decision rarely places more. */
    int NEXT_TOLD = 16;

    /** The chance that account {@code k}'s person answers a call placed {@code now} seconds into the day. */
    double truth(long k, double now);

    /** What the pacer is told of that chance: NaN when it is told nothing. */
    double told(long k, double now);

    /** Whether the pacer is told anything. */
    boolean tells();

    /** What the pacer is told of each ringing call, in the order of their ages. */
    default double[] ringing(SimCalls calls) {
        return tells() ? calls.ringingChances() : NONE;
    }

    /** What the pacer is told of the next accounts in line, from account {@code from}. */
    default double[] next(long from, double now) {
        if (!tells()) {
            return NONE;
        }
        double[] next = new double[NEXT_TOLD];
        for (int i = 0; i < next.length; i++) {
            next[i] = told(from + i, now);
        }
        return next;
    }

    /** The day's chances: the debtors' own when the configuration has them, else everyone the population's share. */
    static DayChances of(SimConfig c, long seed) {
        if (c.answerChances() != null) {
            return c.answerChances().day(c, seed);
        }
        return new DayChances() {
            @Override
            public double truth(long k, double now) {
                return c.population().live(now);
            }

            @Override
            public double told(long k, double now) {
                return Double.NaN;
            }

            @Override
            public boolean tells() {
                return false;
            }
        };
    }
}

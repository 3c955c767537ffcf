package io.duecall.domain.pacing;

/** Something the campaign learned about its calls, fed to the pacer's estimators. Durations are seconds. */
public sealed interface CallObservation {

    /**
     * A placed call stopped ringing: answered by a live person ({@code live}) or not, after {@code seconds}.
     * {@code chance} is the call's own live-answer probability as predicted when it was placed (the one the snapshot
     * carried for it), or NaN when nothing was predicted.
     */
    record Resolved(double seconds, boolean live, double chance) implements CallObservation {
        public Resolved {
            requireDuration("resolved.seconds", seconds);
            requireChance("resolved.chance", chance);
        }

        /** A resolved call with no prediction of its own. */
        public Resolved(double seconds, boolean live) {
            this(seconds, live, Double.NaN);
        }
    }

    /** A conversation with an agent ended after {@code seconds}. */
    record TalkEnded(double seconds) implements CallObservation {
        public TalkEnded {
            requireDuration("talk.seconds", seconds);
        }
    }

    /** An agent's wrap-up ended after {@code seconds}. */
    record WrapEnded(double seconds) implements CallObservation {
        public WrapEnded {
            requireDuration("wrap.seconds", seconds);
        }
    }

    /** A probability in [0, 1], or NaN for "not known". */
    static void requireChance(String field, double chance) {
        if (!Double.isNaN(chance) && !(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException(field + ": " + chance + " (expected a probability in [0, 1], or NaN)");
        }
    }

    private static void requireDuration(String field, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(field + ": " + seconds + " (expected a finite value >= 0)");
        }
    }
}

package io.duecall.domain.pacing;

/** Something the campaign learned about its calls, fed to the pacer's estimators. Durations are seconds. */
public sealed interface CallObservation {

    /** A placed call stopped ringing: answered by a live person ({@code live}) or not, after {@code seconds}. */
    record Resolved(double seconds, boolean live) implements CallObservation {
        public Resolved {
            requireDuration("resolved.seconds", seconds);
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

    private static void requireDuration(String field, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(field + ": " + seconds + " (expected a finite value >= 0)");
        }
    }
}

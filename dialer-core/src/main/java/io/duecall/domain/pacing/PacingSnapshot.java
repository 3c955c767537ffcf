package io.duecall.domain.pacing;

import java.util.Objects;

/**
 * What a pacer sees at one instant. Times are seconds; {@code now} is any monotonic clock reading (virtual seconds in the
 * simulator, epoch seconds in the live engine). The arrays are handed over to the snapshot and must not be changed later.
 *
 * @param now the instant of the decision, in seconds
 * @param loggedInAgents agents logged in and not paused (ready, reserved, talking or wrapping up)
 * @param readyAgents agents ready and not reserved for a call
 * @param reservedAgents agents held for an answered call that is being connected to them
 * @param talkElapsed for each agent on a call, seconds since the call was connected
 * @param wrapElapsed for each agent in wrap-up, seconds since wrap-up began
 * @param ringingAges for each call placed and not yet answered or failed, seconds since it was originated
 * @param answeredWaiting answered live calls waiting for an agent
 * @param callsUp all calls of the campaign currently holding a channel (ringing, in the IVR, waiting or bridged)
 * @param channelLimit most calls the campaign may hold at once
 * @param counters the campaign's abandon counters for today and the last 30 days
 * @param secondsLeftToday how long the campaign may still dial on the day its abandons are counted for, or NaN when
 *     unknown
 * @param ringingChances for each ringing call (aligned with {@code ringingAges}), its own live-answer probability as
 *     predicted when it was placed, NaN where none was; empty when no call has one
 * @param nextChances the predicted live-answer probabilities of the next calls the campaign would place, in order
 *     (NaN where none; calls past the end of the array take the campaign's share); empty when unknown
 */
public record PacingSnapshot(double now, int loggedInAgents, int readyAgents, int reservedAgents, double[] talkElapsed,
        double[] wrapElapsed, double[] ringingAges, int answeredWaiting, int callsUp, int channelLimit,
        AbandonCounters counters, double secondsLeftToday, double[] ringingChances, double[] nextChances) {
    private static final double[] NONE = new double[0];

    public PacingSnapshot {
        Objects.requireNonNull(talkElapsed, "talkElapsed");
        Objects.requireNonNull(wrapElapsed, "wrapElapsed");
        Objects.requireNonNull(ringingAges, "ringingAges");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(ringingChances, "ringingChances");
        Objects.requireNonNull(nextChances, "nextChances");
        if (ringingChances.length != 0 && ringingChances.length != ringingAges.length) {
            throw new IllegalArgumentException("pacing snapshot: ringingChances has " + ringingChances.length
                    + " entries for " + ringingAges.length + " ringing calls (expected as many, or none)");
        }
        for (int i = 0; i < ringingChances.length; i++) {
            CallObservation.requireChance("pacing snapshot: ringingChances[" + i + "]", ringingChances[i]);
        }
        for (int i = 0; i < nextChances.length; i++) {
            CallObservation.requireChance("pacing snapshot: nextChances[" + i + "]", nextChances[i]);
        }
        if (loggedInAgents < 0 || readyAgents < 0 || reservedAgents < 0 || answeredWaiting < 0 || callsUp < 0
                || channelLimit < 0) {
            throw new IllegalArgumentException("pacing snapshot counts must be >= 0: loggedIn " + loggedInAgents
                    + ", ready " + readyAgents + ", reserved " + reservedAgents + ", waiting " + answeredWaiting
                    + ", up " + callsUp + ", channelLimit " + channelLimit);
        }
        if (secondsLeftToday < 0 || Double.isInfinite(secondsLeftToday)) {
            throw new IllegalArgumentException("pacing snapshot: secondsLeftToday " + secondsLeftToday
                    + " (expected a finite value >= 0, or NaN when unknown)");
        }
        if (readyAgents + reservedAgents + talkElapsed.length + wrapElapsed.length > loggedInAgents) {
            throw new IllegalArgumentException("pacing snapshot: ready " + readyAgents + " + reserved " + reservedAgents
                    + " + talking " + talkElapsed.length + " + wrapping " + wrapElapsed.length
                    + " exceeds loggedInAgents " + loggedInAgents);
        }
    }

    /** A snapshot whose calls carry no live-answer predictions of their own. */
    public PacingSnapshot(double now, int loggedInAgents, int readyAgents, int reservedAgents, double[] talkElapsed,
            double[] wrapElapsed, double[] ringingAges, int answeredWaiting, int callsUp, int channelLimit,
            AbandonCounters counters, double secondsLeftToday) {
        this(now, loggedInAgents, readyAgents, reservedAgents, talkElapsed, wrapElapsed, ringingAges, answeredWaiting,
                callsUp, channelLimit, counters, secondsLeftToday, NONE, NONE);
    }

    /** A snapshot whose end of day is unknown. */
    public PacingSnapshot(double now, int loggedInAgents, int readyAgents, int reservedAgents, double[] talkElapsed,
            double[] wrapElapsed, double[] ringingAges, int answeredWaiting, int callsUp, int channelLimit,
            AbandonCounters counters) {
        this(now, loggedInAgents, readyAgents, reservedAgents, talkElapsed, wrapElapsed, ringingAges, answeredWaiting,
                callsUp, channelLimit, counters, Double.NaN);
    }

    /** A snapshot with counts only, for callers that know no elapsed times: every logged-in agent is taken as ready. */
    public static PacingSnapshot counts(double now, int readyAgents, int callsRinging, int answeredWaiting, int callsUp,
            int channelLimit) {
        if (callsRinging < 0) {
            throw new IllegalArgumentException("pacing snapshot: callsRinging " + callsRinging + " (expected >= 0)");
        }
        return new PacingSnapshot(now, readyAgents, readyAgents, 0, NONE, NONE, new double[callsRinging],
                answeredWaiting, callsUp, channelLimit, AbandonCounters.NONE);
    }

    /** The predicted live-answer chance of the {@code k}th call placed now (0 first), NaN when none was predicted. */
    public double nextChance(int k) {
        return k < nextChances.length ? nextChances[k] : Double.NaN;
    }

    public int callsRinging() {
        return ringingAges.length;
    }

    public int freeChannels() {
        return Math.max(0, channelLimit - callsUp);
    }

    /** Ready agents with no call already on its way to them: calls placed for these can never be abandoned. */
    public int uncoveredAgents() {
        return Math.max(0, readyAgents - ringingAges.length - answeredWaiting);
    }
}

package io.duecall.sim;

/**
 * What one simulated day produced. Occupancy is talk plus wrap-up over logged-in time; abandon rates are over live
 * answers; the invariant counters (lines over the cap, originates with no agent, originates outside the window) are
 * measured by the simulator itself, whatever the pacer claims.
 */
public record DayResult(long dials, long liveAnswers, long abandons, long contacts, long skipped, double occupancy,
        double talkShare, double abandonRate, double worstHourAbandonRate, double idlePerContact,
        double contactsPerAgentHour, double dialsPerAgentHour, double meanLines, int peakLines,
        double meanOriginatesPerSecond, int peakOriginatesPerSecond, double meanLiveRing, double meanFailedHold,
        int peakLinesPerAgent100, long originatesWithNoAgent, long originatesOutsideWindow) {

    /** Peak lines (ringing or waiting) per logged-in agent seen at any originate. */
    public double peakLinesPerAgent() {
        return peakLinesPerAgent100 / 100.0;
    }
}

package io.duecall.bench;

import java.util.Arrays;

/**
 * What one originate run measured.
 *
 * @param originatesInWindow  originates sent while the dial cycle ran, over {@code windowSeconds}
 * @param originateToAgiNanos per call, originate sent to the IVR's first lookup of the call
 * @param engineToBridgeNanos per bridged call, the engine's own time from the answer to the Redirect leaving for the
 *                            PBX: from the IVR session naming the call to the Redirect sent, less the time the session
 *                            waited on the PBX's replies to its AGI commands
 * @param loopbackToBridgeNanos per bridged call, from the engine first knowing of the answer (the Answered event or
 *                            the IVR session, whichever came first) to the PBX accepting the Redirect, simulator included
 * @param calls               what became of the answered calls, from the ledger
 * @param ledgerLines         ledger lines written for the calls this run placed
 * @param unaccounted         calls placed that ended as no ledger line, or as more than one
 * @param refused             originates or redirects the PBX refused, and AMI events dropped
 */
record OriginateResult(long originatesInWindow, double windowSeconds, long[] originateToAgiNanos,
        long[] engineToBridgeNanos, long[] loopbackToBridgeNanos, Answered calls, long ledgerLines, long unaccounted,
        long refused, boolean ranOutOfAccounts, int maxOutstanding, long throttled) {

    /**
     * The answered calls by how they ended: bridged to an agent, abandoned (no agent within the agent wait), or
     * hung up by the caller before reaching one.
     */
    record Answered(long bridged, long abandoned, long hungUpFirst) {
        long total() {
            return bridged + abandoned + hungUpFirst;
        }
    }

    double originatesPerSecond() {
        return originatesInWindow / windowSeconds;
    }

    static double percentileMillis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
    }
}

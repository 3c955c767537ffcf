package io.duecall.bench;

import java.util.Arrays;

/**
 * What one originate run measured.
 *
 * @param originatesInWindow  originates sent while the dial cycle ran, over {@code windowSeconds}
 * @param originateToAgiNanos per call, originate sent to the IVR's first lookup of the call
 * @param answerToBridgeNanos per bridged call, Answered event handed to the engine to the Redirect accepted
 * @param ledgerLines         ledger lines written for the calls this run placed
 * @param unaccounted         calls placed that ended as no ledger line, or as more than one
 * @param refused             originates or redirects the PBX refused, and AMI events dropped
 */
record OriginateResult(long originatesInWindow, double windowSeconds, long[] originateToAgiNanos,
        long[] answerToBridgeNanos, long ledgerLines, long unaccounted, long refused, boolean ranOutOfAccounts) {

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

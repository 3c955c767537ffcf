package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** The originate run's figures, each beside its target. */
final class OriginateFigures {
    static final double TARGET_PER_SECOND = 300;
    static final double TARGET_P99_ANSWER_TO_BRIDGE_MS = 50;

    private OriginateFigures() {}

    /** The pipelined run's figures, with the one-at-a-time {@code baseline} run's beside the two with targets. */
    static List<Figure> of(OriginateResult r, OriginateResult baseline) {
        var toAgi = r.originateToAgiNanos();
        var engine = r.engineToBridgeNanos();
        var loopback = r.loopbackToBridgeNanos();
        var calls = r.calls();
        return List.of(
                Figure.atLeast("originates/s sustained (one node)", r.originatesPerSecond(), "calls/s",
                        TARGET_PER_SECOND, String.format(Locale.ROOT, "target >= %.0f (%,d in %.0f s%s); pipelined,"
                                + " at most %d awaiting their response", TARGET_PER_SECOND, r.originatesInWindow(),
                                r.windowSeconds(), r.ranOutOfAccounts() ? "; ran out of accounts" : "",
                                r.maxOutstanding())),
                Figure.report("  baseline: originates/s one at a time", baseline.originatesPerSecond(), "calls/s",
                        "each Originate waits for its response (ami.maxOutstandingOriginates: 0), same load"),
                Figure.report("originate -> AGI connect p50", OriginateResult.percentileMillis(toAgi, 50), "ms",
                        String.format(Locale.ROOT, "%,d calls; includes the simulated ring", toAgi.length)),
                Figure.report("originate -> AGI connect p99", OriginateResult.percentileMillis(toAgi, 99), "ms",
                        "includes the simulated ring"),
                Figure.report("answer -> bridge action p50 (engine)", OriginateResult.percentileMillis(engine, 50),
                        "ms", String.format(Locale.ROOT, "%,d calls; IVR names the call to Redirect sent, less AGI "
                                + "replies awaited", engine.length)),
                Figure.atMost("answer -> bridge action p99 (engine)", OriginateResult.percentileMillis(engine, 99),
                        "ms", TARGET_P99_ANSWER_TO_BRIDGE_MS, "target < 50 ms of engine time"),
                Figure.report("  baseline: answer -> bridge action p99 (engine)",
                        OriginateResult.percentileMillis(baseline.engineToBridgeNanos(), 99), "ms",
                        "one at a time, same load"),
                Figure.report("answer -> bridge accepted p99 (loopback)",
                        OriginateResult.percentileMillis(loopback, 99), "ms",
                        "first sign of the answer to Redirect accepted; simulator included"),
                Figure.report("answered calls bridged to an agent", calls.bridged(), "calls",
                        String.format(Locale.ROOT, "of %,d answered", calls.total())),
                Figure.atMost("answered calls abandoned (no agent in time)", calls.abandoned(), "calls", 0,
                        "must be 0: progressive pacing dials only for a free agent"),
                Figure.report("answered calls hung up before an agent", calls.hungUpFirst(), "calls",
                        "the caller left first (none in this population)"),
                Figure.atMost("calls not ending as one ledger line", r.unaccounted(), "calls", 0,
                        String.format(Locale.ROOT, "must be 0 (%,d ledger lines)", r.ledgerLines())),
                Figure.atMost("originates/redirects refused, events dropped", r.refused(), "", 0, "must be 0"),
                Figure.report("originates held back (too many awaiting a response)", r.throttled(), "",
                        "each account went back to the queue and was dialed later"));
    }
}

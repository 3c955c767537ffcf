package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** The originate run's figures, each beside its target. */
final class OriginateFigures {
    static final double TARGET_PER_SECOND = 300;
    static final double TARGET_P99_ANSWER_TO_BRIDGE_MS = 50;

    private OriginateFigures() {}

    static List<Figure> of(OriginateResult r) {
        var toAgi = r.originateToAgiNanos();
        var toBridge = r.answerToBridgeNanos();
        return List.of(
                Figure.atLeast("originates/s sustained (one node)", r.originatesPerSecond(), "calls/s",
                        TARGET_PER_SECOND, String.format(Locale.ROOT, "target >= %.0f (%,d in %.0f s%s)",
                                TARGET_PER_SECOND, r.originatesInWindow(), r.windowSeconds(),
                                r.ranOutOfAccounts() ? "; ran out of accounts" : "")),
                Figure.report("originate -> AGI connect p50", OriginateResult.percentileMillis(toAgi, 50), "ms",
                        String.format(Locale.ROOT, "%,d calls; includes the simulated ring", toAgi.length)),
                Figure.report("originate -> AGI connect p99", OriginateResult.percentileMillis(toAgi, 99), "ms",
                        "includes the simulated ring"),
                Figure.report("answer -> bridge action p50", OriginateResult.percentileMillis(toBridge, 50), "ms",
                        String.format(Locale.ROOT, "%,d calls; Answered handled to Redirect accepted", toBridge.length)),
                Figure.atMost("answer -> bridge action p99", OriginateResult.percentileMillis(toBridge, 99), "ms",
                        TARGET_P99_ANSWER_TO_BRIDGE_MS, "target < 50 ms of engine time"),
                Figure.report("answered calls not bridged", toAgi.length - toBridge.length, "calls",
                        "reached the IVR, but no Redirect was accepted"),
                Figure.atMost("calls not ending as one ledger line", r.unaccounted(), "calls", 0,
                        String.format(Locale.ROOT, "must be 0 (%,d ledger lines)", r.ledgerLines())),
                Figure.atMost("originates/redirects refused, events dropped", r.refused(), "", 0, "must be 0"));
    }
}

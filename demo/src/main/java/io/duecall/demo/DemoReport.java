package io.duecall.demo;

import io.duecall.app.LedgerAudit;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.PredictivePacer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo's closing summary, read back from the ledger, with the checks that make a run trustworthy. */
public record DemoReport(
        List<LedgerAudit.CampaignAudit> campaigns,
        long dialsPlaced,
        long ledgerLines,
        int callsStillInFlight,
        double agentOccupancy,
        Duration campaignTime,
        Path outDir,
        Map<CampaignId, PredictivePacer.Activity> predictive,
        Callers callers,
        PromiseCount promiseCount,
        Map<CampaignId, Long> agentPhonesNotAnswering,
        long agentsReadiedAgain) {

    /** The simulated callers who pressed keys without waiting to be asked, and what became of those keys. */
    public record Callers(long barging, long keysHeard, long keysLost) {
    }

    /**
     * Promises as the simulated callers heard them against the promise store: {@code told} callers heard "your
     * promise is recorded", {@code refused} heard it could not be; {@code stored} promises are in the store, of them
     * {@code storedUntold} made by callers who hung up before the confirmation; {@code toldNotStored} and
     * {@code refusedButStored} must be 0.
     */
    public record PromiseCount(int told, int refused, int stored, int storedUntold, int toldNotStored,
            int refusedButStored) {
        static PromiseCount of(Map<String, Boolean> toldByCall, java.util.Set<String> storedCalls) {
            int told = 0;
            int refused = 0;
            int toldNotStored = 0;
            int refusedButStored = 0;
            for (var entry : toldByCall.entrySet()) {
                if (entry.getValue()) {
                    told++;
                    toldNotStored += storedCalls.contains(entry.getKey()) ? 0 : 1;
                } else {
                    refused++;
                    refusedButStored += storedCalls.contains(entry.getKey()) ? 1 : 0;
                }
            }
            int untold = (int) storedCalls.stream().filter(c -> !toldByCall.containsKey(c)).count();
            return new PromiseCount(told, refused, storedCalls.size(), untold, toldNotStored, refusedButStored);
        }

        boolean consistent() {
            return toldNotStored == 0 && refusedButStored == 0;
        }
    }

    static DemoReport of(List<Campaign> campaigns, List<Attempt> ledger, long dialsPlaced, int inFlight,
            Map<AgentState, Duration> agentTimes, Instant started, Instant finished, Path outDir,
            Map<CampaignId, PredictivePacer.Activity> predictive, Callers callers, PromiseCount promiseCount,
            long agentsReadiedAgain) {
        var busy = agentTimes.getOrDefault(AgentState.ON_CALL, Duration.ZERO)
                .plus(agentTimes.getOrDefault(AgentState.WRAP_UP, Duration.ZERO));
        var staffed = busy.plus(agentTimes.getOrDefault(AgentState.READY, Duration.ZERO))
                .plus(agentTimes.getOrDefault(AgentState.RESERVED, Duration.ZERO));
        double occupancy = staffed.isZero() ? 0 : (double) busy.toMillis() / staffed.toMillis();
        return new DemoReport(LedgerAudit.audit(campaigns, ledger), dialsPlaced, ledger.size(), inFlight, occupancy,
                Duration.between(started, finished), outDir, Map.copyOf(predictive), callers, promiseCount,
                notAnswering(ledger), agentsReadiedAgain);
    }

    /** Per campaign, the calls abandoned because the agent they were moved to did not answer: abandoned with an agent. */
    private static Map<CampaignId, Long> notAnswering(List<Attempt> ledger) {
        return ledger.stream().filter(a -> a.abandoned() && a.agent() != null)
                .collect(java.util.stream.Collectors.groupingBy(Attempt::campaign,
                        java.util.stream.Collectors.counting()));
    }

    public long callsOutsideWindow() {
        return campaigns.stream().mapToLong(LedgerAudit.CampaignAudit::outsideWindow).sum();
    }

    public long promises() {
        return campaigns.stream().mapToLong(LedgerAudit.CampaignAudit::promises).sum();
    }

    public long bridged() {
        return campaigns.stream().mapToLong(LedgerAudit.CampaignAudit::bridged).sum();
    }

    /** Every dial placed is one ledger line, and nothing is left half-done. */
    public boolean ledgerAccountsForEveryDial() {
        return ledgerLines == dialsPlaced && callsStillInFlight == 0;
    }

    public boolean healthy() {
        return ledgerAccountsForEveryDial() && callsOutsideWindow() == 0 && promiseCount.consistent();
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Summary after %s of campaign time%n", format(campaignTime));
        for (var c : campaigns) {
            out.printf("  %s%n", c.campaign());
            out.printf("    dials %d: answered %d, machines %d, no answer %d, busy %d, congestion/failed %d%n",
                    c.dials(), c.humanAnswers(), count(c, CallOutcome.MACHINE), count(c, CallOutcome.NO_ANSWER),
                    count(c, CallOutcome.BUSY), count(c, CallOutcome.CONGESTION) + count(c, CallOutcome.FAILED));
            out.printf("    right-party contacts %d, promises %d totalling %s%n", c.rightPartyContacts(), c.promises(),
                    c.promisedByCurrency().isEmpty() ? "0" : c.promisedByCurrency().toString());
            out.printf("    bridged to agents %d, abandoned %d (%.2f%% of live answers)%n", c.bridged(), c.abandoned(),
                    100 * c.abandonRate());
            long unanswered = agentPhonesNotAnswering.getOrDefault(c.campaign(), 0L);
            if (unanswered > 0) {
                out.printf("    agent phones not answering %d (abandoned after the safe-harbor message; agent paused)%n",
                        unanswered);
            }
            out.printf("    calls outside the calling window: %d%n", c.outsideWindow());
            var activity = predictive.get(c.campaign());
            if (activity != null) {
                out.println("    " + describe(activity));
            }
        }
        if (callers.barging() > 0) {
            out.printf("  callers who pressed keys during prompts %d: %d keys answered a question, %d lost while the IVR"
                    + " was not listening (greeting, name, between commands)%n", callers.barging(), callers.keysHeard(),
                    callers.keysLost());
        }
        out.printf("  agent occupancy %.1f%%%n", 100 * agentOccupancy);
        if (agentsReadiedAgain > 0) {
            out.printf("  agents paused for '%s' and made ready again by the demo's supervisor: %d%n",
                    io.duecall.app.DialerEngine.PHONE_NOT_ANSWERING, agentsReadiedAgain);
        }
        out.printf("  ledger: %d lines for %d dials%s; written to %s and %s%n", ledgerLines, dialsPlaced,
                callsStillInFlight == 0 ? "" : " (" + callsStillInFlight + " calls still up)",
                outDir.resolve("ledger.csv"), outDir.resolve("promises.csv"));
        var p = promiseCount;
        out.printf("  promises keyed by callers = promises stored: %d = %d%s%s%s%n", p.told() + p.storedUntold(),
                p.stored(), p.storedUntold() == 0 ? "" : " (" + p.storedUntold() + " of them by callers who hung up"
                        + " before hearing the confirmation)",
                p.refused() == 0 ? "" : "; " + p.refused() + " caller(s) told their promise could not be recorded",
                p.consistent() ? "" : "; MISMATCH: " + p.toldNotStored() + " told recorded but not stored, "
                        + p.refusedButStored() + " told not recorded but stored");
        out.println(healthy() ? "  checks: OK" : "  checks: FAILED");
    }

    /** What the predictive pacer did: the calls it placed ahead of free agents, and when it fell back to progressive. */
    static String describe(PredictivePacer.Activity a) {
        var sb = new StringBuilder(String.format("predictive pacing: %d calls placed ahead of a free agent", a.callsAhead()));
        long fallback = a.fewAgents() + a.learning() + a.overLimit();
        if (fallback > 0) {
            sb.append(String.format("; progressive on %d of %d decisions (", fallback, a.decisions()));
            var reasons = new java.util.ArrayList<String>();
            if (a.learning() > 0) {
                reasons.add(a.learning() + " while too few calls had resolved to estimate from");
            }
            if (a.fewAgents() > 0) {
                reasons.add(a.fewAgents() + " with too few agents logged in");
            }
            if (a.overLimit() > 0) {
                reasons.add(a.overLimit() + " past the abandon limit");
            }
            sb.append(String.join(", ", reasons)).append(')');
        }
        if (a.callsAhead() == 0) {
            sb.append("; it never saw room for a call beyond the ready agents, so it dialed as progressive would");
        }
        return sb.toString();
    }

    private static long count(LedgerAudit.CampaignAudit c, CallOutcome outcome) {
        return c.outcomes().getOrDefault(outcome, 0L);
    }

    private static String format(Duration d) {
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}

package io.duecall.demo;

import io.duecall.engine.Engine;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.CsvFiles;
import io.duecall.adapter.csv.PromiseCsvWriter;
import io.duecall.app.DialerEngine;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.pbxsim.PbxSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's campaigns on the running engine: started for the demo's duration with a progress line every few
 * seconds, a supervisor making ready the agents whose phone did not answer, then drained and summed up in a
 * {@link DemoReport} beside the ledger and promise CSVs.
 */
final class DemoRun {
    private DemoRun() {}

    private static DemoReport.Callers callersOf(PbxSimulator simulator) {
        var stats = simulator.stats();
        return new DemoReport.Callers(stats.bargingCallers(), stats.keysHeard(), stats.keysLost());
    }

    /** Runs the campaigns for the demo's duration, lets the calls in flight finish, writes the CSVs and reports. */
    static DemoReport run(Engine engine, Demo.Options options, PrintStream out, PbxSimulator simulator)
            throws Exception {
        var dialer = engine.dialer();
        engine.loginAllAgents();
        var started = engine.clock().instant();
        engine.startCampaigns();
        long endNanos = System.nanoTime() + options.duration().toNanos();
        long readiedAgain = 0;
        while (System.nanoTime() < endNanos) {
            Thread.sleep(Math.min(5_000, Math.max(1, (endNanos - System.nanoTime()) / 1_000_000)));
            readiedAgain += readyAgentsWhosePhoneDidNotAnswer(engine);
            out.println(progressLine(engine));
        }
        engine.stopCampaigns();
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dialer.callsInFlight() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
        }
        var finished = engine.clock().instant();
        var ledger = engine.ledger().readAll();
        CsvFiles.writeAtomically(options.outDir().resolve("ledger.csv"), writer -> new AttemptCsvWriter().write(ledger, writer));
        var promises = engine.promises().all();
        CsvFiles.writeAtomically(options.outDir().resolve("promises.csv"),
                writer -> new PromiseCsvWriter().write(promises, writer));
        long dials = 0;
        for (var c : dialer.campaigns()) {
            dials += dialer.figures(c.id()).dials();
        }
        var predictive = new HashMap<CampaignId, PredictivePacer.Activity>();
        for (var c : dialer.campaigns()) {
            dialer.predictiveActivity(c.id()).ifPresent(a -> predictive.put(c.id(), a));
        }
        var storedCalls = promises.stream().map(PromiseToPay::callId)
                .collect(Collectors.toSet());
        var report = DemoReport.of(dialer.campaigns(), ledger, dials, dialer.callsInFlight(),
                engine.agents().figures().timeInStates(finished), started, finished, options.outDir(), predictive,
                callersOf(simulator), DemoReport.PromiseCount.of(promisesTold(simulator, storedCalls), storedCalls),
                readiedAgain);
        report.print(out);
        return report;
    }

    /**
     * What the simulated callers heard about their promises. A caller's session is over a moment after the engine
     * has written its call, so this waits (10 s at most) until every stored promise's caller has been heard from.
     */
    private static Map<String, Boolean> promisesTold(PbxSimulator simulator, Set<String> storedCalls)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var told = simulator.promisesTold();
        while (!told.keySet().containsAll(storedCalls) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            told = simulator.promisesTold();
        }
        return told;
    }

    /**
     * The demo's supervisor: an agent paused because their phone did not answer a call is made ready again at the
     * next progress line (a real desk's agent or supervisor does it once the phone works).
     */
    private static long readyAgentsWhosePhoneDidNotAnswer(Engine engine) {
        var now = engine.clock().instant();
        long readied = 0;
        for (var status : engine.agents().figures().states(now)) {
            if (status.state() == AgentState.PAUSED && DialerEngine.PHONE_NOT_ANSWERING.equals(status.pauseReason())) {
                engine.agents().ready(status.seat().id(), now);
                readied++;
            }
        }
        return readied;
    }

    private static String progressLine(Engine engine) {
        var sb = new StringBuilder();
        sb.append(engine.clock().instant().atZone(ZoneOffset.UTC).toLocalTime().withNano(0)).append(" UTC");
        for (var c : engine.dialer().campaigns()) {
            var f = engine.dialer().figures(c.id());
            sb.append(String.format("  | %s: %d dials, %d answered, %d promises, %d bridged, %d abandoned",
                    c.id(), f.dials(), f.humanAnswers(), f.promises(), f.bridged(), f.abandoned()));
        }
        sb.append("  | in flight ").append(engine.dialer().callsInFlight());
        return sb.toString();
    }
}

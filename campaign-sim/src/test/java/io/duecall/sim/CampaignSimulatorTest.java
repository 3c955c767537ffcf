package io.duecall.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.domain.pacing.PowerPacer;
import io.duecall.domain.pacing.PredictiveConfig;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.domain.pacing.ProgressivePacer;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class CampaignSimulatorTest {
    private static final SimConfig TWENTY = SimConfig.day(20, Population.lognormal(0.3, 60, 20));

    @Test
    void progressiveNeverAbandonsAndMatchesItsClosedForm() {
        var day = new CampaignSimulator(TWENTY, null, null).run(new ProgressivePacer(), 1, ledger());

        assertEquals(0, day.abandons());
        double idle = day.meanLiveRing() + (1 / 0.3 - 1) * day.meanFailedHold();
        double closedForm = 80 / (80 + idle);
        assertEquals(closedForm, day.occupancy(), 0.01, "progressive occupancy against idle = ring + (1/p - 1) x hold");
    }

    @Test
    void predictiveStaysUnderThreePercentAndBeatsProgressive() {
        for (long seed = 1; seed <= 3; seed++) {
            var day = new CampaignSimulator(TWENTY, null, null)
                    .run(new PredictivePacer(PredictiveConfig.defaults()), seed, ledger());

            assertTrue(day.abandonRate() <= 0.03, "seed " + seed + ": abandon rate " + day.abandonRate());
            assertTrue(day.occupancy() > 0.75, "seed " + seed + ": occupancy " + day.occupancy());
            assertTrue(day.peakLinesPerAgent() <= 3.0, "seed " + seed + ": peak lines per agent " + day.peakLinesPerAgent());
        }
    }

    @Test
    void sameSeedGivesTheSameDay() {
        var sim = new CampaignSimulator(TWENTY, null, null);

        var a = sim.run(new PowerPacer(2), 5, ledger());
        var b = sim.run(new PowerPacer(2), 5, ledger());

        assertEquals(a, b);
    }

    @Test
    void nothingIsPlacedWithoutAgentsInAnAgentCampaign() {
        var config = SimConfig.day(0, Population.lognormal(0.3, 60, 20));

        var day = new CampaignSimulator(config, null, null)
                .run(new PredictivePacer(PredictiveConfig.defaults()), 1, ledger());

        assertEquals(0, day.dials());
    }

    @Test
    void nothingIsPlacedOutsideTheCallingWindow() {
        // 07:00 in New York: the first two hours are before the 09:00 opening
        var early = TWENTY.withDayStart(Instant.parse("2025-03-04T12:00:00Z"));
        var lines = new ArrayList<Attempt>();

        var day = new CampaignSimulator(early, null, lines::add).run(new PowerPacer(2), 1, ledger());

        assertEquals(0, day.originatesOutsideWindow());
        assertTrue(day.skipped() > 0);
        assertTrue(lines.stream().allMatch(a -> early.window().permits(a.originatedAt().atZone(early.zone()))));
    }

    @Test
    void ledgerLinesAgreeWithTheDayAndTheAbandonAccounting() {
        var lines = new ArrayList<Attempt>();
        var audit = ledger();
        var config = TWENTY.withBreaks(900);

        var day = new CampaignSimulator(config, null, lines::add).run(new PowerPacer(3), 2, ledger());
        lines.forEach(a -> audit.record(a, config.zone()));

        assertEquals(day.dials(), lines.size());
        var counters = audit.counters(config.dayStart().atZone(config.zone()).toLocalDate());
        assertEquals(day.liveAnswers(), counters.liveAnswersToday());
        assertEquals(day.abandons(), counters.abandonsToday());
        assertTrue(day.abandons() > 0, "3 lines per ready agent must abandon some calls");
    }

    @Test
    void reducedBenchmarkGridKeepsItsInvariants() {
        var options = BenchmarkOptions.parse(new String[] {"--agents", "5", "--live", "0.3", "--talk", "60",
            "--seeds", "2"});

        var rows = PacingBenchmark.run(options, line -> { });

        var predictive = rows.stream().filter(r -> r.pacer().equals("predictive")).findFirst().orElseThrow();
        var progressive = rows.stream().filter(r -> r.pacer().equals("progressive")).findFirst().orElseThrow();
        assertTrue(predictive.worstDayAbandon() <= 0.03, "worst day " + predictive.worstDayAbandon());
        assertEquals(0.0, progressive.worstDayAbandon());
        var hindsight = rows.stream().filter(r -> r.pacer().endsWith("(hindsight)")).findFirst().orElseThrow();
        assertTrue(predictive.occupancy().mean() >= progressive.occupancy().mean());
        assertTrue(predictive.occupancy().mean() >= hindsight.occupancy().mean(),
                "predictive " + predictive.occupancy().mean() + " against hindsight " + hindsight.occupancy().mean());
    }

    private static AbandonLedger ledger() {
        return new AbandonLedger(AbandonRule.defaults());
    }
}

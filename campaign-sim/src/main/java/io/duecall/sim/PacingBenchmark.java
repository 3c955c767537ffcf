package io.duecall.sim;

import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.AbandonRule;
import io.duecall.domain.pacing.AdaptiveDialLevelPacer;
import io.duecall.domain.pacing.Pacer;
import io.duecall.domain.pacing.PowerPacer;
import io.duecall.domain.pacing.PredictiveConfig;
import io.duecall.domain.pacing.PredictivePacer;
import io.duecall.domain.pacing.ProgressivePacer;
import io.duecall.sim.habits.Habits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs every pacer side by side on the same seeds over a grid of campaigns and prints occupancy and abandonment with
 * 95% intervals; writes {@code pacing.csv} and {@code pacing.png} into the output directory.
 * Options: --agents 5,20,100 --live 0.15,0.3,0.6 --talk 60,180 --seeds 10 --out target/pacing --exponential --habits.
 * With {@code --habits} the debtors differ in when they answer ({@link AnswerChances}, averaging the cell's live share)
 * and two more rows run the predictive pacer told each call's own chance: as a model learned from the ledger would
 * know it, and exactly.
 */
public final class PacingBenchmark {
    private PacingBenchmark() {}

    public static void main(String[] args) throws IOException {
        var options = BenchmarkOptions.parse(args);
        var rows = run(options, System.out::println);
        Files.createDirectories(options.out());
        BenchmarkReport.writeCsv(rows, options.out().resolve("pacing.csv"));
        BenchmarkReport.writePlot(rows, options.out().resolve("pacing.png"));
        System.out.println("wrote " + options.out().resolve("pacing.csv") + " and " + options.out().resolve("pacing.png"));
    }

    static List<BenchmarkRow> run(BenchmarkOptions o, java.util.function.Consumer<String> print) {
        var rows = new ArrayList<BenchmarkRow>();
        print.accept(BenchmarkReport.header());
        for (int n : o.agents()) {
            for (double p : o.live()) {
                for (double talk : o.talk()) {
                    var population = o.exponential() ? Population.exponential(p, 14, talk, 20)
                            : Population.lognormal(p, talk, 20);
                    var config = SimConfig.day(n, population);
                    if (o.habits()) {
                        config = config.withAnswerChances(new AnswerChances(Habits.defaults(),
                                AnswerChances.Knowledge.NONE));
                    }
                    if (o.exponential()) {
                        // the Markov model exactly: no ring timeout, and a live answer with no free agent is lost
                        config = config.withRingTimeout(1e9).withAbandonThreshold(0);
                    }
                    var cell = new Cell(n, p, talk, config, o.seeds());
                    var cellRows = cell.runAll(o);
                    cellRows.forEach(r -> print.accept(BenchmarkReport.line(r)));
                    rows.addAll(cellRows);
                }
            }
        }
        return rows;
    }

    /** One grid cell: every pacer on the same seeds. */
    record Cell(int agents, double live, double talk, SimConfig config, int seeds) {
        List<BenchmarkRow> runAll(BenchmarkOptions o) {
            var out = new ArrayList<BenchmarkRow>();
            var progressive = row("progressive", ProgressivePacer::new);
            out.add(progressive);
            out.add(row("fixed 1/p", () -> new PowerPacer(1 / live)));
            var predictiveConfig = o.exponential() ? exponentialPredictive() : PredictiveConfig.defaults();
            var predictive = row("predictive", () -> new PredictivePacer(predictiveConfig));
            double tuned = tuneRatio(predictive.abandon().mean());
            out.add(row(String.format(Locale.ROOT, "fixed %.2f (hindsight)", tuned),
                    () -> new FractionalPowerPacer(tuned)));
            out.add(row("vicidial adapt", () -> new AdaptiveDialLevelPacer(0.03)));
            out.add(predictive);
            if (o.habits()) {
                out.add(told(predictiveConfig, AnswerChances.Knowledge.LEARNED, "predictive, learned chances"));
                out.add(told(predictiveConfig, AnswerChances.Knowledge.TRUE, "predictive, true chances"));
            }
            if (o.exponential()) {
                out.addAll(ExactOptimumRows.of(this, predictive.abandon().mean()));
            }
            out.add(ceiling());
            double floor = progressive.occupancy().mean();
            double top = out.stream().filter(r -> r.pacer().equals("clairvoyant")).findFirst().orElseThrow()
                    .occupancy().mean();
            return out.stream().map(r -> r.withGapClosed((r.occupancy().mean() - floor) / (top - floor))).toList();
        }

        /** The predictive pacer on the same debtors, told each call's own live chance as {@code knowledge} has it. */
        private BenchmarkRow told(PredictiveConfig predictive, AnswerChances.Knowledge knowledge, String name) {
            var toldCell = new Cell(agents, live, talk,
                    config.withAnswerChances(config.answerChances().told(knowledge)), seeds);
            return toldCell.row(name, () -> new PredictivePacer(predictive));
        }

        /** The predictive pacer's defaults, told that an answered call with no free agent is abandoned at once. */
        private static PredictiveConfig exponentialPredictive() {
            var d = PredictiveConfig.defaults();
            return new PredictiveConfig(d.abandonLimit(), d.abandonTarget(), 0, d.maxLinesPerAgent(),
                    d.originatesPerSecond(), d.minAgents(), d.minObservations(), d.budgetHorizon());
        }

        BenchmarkRow row(String name, Supplier<Pacer> pacer) {
            var sim = new CampaignSimulator(config, null, null);
            var days = new ArrayList<DayResult>();
            for (int s = 1; s <= seeds; s++) {
                days.add(sim.run(pacer.get(), s, new AbandonLedger(AbandonRule.defaults())));
            }
            return BenchmarkRow.of(this, name, days);
        }

        /**
         * The fixed ratio whose mean abandon rate over these very seeds is {@code target} (the predictive pacer's, so
         * both are compared at the same abandonment): tuned in hindsight, bisected on a log scale from 1 to 10/p.
         */
        double tuneRatio(double target) {
            double lo = 1;
            double hi = 10 / live;
            for (int i = 0; i < 14; i++) {
                double mid = Math.sqrt(lo * hi);
                double rate = row("probe", () -> new FractionalPowerPacer(mid)).abandon().mean();
                if (rate > target) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return lo;
        }

        /**
         * An oracle that dials only the debtors who will answer, timed so each answers the moment an agent frees:
         * agents idle only while the first call of the day rings.
         */
        BenchmarkRow ceiling() {
            double ring = config.population().liveRing().mean();
            double occupancy = (config.shiftSeconds() - ring) / config.shiftSeconds();
            return BenchmarkRow.constant(this, "clairvoyant", occupancy);
        }
    }

    static Path defaultOut() {
        return Path.of("target", "pacing");
    }
}

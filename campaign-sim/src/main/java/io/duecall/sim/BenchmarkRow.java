package io.duecall.sim;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One pacer in one grid cell: means with 95% intervals over the seeds, and the worst day's abandon rate. */
record BenchmarkRow(int agents, double live, double talk, String pacer, Stat occupancy, Stat abandon,
        double worstDayAbandon, Stat idlePerContact, Stat contactsPerAgentHour, Stat meanLines, int peakLines,
        double gapClosed) {

    record Stat(double mean, double half) {
        static Stat of(List<DayResult> days, ToDoubleFunction<DayResult> f) {
            int n = days.size();
            double mean = days.stream().mapToDouble(f).average().orElse(0);
            double ss = days.stream().mapToDouble(d -> Math.pow(f.applyAsDouble(d) - mean, 2)).sum();
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            return new Stat(mean, n > 1 ? 1.96 * sd / Math.sqrt(n) : 0);
        }
    }

    static BenchmarkRow of(PacingBenchmark.Cell cell, String pacer, List<DayResult> days) {
        return new BenchmarkRow(cell.agents(), cell.live(), cell.talk(), pacer, Stat.of(days, DayResult::occupancy),
                Stat.of(days, DayResult::abandonRate),
                days.stream().mapToDouble(DayResult::abandonRate).max().orElse(0),
                Stat.of(days, DayResult::idlePerContact), Stat.of(days, DayResult::contactsPerAgentHour),
                Stat.of(days, DayResult::meanLines), days.stream().mapToInt(DayResult::peakLines).max().orElse(0),
                Double.NaN);
    }

    static BenchmarkRow constant(PacingBenchmark.Cell cell, String pacer, double occupancy) {
        var zero = new Stat(0, 0);
        return new BenchmarkRow(cell.agents(), cell.live(), cell.talk(), pacer, new Stat(occupancy, 0), zero, 0,
                zero, zero, zero, 0, Double.NaN);
    }

    /** A figure of the Markov model, not of simulated days: its long-run occupancy and abandon share. */
    static BenchmarkRow model(PacingBenchmark.Cell cell, String pacer, double occupancy, double abandon) {
        var zero = new Stat(0, 0);
        return new BenchmarkRow(cell.agents(), cell.live(), cell.talk(), pacer, new Stat(occupancy, 0),
                new Stat(abandon, 0), abandon, zero, zero, zero, 0, Double.NaN);
    }

    BenchmarkRow withGapClosed(double share) {
        return new BenchmarkRow(agents, live, talk, pacer, occupancy, abandon, worstDayAbandon, idlePerContact,
                contactsPerAgentHour, meanLines, peakLines, share);
    }
}

package io.duecall.sim;

import java.nio.file.Path;
import java.util.Arrays;

/** Command-line options of the pacing benchmark. */
record BenchmarkOptions(int[] agents, double[] live, double[] talk, int seeds, Path out, boolean exponential,
        boolean habits) {
    static BenchmarkOptions parse(String[] args) {
        int[] agents = {5, 20, 100};
        double[] live = {0.15, 0.3, 0.6};
        double[] talk = {60, 180};
        int seeds = 10;
        Path out = PacingBenchmark.defaultOut();
        boolean exponential = false;
        boolean habits = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--agents" -> agents = Arrays.stream(value(args, ++i, a).split(",")).mapToInt(Integer::parseInt).toArray();
                case "--live" -> live = doubles(value(args, ++i, a));
                case "--talk" -> talk = doubles(value(args, ++i, a));
                case "--seeds" -> seeds = Integer.parseInt(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--exponential" -> exponential = true;
                case "--habits" -> habits = true;
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "' (expected --agents, --live, --talk, --seeds, --out, --exponential or --habits)");
            }
        }
        if (seeds < 2) {
            throw new IllegalArgumentException("--seeds: " + seeds + " (expected >= 2 for an interval)");
        }
        if (exponential && habits) {
            throw new IllegalArgumentException("--habits: not with --exponential (the Markov model has one live share)");
        }
        return new BenchmarkOptions(agents, live, talk, seeds, out, exponential, habits);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return args[i];
    }

    private static double[] doubles(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}

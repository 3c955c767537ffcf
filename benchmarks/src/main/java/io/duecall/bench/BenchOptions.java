package io.duecall.bench;

/**
 * Sizes of one benchmark run; the defaults are the figures the README reports.
 *
 * @param accounts        accounts imported and then claimed
 * @param claimBatch      accounts asked for per claim, as one dial tick asks for its originates
 * @param sessions        concurrent FastAGI sessions held open at once
 * @param originateSeconds how long the engine originates against the PBX simulator
 * @param redisBenchmark  whether to run redis-benchmark for the claims' limit
 */
record BenchOptions(int accounts, int claimBatch, int sessions, int originateSeconds, boolean redisBenchmark) {
    BenchOptions {
        require("--accounts", accounts, 1);
        require("--claim-batch", claimBatch, 1);
        require("--sessions", sessions, 1);
        require("--originate-seconds", originateSeconds, 1);
    }

    static BenchOptions defaults() {
        return new BenchOptions(1_000_000, 100, 2_000, 20, true);
    }

    static BenchOptions parse(String[] args) {
        var o = defaults();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (name.equals("--no-redis-benchmark")) {
                o = new BenchOptions(o.accounts, o.claimBatch, o.sessions, o.originateSeconds, false);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            int value = number(name, args[++i]);
            o = switch (name) {
                case "--accounts" -> new BenchOptions(value, o.claimBatch, o.sessions, o.originateSeconds, o.redisBenchmark);
                case "--claim-batch" -> new BenchOptions(o.accounts, value, o.sessions, o.originateSeconds, o.redisBenchmark);
                case "--sessions" -> new BenchOptions(o.accounts, o.claimBatch, value, o.originateSeconds, o.redisBenchmark);
                case "--originate-seconds" -> new BenchOptions(o.accounts, o.claimBatch, o.sessions, value, o.redisBenchmark);
                default -> throw new IllegalArgumentException(name + ": unknown option (expected --accounts, "
                        + "--claim-batch, --sessions, --originate-seconds or --no-redis-benchmark)");
            };
        }
        return o;
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' (expected a whole number)");
        }
    }

    private static void require(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected >= " + min + ")");
        }
    }
}

package io.duecall.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sizes of one benchmark run; the defaults are the figures docs/throughput.md reports.
 *
 * @param accounts         accounts imported and then claimed
 * @param claimBatch       accounts asked for per claim, as one dial tick asks for its originates
 * @param sessions         concurrent FastAGI sessions held open at once
 * @param originateSeconds how long the engine originates against the PBX simulator
 * @param redisBenchmark   whether to run redis-benchmark for the claims' limit
 * @param agents           simulated agents of the originate run
 * @param parts            which parts run
 * @param originateTimeScale the PBX simulator's factor on ringing, talk and call limits in the originate run
 * (the ledger part appends and ships {@link #LEDGER_LINES} lines)
 */
record BenchOptions(int accounts, int claimBatch, int sessions, int originateSeconds, boolean redisBenchmark,
        int agents, Set<Part> parts, double originateTimeScale) {
    /** The benchmark's parts, as {@code --only} names them. */
    enum Part {
        REDIS, AGI, ORIGINATES, LEDGER, HABITS;

        String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int DEFAULT_AGENTS = 1_000;
    /** Lines the ledger part appends to Redis and ships into PostgreSQL. */
    static final int LEDGER_LINES = 200_000;
    /** Rings of 1-2 ms and talk of about 180 ms: the originate path, not the calls, is what is measured. */
    static final double DEFAULT_ORIGINATE_TIME_SCALE = 0.002;

    BenchOptions {
        require("--accounts", accounts, 1);
        require("--claim-batch", claimBatch, 1);
        require("--sessions", sessions, 1);
        require("--originate-seconds", originateSeconds, 1);
        require("--agents", agents, 1);
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("--only: no part named (expected " + partNames() + ")");
        }
        parts = Set.copyOf(parts);
        if (!(originateTimeScale > 0) || Double.isInfinite(originateTimeScale)) {
            throw new IllegalArgumentException("originateTimeScale: " + originateTimeScale + " (expected > 0)");
        }
    }

    BenchOptions(int accounts, int claimBatch, int sessions, int originateSeconds, boolean redisBenchmark,
            int agents, Set<Part> parts) {
        this(accounts, claimBatch, sessions, originateSeconds, redisBenchmark, agents, parts,
                DEFAULT_ORIGINATE_TIME_SCALE);
    }

    /** The same sizes with the simulator's calls in the originate run lasting {@code scale} of their real length. */
    BenchOptions withOriginateTimeScale(double scale) {
        return new BenchOptions(accounts, claimBatch, sessions, originateSeconds, redisBenchmark, agents, parts, scale);
    }

    /** Every part, with the given sizes and the default agents. */
    BenchOptions(int accounts, int claimBatch, int sessions, int originateSeconds, boolean redisBenchmark) {
        this(accounts, claimBatch, sessions, originateSeconds, redisBenchmark, DEFAULT_AGENTS, EnumSet.allOf(Part.class));
    }

    static BenchOptions defaults() {
        return new BenchOptions(1_000_000, 100, 2_000, 20, true);
    }

    boolean runs(Part part) {
        return parts.contains(part);
    }

    static BenchOptions parse(String[] args) {
        var o = defaults();
        for (int i = 0; i < args.length; i++) {
            var name = args[i];
            if (name.equals("--no-redis-benchmark")) {
                o = new BenchOptions(o.accounts, o.claimBatch, o.sessions, o.originateSeconds, false, o.agents, o.parts);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            var text = args[++i];
            if (name.equals("--only")) {
                o = new BenchOptions(o.accounts, o.claimBatch, o.sessions, o.originateSeconds, o.redisBenchmark,
                        o.agents, parts(text));
                continue;
            }
            int value = number(name, text);
            o = switch (name) {
                case "--accounts" -> new BenchOptions(value, o.claimBatch, o.sessions, o.originateSeconds,
                        o.redisBenchmark, o.agents, o.parts);
                case "--claim-batch" -> new BenchOptions(o.accounts, value, o.sessions, o.originateSeconds,
                        o.redisBenchmark, o.agents, o.parts);
                case "--sessions" -> new BenchOptions(o.accounts, o.claimBatch, value, o.originateSeconds,
                        o.redisBenchmark, o.agents, o.parts);
                case "--originate-seconds" -> new BenchOptions(o.accounts, o.claimBatch, o.sessions, value,
                        o.redisBenchmark, o.agents, o.parts);
                case "--agents" -> new BenchOptions(o.accounts, o.claimBatch, o.sessions, o.originateSeconds,
                        o.redisBenchmark, value, o.parts);
                default -> throw new IllegalArgumentException(name + ": unknown option (expected --accounts, "
                        + "--claim-batch, --sessions, --originate-seconds, --agents, --only or --no-redis-benchmark)");
            };
        }
        return o;
    }

    private static Set<Part> parts(String text) {
        var parts = EnumSet.noneOf(Part.class);
        for (var word : text.split(",")) {
            var part = Arrays.stream(Part.values()).filter(p -> p.optionName().equals(word.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--only: '" + word.strip() + "' (expected "
                            + partNames() + ", comma-separated)"));
            parts.add(part);
        }
        return parts;
    }

    private static String partNames() {
        return Arrays.stream(Part.values()).map(Part::optionName).collect(Collectors.joining(", "));
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

package io.duecall.bench;

import io.duecall.devsupport.LocalRedis;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * {@code ./duecall throughput-benchmark}: one node's figures on loopback, each printed beside its target or limit.
 * Redis work goes to a redis-server started for the run on a free port, never to a shared one.
 */
public final class ThroughputBenchmark {
    private ThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        var options = BenchOptions.parse(args);
        var figures = run(options, System.out);
        System.exit(figures.stream().anyMatch(f -> f.met() == Figure.Met.NO) ? 1 : 0);
    }

    static List<Figure> run(BenchOptions options, PrintStream out) throws Exception {
        var figures = new ArrayList<Figure>();
        var clock = Clock.systemUTC();
        out.printf("DueCall throughput benchmark: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                LoadAverage.describe());
        if (options.runs(BenchOptions.Part.REDIS)) {
            figures.addAll(redis(options, clock, out));
        }
        if (options.runs(BenchOptions.Part.AGI)) {
            out.println("FastAGI: " + options.sessions() + " sessions held open at once against the IVR server");
            var agiFigures = AgiFigures.of(AgiSessionLoad.run(options.sessions()));
            agiFigures.forEach(f -> out.println(f.line()));
            figures.addAll(agiFigures);
        }
        if (options.runs(BenchOptions.Part.ORIGINATES)) {
            var load = OriginateLoad.Settings.forWindow(options.originateSeconds(), options.agents(),
                    options.originateTimeScale());
            out.printf("Originates: one engine against the PBX simulator over loopback for %d s, %d simulated agents, "
                    + "every call answered and asking for an agent; the simulator answers with Asterisk 22.10.1's "
                    + "recorded latencies (each manager action 1 ms, in order per session; a redirected channel "
                    + "moves 2 ms after the FastAGI socket closes); the trunk takes at most %.0f originates a second "
                    + "(pacing.maxOriginatesPerSecond)%n", options.originateSeconds(), load.agents(),
                    OriginateLoad.TRUNK_ORIGINATES_PER_SECOND);
            // The behaviour before pipelining first, from the same run of the command, so the two sit side by side.
            var baseline = OriginateLoad.run(load.oneAtATime());
            var originateFigures = OriginateFigures.of(OriginateLoad.run(load), baseline);
            originateFigures.forEach(f -> out.println(f.line()));
            figures.addAll(originateFigures);
        }
        if (options.runs(BenchOptions.Part.LEDGER)) {
            figures.addAll(ledger(out));
        }
        if (options.runs(BenchOptions.Part.HABITS)) {
            figures.addAll(habits(out));
        }
        return figures;
    }

    private static List<Figure> ledger(PrintStream out) throws Exception {
        try (var redis = LocalRedis.provision(Optional.empty(), Optional.of(LocalRedis.Mode.LOCAL_BINARY));
                var jedis = new JedisPooled(redis.uri())) {
            var r = LedgerThroughput.run(jedis, redis.uri(), BenchOptions.LEDGER_LINES);
            out.printf("Ledger: %,d lines for %,d accounts appended to %s, then shipped by one shipper into %s%n",
                    r.lines(), LedgerThroughput.ACCOUNTS, redis.description(), r.postgres());
            var ledgerFigures = LedgerFigures.of(r);
            ledgerFigures.forEach(f -> out.println(f.line()));
            return ledgerFigures;
        }
    }

    private static List<Figure> habits(PrintStream out) throws Exception {
        try (var redis = LocalRedis.provision(Optional.empty(), Optional.of(LocalRedis.Mode.LOCAL_BINARY));
                var jedis = new JedisPooled(redis.uri())) {
            var r = HabitCost.run(jedis, HabitCost.LINES, HabitCost.DECISIONS);
            out.printf("Learning when debtors answer: %,d ledger lines of %,d accounts counted into %s, then %,d "
                    + "returns to the queue decided%n", r.lines(), r.accounts(), redis.description(), r.decisions());
            var habitFigures = HabitFigures.of(r);
            habitFigures.forEach(f -> out.println(f.line()));
            return habitFigures;
        }
    }

    private static List<Figure> redis(BenchOptions options, Clock clock, PrintStream out) throws Exception {
        var workDir = Files.createTempDirectory("duecall-bench-");
        try (var redis = LocalRedis.provision(Optional.empty(), Optional.of(LocalRedis.Mode.LOCAL_BINARY));
                var jedis = new JedisPooled(redis.uri())) {
            out.println("Redis: " + redis.description());
            var r = new RedisThroughput(jedis, redis.uri(), clock, out)
                    .run(options.accounts(), options.claimBatch(), workDir, options.redisBenchmark());
            var redisFigures = RedisFigures.of(r, options);
            redisFigures.forEach(f -> out.println(f.line()));
            return redisFigures;
        } finally {
            try (var files = Files.list(workDir)) {
                for (var file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(workDir);
        }
    }
}

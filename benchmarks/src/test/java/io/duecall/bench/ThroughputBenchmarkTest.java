package io.duecall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A reduced run (10,000 accounts, 100 sessions, 1 s of originates with 100 agents) checks counts and errors, not
 * speed. Its simulated calls last a fiftieth of their real length rather than the benchmark's five-hundredth, so a
 * call's maximum duration (set by the engine, scaled by the simulator) stays seconds long on a busy machine instead
 * of running out while the IVR still waits for its first reply.
 */
class ThroughputBenchmarkTest {

    @Test
    void reducedRunClaimsEachAccountOnceServesEverySessionAndEndsEveryOriginateAsOneLedgerLine() throws Exception {
        var printed = new ByteArrayOutputStream();
        var options = new BenchOptions(10_000, 100, 100, 1, false, 100,
                EnumSet.of(BenchOptions.Part.REDIS, BenchOptions.Part.AGI, BenchOptions.Part.ORIGINATES))
                .withOriginateTimeScale(0.02);

        var figures = ThroughputBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        Map<String, Double> byName = figures.stream().collect(Collectors.toMap(Figure::name, Figure::value));
        assertEquals(0, byName.get("claim errors (claimed twice or never)"));
        assertEquals(100, byName.get("concurrent FastAGI sessions held"));
        assertEquals(0, byName.get("FastAGI session errors"));
        assertEquals(0, byName.get("calls not ending as one ledger line"));
        assertEquals(0, byName.get("originates/redirects refused, events dropped"));
        assertTrue(byName.get("originates/s sustained (one node)") > 0);
        assertEquals(0, byName.get("answered calls abandoned (no agent in time)"));
        assertEquals(0, byName.get("answered calls hung up before an agent"));
        assertTrue(byName.get("answered calls bridged to an agent") > 0);
        assertEquals(true, printed.toString(StandardCharsets.UTF_8).contains("import of 10,000 accounts"));
    }

    @Test
    void reducedLedgerRunShipsEveryLineOnceAndLeavesNoneInRedis() throws Exception {
        var redis = io.duecall.devsupport.LocalRedis.provision(java.util.Optional.empty(),
                java.util.Optional.of(io.duecall.devsupport.LocalRedis.Mode.LOCAL_BINARY));
        try (redis; var jedis = new redis.clients.jedis.JedisPooled(redis.uri())) {
            var result = LedgerThroughput.run(jedis, redis.uri(), 3_000);

            Map<String, Double> byName = LedgerFigures.of(result).stream()
                    .collect(Collectors.toMap(Figure::name, Figure::value));
            assertEquals(0, byName.get("lines lost or doubled in PostgreSQL"));
            assertEquals(3_000, result.storedInPostgres());
            assertEquals(0, result.leftInRedis());
            assertTrue(byName.get("ledger lines shipped into PostgreSQL") > 0);
            assertTrue(result.redisBytesPerLine() > result.bytesPerLineAfterTrim(), "trimming frees the stream's memory");
        }
    }

    @Test
    void reducedHabitRunCountsEveryLineInTheCampaignsHashAndDecidesEveryReturn() throws Exception {
        var redis = io.duecall.devsupport.LocalRedis.provision(java.util.Optional.empty(),
                java.util.Optional.of(io.duecall.devsupport.LocalRedis.Mode.LOCAL_BINARY));
        try (redis; var jedis = new redis.clients.jedis.JedisPooled(redis.uri())) {
            var result = HabitCost.run(jedis, 2_000, 200);

            var store = new io.duecall.adapter.redis.RedisHabitStore(jedis,
                    new io.duecall.adapter.redis.RedisKeys("duecall-bench-habits"));
            var tally = store.campaign(new io.duecall.domain.campaign.CampaignId("reminders"));
            int dials = 0;
            for (int slot = 0; slot < io.duecall.domain.besttime.ContactSlot.COUNT; slot++) {
                dials += tally.get(io.duecall.domain.besttime.ContactSlot.ofIndex(slot)).dials();
            }
            assertEquals(2_000, dials, "every line counted once in the campaign's habits");
            assertTrue(result.recordMicros() > 0 && result.learnedDecisionMicros() > 0 && result.habitBytes() > 0);
            Map<String, Double> byName = HabitFigures.of(result).stream()
                    .collect(Collectors.toMap(Figure::name, Figure::value));
            assertEquals(result.habitBytes() / 2_000.0, byName.get("Redis memory of learning per account"), 1e-9);
        }
    }
}

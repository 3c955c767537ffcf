package io.duecall.demo;

import io.duecall.engine.Engine;
import io.duecall.engine.ScaledClock;
import io.duecall.engine.ScaledPause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.adapter.redis.RedisProvisioner;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.app.GracefulStop;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.AttemptLimits;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.pbxsim.PbxSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Faults injected into a running campaign: the real engine, the PBX simulator (whose simulated callers key promises in
 * the IVR) and a redis-server of the test's own with its append-only file. Each case ends with the engine's graceful
 * stop and compares: calls the PBXs placed against ledger lines (exactly one per call), promises callers heard
 * confirmed against promises stored (each stored, none twice, none stored that a caller was told failed), and calls
 * to an account sooner than the minimum gap after its previous one. Each prints one row of the table in
 * docs/durability.md. The demo runs 30 times faster than real time, as {@code ./duecall demo} does.
 *
 * <p>The payment faults (an overflowing feed, a mixed feed with one bad entry) are {@link PaymentFaultsTest}.
 */
@Timeout(300)
class FaultInjectionTest {
    private static final double SPEED = 30;
    private static final int ACCOUNTS = 600;
    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(90);
    private static final List<String> ROWS = new ArrayList<>();

    @TempDir
    Path dir;

    private RedisServerProcess redis;
    private Path journal;

    @BeforeEach
    void redisOfOurOwn() {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: the fault suite stops and restarts its own");
        redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
        journal = dir.resolve("journal");
    }

    @AfterAll
    static void printTable() {
        System.out.println();
        System.out.println("| fault | calls placed | ledger lines | promises keyed | promises stored | told recorded, not stored"
                + " | early redials |");
        System.out.println("|---|---|---|---|---|---|---|");
        ROWS.forEach(System.out::println);
    }

    @Test
    void redisShutDownForFifteenSecondsMidCampaignAndRestartedWithItsAppendOnlyFile() throws Exception {
        try (var run = Run.start(this, "redis down")) {
            run.await("12 calls in flight", () -> run.engine.dialer().callsInFlight() >= 12);
            run.note("redis stopped at " + run.engine.clock().instant());
            redis.stop();
            run.note(redis.killedAtLastStop() ? "redis did not stop within 10 s and was killed" : "redis stopped");
            Thread.sleep(Duration.ofSeconds(15));
            int waiting = run.engine.dialer().journalEntriesWaiting();
            redis.start();
            run.note("redis back at " + run.engine.clock().instant());
            run.await("the journal applied", () -> run.engine.dialer().journalEntriesWaiting() == 0
                    && run.engine.dialer().ledgerLinesWaiting() == 0);
            run.finish();
            assertTrue(waiting > 0, "some lines or promises went to the journal while Redis was down");
        } finally {
            redis.close();
        }
    }

    @Test
    void redisRefusingWritesForFifteenSeconds() throws Exception {
        try (var run = Run.start(this, "redis refusing writes (NOREPLICAS)");
                var admin = new JedisPooled(redis.uri())) {
            run.await("12 calls in flight", () -> run.engine.dialer().callsInFlight() >= 12);
            admin.configSet("min-replicas-to-write", "1");
            Thread.sleep(Duration.ofSeconds(15));
            int waiting = run.engine.dialer().journalEntriesWaiting();
            admin.configSet("min-replicas-to-write", "0");
            run.await("the journal applied", () -> run.engine.dialer().journalEntriesWaiting() == 0
                    && run.engine.dialer().ledgerLinesWaiting() == 0);
            run.finish();
            assertTrue(waiting > 0, "some lines or promises went to the journal while Redis refused writes");
        } finally {
            redis.close();
        }
    }

    @Test
    void stopWithTwentyCallsUpAndASecondSignalDuringTheDrain() throws Exception {
        try (var run = Run.start(this, "stop with 20+ calls up, second signal")) {
            run.await("20 calls in flight", () -> run.engine.dialer().callsInFlight() >= 20);
            int up = run.engine.dialer().callsInFlight();
            var stop = new GracefulStop(run.engine.dialer(), run.engine.clock(), new ScaledPause(SPEED));
            long hurryAt = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            var report = stop.stop(GracefulStop.graceFor(run.engine.dialer()), () -> System.nanoTime() > hurryAt);
            run.note(report.describe());
            assertTrue(up >= 20, "calls up at the stop: " + up);
            assertTrue(report.hurried(), report.describe());
            run.finish();
        } finally {
            redis.close();
        }
    }

    /**
     * kill -9, in-process: the engine is abandoned without its stop. Its PBX and IVR connections are closed first
     * (nothing more reaches it, as after a kill), nothing it holds in memory is written, and its lease renewals stop.
     * A new engine on the same Redis and journal directory then runs the campaign on.
     */
    @Test
    void killedMidCampaignAndRestarted() throws Exception {
        try (var first = Run.start(this, "kill -9 mid-campaign, restart")) {
            first.await("12 calls in flight", () -> first.engine.dialer().callsInFlight() >= 12);
            int up = first.engine.dialer().callsInFlight();
            first.abandon();
            first.note(up + " calls up at the kill");
            try (var second = Run.start(this, first)) {
                var lease = first.engine.dialer().campaigns().getFirst().lease();
                second.await("every call of the killed engine written",
                        () -> first.placedCallIds().stream().allMatch(second.writtenCallIds()::contains),
                        // the restart itself (connections, recovery, the leases running out) on busy cores
                        EVENT_DEADLINE.multipliedBy(2).plus(Duration.ofMillis((long) (lease.toMillis() / SPEED))),
                        () -> "unwritten: " + first.placedCallIds().stream()
                                .filter(id -> !second.writtenCallIds().contains(id)).sorted().toList());
                var interrupted = second.engine.ledger().readAll().stream()
                        .filter(a -> a.disposition() == io.duecall.domain.attempt.Disposition.INTERRUPTED).count();
                second.note(interrupted + " calls written INTERRUPTED by the restarted engine");
                assertTrue(interrupted > 0, "the calls up at the kill are written INTERRUPTED");
                second.finish();
            }
        } finally {
            redis.close();
        }
    }

    /** One engine and its simulator, on the test's Redis; a restarted run shares its predecessor's simulators. */
    private static final class Run implements AutoCloseable {
        private final String fault;
        private final List<PbxSimulator> simulators;
        private final List<String> notes = new ArrayList<>();
        private final FaultInjectionTest test;
        private final Demo.Options options;
        private Engine engine;
        /** The simulator this run started (a restarted run shares its predecessor's list, and closes only its own). */
        private PbxSimulator own;
        private boolean closed;

        private Run(FaultInjectionTest test, String fault, Demo.Options options, List<PbxSimulator> simulators) {
            this.test = test;
            this.fault = fault;
            this.options = options;
            this.simulators = simulators;
        }

        static Run start(FaultInjectionTest test, String fault) throws Exception {
            var options = new Demo.Options(ACCOUNTS, Duration.ofSeconds(60), SPEED, 11,
                    Instant.parse("2026-11-24T17:45:00Z"), test.dir, "faults");
            var run = new Run(test, fault, options, new ArrayList<>());
            run.engine = run.startEngine();
            Demo.importAccounts(run.engine, options, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            run.engine.loginAllAgents();
            run.engine.startCampaigns();
            return run;
        }

        /** The engine restarted after {@code killed} died: same Redis, journal and campaign clock. */
        static Run start(FaultInjectionTest test, Run killed) throws Exception {
            var run = new Run(test, killed.fault, killed.options, killed.simulators);
            run.notes.addAll(killed.notes);
            run.engine = run.startEngine();
            run.engine.loginAllAgents();
            run.engine.startCampaigns();
            return run;
        }

        private Engine startEngine() throws Exception {
            var config = Demo.config("faults").withJournalDir(test.journal);
            var provisioned = RedisProvisioner.existing(URI.create(test.redis.uri().toString()));
            var holder = new AtomicReference<PbxSimulator>();
            var clock = new ScaledClock(options.start(), SPEED);
            var started = Engine.start(config, clock, new ScaledPause(SPEED), provisioned,
                    agiPort -> Demo.startSimulator(holder, agiPort, options, config));
            simulators.add(holder.get());
            own = holder.get();
            return started;
        }

        void await(String what, BooleanSupplier condition) throws InterruptedException {
            await(what, condition, EVENT_DEADLINE, () -> "");
        }

        void await(String what, BooleanSupplier condition, Duration deadline, Supplier<String> detail)
                throws InterruptedException {
            long until = System.nanoTime() + deadline.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > until) {
                    fail(fault + ": waited " + deadline.toSeconds() + " s for " + what + "; " + detail.get());
                }
                Thread.sleep(50);
            }
        }

        void note(String note) {
            notes.add(note);
        }

        /** kill -9 as far as the engine can tell: closed without its graceful stop. */
        void abandon() {
            engine.close();
            closed = true;
        }

        Set<String> placedCallIds() {
            return simulators.getFirst().placedCalls().stream().map(c -> c.callId()).collect(Collectors.toSet());
        }

        Set<String> writtenCallIds() {
            return engine.ledger().readAll().stream().map(Attempt::callId).collect(Collectors.toSet());
        }

        /** Stops the engine gracefully, then compares the three counts and prints the row. */
        void finish() throws Exception {
            if (engine.dialer().dialing()) {
                var report = new GracefulStop(engine.dialer(), engine.clock(), new ScaledPause(SPEED))
                        .stop(GracefulStop.graceFor(engine.dialer()), () -> false);
                notes.add(report.describe());
            }
            engine.stopCampaigns();
            var pbxCalls = new ArrayList<ClusterAudit.PbxCall>();
            var told = new HashMap<String, Boolean>();
            for (int i = 0; i < simulators.size(); i++) {
                var name = "pbx-" + i;
                simulators.get(i).placedCalls().forEach(c -> pbxCalls.add(new ClusterAudit.PbxCall(name, c)));
            }
            var stored = engine.promises().all().stream().map(PromiseToPay::callId).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                told.clear();
                simulators.forEach(s -> told.putAll(s.promisesTold()));
            } while (!told.keySet().containsAll(stored) && System.nanoTime() < deadline && sleep());
            var ledger = engine.ledger().readAll();
            var byNumber = new HashMap<String, AccountId>();
            ledger.forEach(a -> {
                byNumber.put(a.number().value(), a.account());
                byNumber.put(a.number().value().replace("+", ""), a.account());
            });
            var placed = pbxCalls.stream().map(c -> c.call().callId()).collect(Collectors.toSet());
            var lines = ledger.stream().map(Attempt::callId).toList();
            var toldRecorded = told.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            var toldFailed = told.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            var storedSet = new HashSet<>(stored);
            int toldNotStored = (int) toldRecorded.stream().filter(c -> !storedSet.contains(c)).count();
            var early = ClusterAudit.earlyRedials(pbxCalls, byNumber, AttemptLimits.defaults().minimumGap());
            ROWS.add("| %s | %d | %d | %d%s | %d | %d | %d |".formatted(fault, placed.size(), lines.size(),
                    toldRecorded.size(), toldFailed.isEmpty() ? "" : " (+" + toldFailed.size() + " told not recorded)",
                    stored.size(), toldNotStored, early.size()));
            var context = fault + ": " + String.join("; ", notes);

            assertTrue(placed.size() > 0, context);
            assertEquals(lines.size(), Set.copyOf(lines).size(), "one line per call: " + context);
            var unwritten = pbxCalls.stream().filter(c -> !lines.contains(c.call().callId())).toList();
            assertEquals(List.of(), unwritten, "every placed call has a line: " + context);
            assertEquals(stored.size(), storedSet.size(), "no promise stored twice: " + context);
            assertEquals(0, toldNotStored, "every promise a caller heard confirmed is stored: " + context);
            assertTrue(toldFailed.stream().noneMatch(storedSet::contains), context);
            assertEquals(List.of(), early, "nobody called again inside the minimum gap: " + context);
        }

        private static boolean sleep() {
            try {
                Thread.sleep(50);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            if (!closed) {
                engine.close();
                closed = true;
            }
            if (own != null) {
                own.close();
                own = null;
            }
        }
    }
}

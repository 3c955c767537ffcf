package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPools;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.ivr.flow.Prompts;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.ivr.flow.TestCalls;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.CallerScript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

/**
 * 500 simulated callers at once against the FastAGI server on loopback, promises in the real Redis: no promise may
 * be lost or doubled. Prints sessions per second and the p99 time from a key reaching the flow to its next command.
 */
class IvrLoadTest {
    private static final int SESSIONS = 500;
    private static final String[] SCRIPTS = {"1 1 1", "1 3 5 0 # 1", "1 2 0 3 1 2 1", "2", "1 9", "1 1 1 1"};
    private static final java.util.Set<String> PROMISING = java.util.Set.of("1 1 1", "1 3 5 0 # 1", "1 2 0 3 1 2 1", "1 1 1 1");

    @Test
    void fiveHundredConcurrentSessionsLoseAndDuplicateNoPromise() throws Exception {
        var prefix = "duecall-test-" + UUID.randomUUID();
        var keyToCommandNanos = Collections.synchronizedList(new ArrayList<Long>());
        try (var jedis = RedisPools.open(TestRedis.uri(), RedisPools.DEFAULT_POOL_SIZE)) {
            var promises = new RedisPromiseStore(jedis, new RedisKeys(prefix));
            var sessions = new StoreBackedCallSessions(promises);
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(TestCalls.call("c-load-" + i, CampaignMode.IVR_REMINDER, 10));
            }
            var reminder = new ReminderAgiScript(sessions, new ReminderFlow(sessions, Duration.ofSeconds(5)));
            AgiScript timed = (request, channel) -> reminder.service(request, timing(channel, keyToCommandNanos));
            var server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0), timed);
            server.start();
            try {
                var started = System.nanoTime();
                var transcripts = runAll(server.port());
                var seconds = (System.nanoTime() - started) / 1e9;

                var confirmed = new ArrayList<String>();
                for (int i = 0; i < SESSIONS; i++) {
                    if (transcripts.get(i).commands().contains("STREAM FILE \"" + Prompts.PROMISE_CONFIRMED + "\" \"\"")) {
                        confirmed.add("c-load-" + i);
                    }
                }
                var stored = promises.all().stream().map(PromiseToPay::callId).sorted().toList();
                assertEquals(confirmed.stream().sorted().toList(), stored);
                var promising = java.util.stream.IntStream.range(0, SESSIONS)
                        .filter(i -> PROMISING.contains(SCRIPTS[i % SCRIPTS.length])).count();
                assertEquals(promising, confirmed.size(), "sessions whose script promises");
                System.out.printf("IVR load: %d sessions in %.2f s = %.0f sessions/s; key to next command p50 %.2f ms,"
                        + " p99 %.2f ms over %d key presses%n", SESSIONS, seconds, SESSIONS / seconds,
                        percentile(keyToCommandNanos, 50), percentile(keyToCommandNanos, 99), keyToCommandNanos.size());
            } finally {
                server.stop();
                KeyspaceCleaner.deleteAll(jedis, prefix);
            }
        }
    }

    private static List<AgiTranscript> runAll(int port) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<AgiTranscript>>();
            for (int i = 0; i < SESSIONS; i++) {
                var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + port + "/" + IvrServer.SCRIPT),
                        "Local/4155550123@debtors-" + i + ";1", "1795330254." + i, "dialer-out", List.of("c-load-" + i),
                        Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse(SCRIPTS[i % SCRIPTS.length]), 0.001);
                futures.add(pool.submit(() -> {
                    try (var caller = new FastAgiCaller(spec)) {
                        return caller.run();
                    }
                }));
            }
            var transcripts = new ArrayList<AgiTranscript>();
            for (var future : futures) {
                transcripts.add(future.get(120, TimeUnit.SECONDS));
            }
            return transcripts;
        }
    }

    /** Notes when a command comes back with a key, and how long the flow takes to send its next command. */
    private static AgiChannel timing(AgiChannel channel, List<Long> samples) {
        var keyAt = new long[] {0};
        return (AgiChannel) Proxy.newProxyInstance(AgiChannel.class.getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    var start = System.nanoTime();
                    if (keyAt[0] != 0) {
                        samples.add(start - keyAt[0]);
                        keyAt[0] = 0;
                    }
                    try {
                        var result = method.invoke(channel, args);
                        if (result instanceof Character c && c >= '0' && c <= '9') {
                            keyAt[0] = System.nanoTime();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static double percentile(List<Long> nanos, int p) {
        var sorted = nanos.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        var index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

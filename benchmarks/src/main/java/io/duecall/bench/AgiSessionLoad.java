package io.duecall.bench;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.ivr.adapter.agi.AgiLimits;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.PeerAllowList;
import io.duecall.ivr.adapter.agi.ReminderAgiScript;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.CallerScript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@code sessions} FastAGI sessions at once against the IVR's server, driven by the simulator's FastAGI caller.
 * Every session is held inside the script (at the dialer's call lookup) until all have arrived, so they are truly
 * concurrent; then heap is measured and each session ends with the script hanging up an unknown call.
 */
final class AgiSessionLoad {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

    /** {@code errors}: sessions that failed to connect, did not arrive, or did not end with the script's hang-up. */
    record Result(int sessions, int concurrentPeak, int errors, double heapBytesPerSession, int platformThreadsPeak) {}

    private AgiSessionLoad() {}

    static Result run(int sessions) throws Exception {
        var arrived = new CountDownLatch(sessions);
        var release = new CountDownLatch(1);
        var calls = new HeldCalls(arrived, release);
        var script = new ReminderAgiScript(calls, new ReminderFlow(calls, Duration.ofSeconds(5)));
        var threads = ManagementFactory.getThreadMXBean();
        // Room for every session of the run, however many are asked for beyond the default limit.
        var limits = AgiLimits.defaults().withMaxSessions(Math.max(sessions, AgiLimits.defaults().maxSessions()));
        try (var server = new IvrServer(new IvrServerConfig(InetAddress.getLoopbackAddress(), 0,
                IvrServerConfig.DEFAULT_READ_TIMEOUT, PeerAllowList.ANY, limits), script)) {
            server.start();
            long heapBefore = heapAfterGc();
            try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
                var futures = new ArrayList<Future<AgiTranscript>>();
                for (int i = 0; i < sessions; i++) {
                    var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/" + IvrServer.SCRIPT),
                            "Local/2125550100@bench-" + i + ";1", "1795330254." + i, "dialer-out",
                            List.of("c-bench-" + i), Map.of("AMDSTATUS", "HUMAN"), CallerScript.parse("1"), 0.001);
                    futures.add(callers.submit(() -> {
                        try (var caller = new FastAgiCaller(spec)) {
                            return caller.run();
                        }
                    }));
                }
                boolean allArrived = arrived.await(ARRIVAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                int peak = server.sessionsRunning();
                int platformPeak = threads.getThreadCount();
                long heapHeld = heapAfterGc();
                release.countDown();
                int errors = allArrived ? 0 : (int) arrived.getCount();
                for (var future : futures) {
                    try {
                        if (future.get(ARRIVAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).end() != AgiTranscript.End.SCRIPT_HANGUP) {
                            errors++;
                        }
                    } catch (Exception e) {
                        errors++;
                    }
                }
                return new Result(sessions, peak, errors, (heapHeld - heapBefore) / (double) sessions, platformPeak);
            }
        }
    }

    private static long heapAfterGc() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** The dialer's side: each lookup waits until every session has arrived, then reports the call unknown. */
    private record HeldCalls(CountDownLatch arrived, CountDownLatch release) implements CallSessions {
        @Override
        public Optional<IvrCall> find(String callId) {
            arrived.countDown();
            try {
                release.await(ARRIVAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
            throw new IllegalStateException("no call is known, so no promise can be made");
        }

        @Override
        public AgentHandoff requestAgent(String callId) {
            return new AgentHandoff.NoAgent();
        }

        @Override
        public void flowStarted(String callId, String flowVersion) {
        }

        @Override
        public void optOut(String callId) {
        }

        @Override
        public void scheduleCallback(String callId, Instant at) {
        }

        @Override
        public void finished(String callId, Disposition disposition) {
        }
    }
}

package io.duecall.engine;

import io.duecall.engine.config.EngineConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.duecall.app.GracefulStop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One dialer node of a cluster, as a process of its own ({@code Main node}, used by {@code cluster-demo}): it runs
 * the configured campaigns against the shared Redis on a clock all nodes agree on, says {@code ready} on standard
 * output, and on a {@code stop} line (or end of input) stops dialing, lets the calls in flight finish and exits.
 */
public final class ClusterNode {
    public static final String READY = "ready";
    public static final String STOP = "stop";
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private ClusterNode() {}

    static int run(EngineConfig.Resolved config, String name, Instant origin, Instant anchor, double speed,
            PrintStream out) throws Exception {
        var clock = ScaledClock.anchored(origin, anchor, speed);
        try (var redis = Commands.redis(config);
                var engine = Engine.start(config, clock, new ScaledPause(speed), redis, name)) {
            engine.loginAllAgents();
            engine.startCampaigns();
            out.println(READY + " " + name + " ivr " + engine.agiUrl());
            out.flush();
            awaitStop();
            // The drain runs on the wall clock: DRAIN is real seconds, whatever the node's campaign clock says.
            var report = new GracefulStop(engine.dialer(), Clock.systemUTC(), Thread::sleep).stop(DRAIN, () -> false);
            engine.stopCampaigns();
            long dials = engine.dialer().campaigns().stream().mapToLong(c -> engine.dialer().figures(c.id()).dials()).sum();
            out.printf("stopped %s after %d dials, %d calls still in flight; %s%n", name, dials,
                    engine.dialer().callsInFlight(), report.describe());
        }
        return 0;
    }

    private static void awaitStop() throws IOException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (STOP.equals(line.strip())) {
                return;
            }
        }
    }
}

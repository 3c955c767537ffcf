package io.duecall.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PBX side's meters: each AMI action's round trip and each AMI event's lag (tagged by action or event name
 * only), FastAGI sessions active and started. The engine feeds it from the AMI connection's timings and the IVR
 * server's session listener.
 */
public final class TelephonyMeters {
    private final MeterRegistry registry;
    private final AtomicInteger activeSessions = new AtomicInteger();
    private final Counter startedSessions;

    public TelephonyMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("duecall.agi.sessions.active", activeSessions, AtomicInteger::get)
                .description("FastAGI sessions running the IVR now").register(registry);
        startedSessions = Counter.builder("duecall.agi.sessions.started").description("FastAGI sessions started")
                .register(registry);
    }

    public void actionAnswered(String action, Duration roundTrip) {
        Timer.builder("duecall.ami.roundtrip").description("time from sending an AMI action to its response")
                .tag("action", action).publishPercentiles(0.5, 0.99).register(registry).record(roundTrip);
    }

    public void eventHandled(String event, Duration lag) {
        Timer.builder("duecall.ami.event.lag").description("time from the PBX stamping an AMI event to its handling")
                .tag("event", event).publishPercentiles(0.5, 0.99).register(registry).record(lag);
    }

    public void sessionStarted() {
        activeSessions.incrementAndGet();
        startedSessions.increment();
    }

    public void sessionEnded() {
        activeSessions.decrementAndGet();
    }
}

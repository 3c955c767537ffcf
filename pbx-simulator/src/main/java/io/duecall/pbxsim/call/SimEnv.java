package io.duecall.pbxsim.call;

import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.pbxsim.ami.AmiConnections;
import io.duecall.pbxsim.ami.AmiMessage;
import io.duecall.pbxsim.PlacedCall;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What every simulated call shares: configuration, the event sink, timers, id counters and the channel registry. */
final class SimEnv {
    final SimulatorConfig config;
    final ChannelEvents events;
    final StatsCounters stats;
    final AgiRunner agi;
    final ExecutorService agiThreads;
    final Map<String, SimCall> byChannel = new ConcurrentHashMap<>();
    /** The live calls by their legs' Uniqueids, so an originate naming one already in use is refused at once. */
    final Map<String, SimCall> byUniqueid = new ConcurrentHashMap<>();
    final Map<String, SimCall> busyAgents = new ConcurrentHashMap<>();
    final Queue<PlacedCall> placed = new ConcurrentLinkedQueue<>();
    /**
     * What each caller who keyed a promise was told, by the call's CALL_ID: true for "your promise is recorded",
     * false for "your promise could not be recorded".
     */
    final Map<String, Boolean> promisesTold = new ConcurrentHashMap<>();
    private final AmiConnections connections;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AtomicLong channelSeq = new AtomicLong();
    private final AtomicLong uniqueSeq = new AtomicLong();

    /** Which PBX modules are loaded; without chan_pjsip an agent's phone cannot be dialed at all (case 7c). */
    final java.util.function.Predicate<String> moduleLoaded;

    SimEnv(SimulatorConfig config, AmiConnections connections, ScheduledExecutorService scheduler,
           ExecutorService agiThreads, AgiRunner agi, StatsCounters stats, Clock clock,
           java.util.function.Predicate<String> moduleLoaded) {
        this.moduleLoaded = moduleLoaded;
        this.config = config;
        this.connections = connections;
        this.scheduler = scheduler;
        this.agiThreads = agiThreads;
        this.agi = agi;
        this.stats = stats;
        this.clock = clock;
        this.events = new ChannelEvents(clock);
    }

    void emit(AmiMessage event) {
        connections.broadcast(event);
    }

    /** Runs the task after {@code seconds} of simulated time, i.e. seconds times the time scale. */
    ScheduledFuture<?> after(double seconds, Runnable task) {
        var micros = Math.max(0L, Math.round(seconds * config.timeScale() * 1_000_000));
        return scheduler.schedule(task, micros, TimeUnit.MICROSECONDS);
    }

    /** Runs the task after {@code delay} of real time: the PBX's own latency, which the time scale does not touch. */
    ScheduledFuture<?> afterReal(java.time.Duration delay, Runnable task) {
        return scheduler.schedule(task, Math.max(0L, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Whether some AMI connection takes events of this class, so events nobody reads need not be built. */
    boolean anyoneWants(String eventClass) {
        return connections.anyoneWants(eventClass);
    }

    Instant now() {
        return clock.instant();
    }

    String nextChannelSeq() {
        return String.format("%08x", channelSeq.incrementAndGet());
    }

    String nextUniqueid() {
        return clock.instant().getEpochSecond() + "." + uniqueSeq.getAndIncrement();
    }
}

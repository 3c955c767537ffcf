package io.duecall.pbxsim.call;

import io.duecall.pbxsim.SimulatorStats;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters behind {@link SimulatorStats}. */
public final class StatsCounters {
    final AtomicLong originates = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong congestion = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong machines = new AtomicLong();
    final AtomicLong agiSessions = new AtomicLong();
    final AtomicLong redirects = new AtomicLong();
    final AtomicLong agentBridges = new AtomicLong();
    final AtomicLong hangupActions = new AtomicLong();
    final AtomicLong maxDurationHangups = new AtomicLong();
    final AtomicLong bargingCallers = new AtomicLong();
    final AtomicLong keysHeard = new AtomicLong();
    final AtomicLong keysLost = new AtomicLong();
    final AtomicLong unansweredAgentDials = new AtomicLong();
    final AtomicLong abandonMessages = new AtomicLong();

    public SimulatorStats snapshot() {
        return new SimulatorStats(originates.get(), answered.get(), busy.get(), noAnswer.get(), congestion.get(),
                failed.get(), machines.get(), agiSessions.get(), redirects.get(), agentBridges.get(),
                hangupActions.get(), maxDurationHangups.get(), bargingCallers.get(), keysHeard.get(), keysLost.get(),
                unansweredAgentDials.get(), abandonMessages.get());
    }
}

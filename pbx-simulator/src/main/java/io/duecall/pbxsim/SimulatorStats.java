package io.duecall.pbxsim;

/**
 * A snapshot of what the simulator has done since it started. {@code answered} counts every Originate that
 * reported Reason 4, machines included; {@code machines} counts those an answering machine took.
 */
public record SimulatorStats(
        long originates,
        long answered,
        long busy,
        long noAnswer,
        long congestion,
        long failed,
        long machines,
        long agiSessions,
        long redirects,
        long agentBridges,
        long hangupActions) {
}

package io.duecall.pbxsim;

/**
 * A snapshot of what the simulator has done since it started. {@code answered} counts every Originate that
 * reported Reason 4, machines included; {@code machines} counts those an answering machine took;
 * {@code maxDurationHangups} the calls hung up because their CALL_MAX_SECONDS ran out.
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
        long hangupActions,
        long maxDurationHangups) {
}

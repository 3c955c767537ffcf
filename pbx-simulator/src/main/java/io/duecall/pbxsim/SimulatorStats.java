package io.duecall.pbxsim;

/**
 * A snapshot of what the simulator has done since it started. {@code answered} counts every Originate that
 * reported Reason 4, machines included; {@code machines} counts those an answering machine took;
 * {@code maxDurationHangups} the calls hung up because their CALL_MAX_SECONDS ran out. {@code bargingCallers} counts
 * the IVR sessions of callers who press keys without waiting to be asked; {@code keysHeard} and {@code keysLost} how
 * many of those keys a command reading digits heard, and how many were released while nothing was listening.
 * {@code unansweredAgentDials} the calls sent to an agent whose phone rang and was not picked up;
 * {@code abandonMessages} the calls that heard the abandon context's message.
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
        long maxDurationHangups,
        long bargingCallers,
        long keysHeard,
        long keysLost,
        long unansweredAgentDials,
        long abandonMessages) {
}

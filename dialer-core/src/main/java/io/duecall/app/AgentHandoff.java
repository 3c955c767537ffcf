package io.duecall.app;

/** The result of asking for an agent for an answered call. */
public sealed interface AgentHandoff {
    /** The PBX has accepted moving the call to this agent; the IVR must stop and let the call go. */
    record Bridging(String agentExtension) implements AgentHandoff {}

    /** No agent became free within the campaign's wait; the call is abandoned and must hear the identifying message. */
    record NoAgent() implements AgentHandoff {}
}

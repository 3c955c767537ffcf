package io.duecall.pbxsim.ami;

/** One priority of the simulated dialplan, as ShowDialPlan lists it in a ListDialplan event. */
public record DialplanPriority(String context, String extension, int priority, String application, String appData) {}

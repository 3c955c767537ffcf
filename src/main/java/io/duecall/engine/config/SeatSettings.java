package io.duecall.engine.config;

import java.util.List;

/**
 * One {@code agents.seats[]} entry. {@code skills}: short lowercase words such as {@code es} or {@code late-stage}
 * that calls may require. {@code pbx}: the name (in {@code pbxs}) of the PBX the agent's phone is registered on; the
 * agent is offered calls only while that PBX is up. Absent: the phone is reachable from every PBX.
 */
public record SeatSettings(String id, List<String> campaigns, List<String> skills, String pbx) {
    public SeatSettings(String id, List<String> campaigns, List<String> skills) {
        this(id, campaigns, skills, null);
    }

    public SeatSettings(String id, List<String> campaigns) {
        this(id, campaigns, null, null);
    }
}

package io.duecall.app;

import io.duecall.domain.campaign.CampaignId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The calls this engine placed and has not yet written to the ledger, by call id. */
final class CallsInFlight {
    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();

    void add(LiveCall call) {
        calls.put(call.callId, call);
    }

    void remove(String callId) {
        calls.remove(callId);
    }

    boolean contains(String callId) {
        return calls.containsKey(callId);
    }

    /** The call, or null when this engine has no such call in flight (it ended, or another node placed it). */
    LiveCall get(String callId) {
        return callId == null ? null : calls.get(callId);
    }

    /** The call, which the IVR names as one in progress; a call id that is not one is a defect of the caller. */
    LiveCall live(String callId) {
        var call = get(callId);
        if (call == null) {
            throw new IllegalArgumentException("callId: '" + callId + "' is not a call in progress");
        }
        return call;
    }

    /** A copy, so callers may close calls while they go through it. */
    List<LiveCall> all() {
        return List.copyOf(calls.values());
    }

    Iterable<LiveCall> view() {
        return calls.values();
    }

    long of(CampaignId campaign) {
        return calls.values().stream().filter(c -> c.campaign.id().equals(campaign)).count();
    }

    int size() {
        return calls.size();
    }
}

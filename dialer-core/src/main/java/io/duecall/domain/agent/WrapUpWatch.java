package io.duecall.domain.agent;

import io.duecall.app.AgentPool;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wrap-ups after one node's calls, watched until they end so that this node's pacer of the call's campaign
 * learns each exactly once, however it ended (by itself, or cut short by a pause or logout through any node).
 * Not thread-safe: the agent pool that owns it guards it.
 */
public final class WrapUpWatch {
    private record Pending(CampaignId campaign, Instant startedAt) {}

    private final Map<AgentId, Pending> pending = new LinkedHashMap<>();

    public void started(AgentId agent, CampaignId campaign, Instant at) {
        pending.put(agent, new Pending(campaign, at));
    }

    /** The agents whose wrap-up after a call of {@code campaign} this node still waits to see end. */
    public List<AgentId> watched(CampaignId campaign) {
        return pending.entrySet().stream().filter(e -> e.getValue().campaign().equals(campaign))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The wrap-ups of {@code campaign} that have ended according to {@code records} (settled, keyed by agent: those
     * {@link #watched} named), oldest end first; a wrap-up another one has since replaced is dropped, as its end is no
     * longer known.
     */
    public List<Duration> takeFinished(CampaignId campaign, Map<AgentId, AgentRecord> records) {
        record Ended(Instant at, Duration lasted) {}
        var ended = new ArrayList<Ended>();
        for (var entry : records.entrySet()) {
            var agent = entry.getKey();
            var record = entry.getValue();
            var watch = pending.get(agent);
            if (watch == null || !watch.campaign().equals(campaign)) {
                continue;
            }
            if (!watch.startedAt().equals(record.wrapStartedAt())) {
                pending.remove(agent);
            } else if (record.wrapEndedAt() != null) {
                pending.remove(agent);
                ended.add(new Ended(record.wrapEndedAt(), Duration.between(watch.startedAt(), record.wrapEndedAt())));
            }
        }
        ended.sort(Comparator.comparing(Ended::at));
        return ended.stream().map(Ended::lasted).toList();
    }
}

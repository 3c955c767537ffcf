package io.duecall.app;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.Campaign;
import io.duecall.port.AccountStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a call in progress holds: its account's lease and its agent's hold, each at least half a lease ahead,
 * so no other dialer takes either while the call is up however long it lasts, and both lapse once this node stops
 * renewing them (it died, say).
 */
final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final CallsInFlight calls;
    private final AccountStore accounts;
    private final AgentPool agents;

    LeaseKeeper(CallsInFlight calls, AccountStore accounts, AgentPool agents) {
        this.calls = calls;
        this.accounts = accounts;
        this.agents = agents;
    }

    void renew(Campaign campaign, Instant now) {
        var renewBefore = now.plus(campaign.lease().dividedBy(2));
        for (var call : calls.view()) {
            if (!call.campaign.id().equals(campaign.id())) {
                continue;
            }
            renewAgentHold(call, now, renewBefore);
            synchronized (call) {
                if (call.closed() || call.leaseExpires.isAfter(renewBefore)) {
                    continue;
                }
            }
            var expires = now.plus(campaign.lease());
            if (accounts.renew(call.claim, expires)) {
                synchronized (call) {
                    call.leaseExpires = expires;
                }
            } else {
                LOG.warn("call {}: the lease of account {} was lost while the call was up", call.callId,
                        call.claim.account().id());
                synchronized (call) {
                    call.leaseExpires = Instant.MAX;
                }
            }
        }
    }

    private void renewAgentHold(LiveCall call, Instant now, Instant renewBefore) {
        AgentId agent;
        synchronized (call) {
            agent = call.agent;
            if (agent == null || call.agentSettled || call.endedAt != null || call.closed()
                    || call.agentHoldUntil.isAfter(renewBefore)) {
                return;
            }
        }
        var until = now.plus(call.campaign.lease());
        if (agents.renewHold(agent, call.callId, until, now)) {
            synchronized (call) {
                call.agentHoldUntil = until;
            }
        } else {
            LOG.warn("call {}: the hold on agent {} had lapsed while the call was up", call.callId, agent);
            synchronized (call) {
                call.agentHoldUntil = Instant.MAX;
            }
        }
    }
}

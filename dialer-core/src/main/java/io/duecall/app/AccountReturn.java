package io.duecall.app;

import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import io.duecall.port.AccountStore;
import io.duecall.port.StoreUnavailableException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns an ended call's account to the queue at the first instant the contact rules allow another call (the
 * attempt just written is part of its history now), or takes it out: after a promise, or when no number may ever be
 * called. A callback the debtor chose, or an agent asked for, is honoured within the same rules.
 */
final class AccountReturn {
    private static final Logger LOG = LoggerFactory.getLogger(AccountReturn.class);

    private final AccountStore accounts;
    private final CampaignRegistry campaigns;
    private final BestTimeScheduler bestTime;
    /** What agents asked for on bridged calls, wherever their desk recorded it; by default nothing. */
    private volatile Function<String, Optional<AgentDisposition>> agentRequests = callId -> Optional.empty();

    AccountReturn(AccountStore accounts, CampaignRegistry campaigns, BestTimeScheduler bestTime) {
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.bestTime = bestTime;
    }

    void agentRequestsFrom(Function<String, Optional<AgentDisposition>> requests) {
        this.agentRequests = Objects.requireNonNull(requests, "requests");
    }

    void returnAccount(LiveCall call, Attempt attempt) {
        var account = call.claim.account();
        learn(attempt, account);
        boolean ask = call.bridgedAt != null && call.agent != null && call.callbackAt == null
                && attempt.disposition() != Disposition.PROMISE_TO_PAY;
        var request = ask ? agentRequest(call) : Optional.<AgentDisposition>empty();
        if (attempt.disposition() == Disposition.PROMISE_TO_PAY
                || request.filter(r -> r.outcome() == AgentDisposition.Outcome.PROMISE).isPresent()) {
            accounts.finish(call.claim);
            return;
        }
        var callbackAt = call.callbackAt != null ? call.callbackAt
                : request.map(AgentDisposition::callbackAt).orElse(null);
        // A callback the debtor chose is still a call: it waits for the first instant every rule permits.
        var from = callbackAt != null && callbackAt.isAfter(attempt.endedAt()) ? callbackAt : attempt.endedAt();
        var next = switch (campaigns.eligibility().decide(call.campaign.id(), account, from).decision()) {
            case DialDecision.Dial dial -> from;
            case DialDecision.Skip skip -> {
                campaigns.counts(call.campaign.id()).deferred(skip.reason());
                yield skip.nextEligible();
            }
        };
        if (next == null) {
            accounts.finish(call.claim);
            return;
        }
        if (callbackAt == null) {
            // Nobody asked for a time: the account goes back at its best permitted slot, if its campaign learns one.
            next = bestTime.next(campaigns.eligibility(), call.campaign.id(), account, next);
        }
        accounts.release(call.claim, next);
        if (ask && request.isEmpty()) {
            // A desk on another node may have recorded its disposition after the read above, its own requeue refused
            // because this engine still held the account: read once more now that the account is back.
            agentRequest(call).ifPresent(late -> honourLate(call, late));
        }
    }

    /** Counts the written call toward its campaign's contact habits; a count lost to an outage only weakens them. */
    private void learn(Attempt attempt, io.duecall.domain.account.Account account) {
        try {
            bestTime.record(attempt, account);
        } catch (StoreUnavailableException e) {
            LOG.debug("call {}: not counted toward contact habits: {}", attempt.callId(), e.getMessage());
        }
    }

    private Optional<AgentDisposition> agentRequest(LiveCall call) {
        try {
            return agentRequests.apply(call.callId);
        } catch (IllegalStateException unreadable) {
            LOG.warn("Call {}: the agent's disposition could not be read; its account returns as usual: {}",
                    call.callId, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private void honourLate(LiveCall call, AgentDisposition request) {
        var account = call.claim.account();
        if (request.outcome() == AgentDisposition.Outcome.PROMISE) {
            accounts.remove(call.campaign.id(), account.id());
            return;
        }
        var next = campaigns.eligibility().nextEligible(call.campaign.id(), account, request.callbackAt());
        if (next != null) {
            accounts.requeue(call.campaign.id(), account.id(), next);
        }
    }
}

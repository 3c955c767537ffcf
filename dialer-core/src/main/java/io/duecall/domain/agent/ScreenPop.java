package io.duecall.domain.agent;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What an agent's desk shows when a call reaches them (the account, its latest promises and attempts, and how the
 * debtor got here), with what the disposition needs on whichever node the desk is served: the number dialed, which
 * an opt-out suppresses, and the campaign's promise horizon at the time of the call.
 */
public record ScreenPop(String callId, AgentId agent, CampaignId campaign, Account account, ZoneId debtorZone,
        Instant bridgedAt, List<String> ivrPath, List<PromiseToPay> promises, List<PastAttempt> attempts,
        E164 number, int promiseHorizonDays) {
    public ScreenPop {
        Objects.requireNonNull(callId, "pop.callId");
        Objects.requireNonNull(agent, "pop.agent");
        Objects.requireNonNull(campaign, "pop.campaign");
        Objects.requireNonNull(account, "pop.account");
        Objects.requireNonNull(debtorZone, "pop.debtorZone");
        Objects.requireNonNull(bridgedAt, "pop.bridgedAt");
        Objects.requireNonNull(number, "pop.number");
        if (promiseHorizonDays < 0) {
            throw new IllegalArgumentException("pop.promiseHorizonDays: " + promiseHorizonDays + " (expected >= 0)");
        }
        ivrPath = List.copyOf(ivrPath);
        promises = List.copyOf(promises);
        attempts = List.copyOf(attempts);
    }
}

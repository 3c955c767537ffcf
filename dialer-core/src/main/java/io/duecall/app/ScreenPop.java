package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What an agent's desk shows when a call reaches them: the account, its history, and how the debtor got here. */
public record ScreenPop(String callId, AgentId agent, CampaignId campaign, Account account, ZoneId debtorZone,
        Instant bridgedAt, List<String> ivrPath, List<PromiseToPay> promises, List<Attempt> attempts) {
    public ScreenPop {
        ivrPath = List.copyOf(ivrPath);
        promises = List.copyOf(promises);
        attempts = List.copyOf(attempts);
    }
}

package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.Campaign;
import java.time.Instant;
import java.time.ZoneId;

/** A call has been bridged to an agent: what the agent's desk needs to show the account at once. */
public record AgentCallStarted(String callId, AgentId agent, Campaign campaign, Account account, ZoneId debtorZone,
        Instant at) {}

package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.Campaign;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A call has been bridged to an agent: what the agent's desk needs to show the account at once, and the number
 * dialed, which an opt-out recorded at the desk suppresses, and the IVR steps the caller went through.
 */
public record AgentCallStarted(String callId, AgentId agent, Campaign campaign, Account account, ZoneId debtorZone,
        Instant at, E164 number, List<String> ivrPath) {
    public AgentCallStarted {
        ivrPath = List.copyOf(ivrPath);
    }
}

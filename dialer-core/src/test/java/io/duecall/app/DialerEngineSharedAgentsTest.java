package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two dialer nodes, each with its own PBX and accounts, sharing their agents through one real Redis. */
class DialerEngineSharedAgentsTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final AgentId agent = new AgentId("101");
    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    private Node nodeA;
    private Node nodeB;

    @BeforeEach
    void startNodes() {
        nodeA = new Node("node-a", "a");
        nodeB = new Node("node-b", "b");
    }

    private final class Node {
        final InMemoryAccountStore accounts = new InMemoryAccountStore();
        final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
        final ScriptedTelephony pbx = new ScriptedTelephony();
        final AgentPool agents;
        final DialerEngine engine;

        Node(String name, String accountPrefix) {
            agents = new AgentPool(List.of(new AgentSeat(agent, Set.of(DESK))), Duration.ofSeconds(20),
                    new RedisAgentRoster(redis.jedis(), redis.keys()), name);
            engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                    .promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents).campaigns(List.of(campaign()))
                    .maxOriginatesPerTick(50).build();
            accounts.importAccounts(DESK, List.of(account(accountPrefix + "-1"), account(accountPrefix + "-2")),
                    NOON_NEW_YORK);
        }

        /** Places a call, which the debtor answers; returns its id. */
        String answeredCall() {
            assertEquals(1, engine.tick(DESK));
            var callId = pbx.originated.getLast().callId();
            clock.advance(Duration.ofSeconds(8));
            pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
            return callId;
        }
    }

    @Test
    void agentLoggedInThroughNodeAIsDialedForAndBridgedOnNodeB() {
        nodeA.agents.ready(agent, clock.instant());
        var callId = nodeB.answeredCall();

        var handoff = nodeB.engine.sessions().requestAgent(callId);
        nodeB.pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));

        assertEquals(new AgentHandoff.Bridging("101"), handoff);
        assertEquals(List.of(callId + "->101"), nodeB.pbx.bridges);
        assertEquals(AgentState.ON_CALL, nodeA.agents.figures().state(agent, clock.instant()));
        assertEquals(0, nodeA.engine.tick(DESK));
        clock.advance(Duration.ofSeconds(60));
        nodeB.pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        assertEquals(AgentState.WRAP_UP, nodeA.agents.figures().state(agent, clock.instant()));
        assertEquals(Disposition.AGENT_CONVERSATION, nodeB.ledger.readAll().getFirst().disposition());
    }

    @Test
    void callLongerThanTheLeaseKeepsItsAgentWhileItsNodeTicks() {
        nodeA.agents.ready(agent, clock.instant());
        var callId = nodeB.answeredCall();
        nodeB.engine.sessions().requestAgent(callId);
        nodeB.pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));

        for (int minute = 0; minute < 12; minute++) {
            clock.advance(Duration.ofMinutes(1));
            nodeB.engine.tick(DESK);
        }

        assertEquals(AgentState.ON_CALL, nodeA.agents.figures().state(agent, clock.instant()));
        assertEquals(0, nodeA.engine.tick(DESK));
    }

    @Test
    void agentHeldByANodeThatStoppedIsFreeForTheOtherOnceTheLeaseIsOver() {
        nodeA.agents.ready(agent, clock.instant());
        var lostCall = nodeB.answeredCall();
        nodeB.engine.sessions().requestAgent(lostCall);
        nodeB.pbx.emit(new CallEvent.Bridged(lostCall, clock.instant(), "101"));
        // Node B is killed here: it never ticks, renews or hears of its call again.
        clock.advance(LEASE);

        var callId = nodeA.answeredCall();
        var handoff = nodeA.engine.sessions().requestAgent(callId);

        assertEquals(new AgentHandoff.Bridging("101"), handoff);
        assertEquals(List.of(callId + "->101"), nodeA.pbx.bridges);
        assertEquals(AgentState.RESERVED, nodeB.agents.figures().state(agent, clock.instant()));
    }

    private static Campaign campaign() {
        return new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100",
                10, Duration.ofSeconds(20), Duration.ofSeconds(2), LEASE, 3);
    }

    private static Account account(String id) {
        return new Account(new AccountId(id), "Dana Example",
                List.of(new Phone(new E164("+12125550" + (id.startsWith("a") ? "1" : "2") + id.substring(2) + "0"),
                        PhoneType.MOBILE)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), 11);
    }
}

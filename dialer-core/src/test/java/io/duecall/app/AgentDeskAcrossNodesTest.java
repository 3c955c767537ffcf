package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisDispositionLog;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisScreenPops;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentDisposition.Outcome;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.AttemptLimits;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.PeakRules;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two dialer nodes on one real Redis, each with its own PBX and desk: a call bridged on node B pops on node A's
 * desk, and the disposition taken there acts on every node.
 */
class AgentDeskAcrossNodesTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Currency USD = Currency.getInstance("USD");
    private final AgentId agent = new AgentId("101");
    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    private Node nodeA;
    private Node nodeB;

    @BeforeEach
    void startNodes() {
        nodeA = new Node("node-a");
        nodeB = new Node("node-b");
        nodeA.accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        nodeA.agents.ready(agent, clock.instant());
    }

    private final class Node {
        final RedisAccountStore accounts;
        final RedisAttemptLedger ledger = new RedisAttemptLedger(redis.jedis(), redis.keys());
        final RedisPromiseStore promises = new RedisPromiseStore(redis.jedis(), redis.keys());
        final RedisSuppressionStore suppression = new RedisSuppressionStore(redis.jedis(), redis.keys());
        final ScriptedTelephony pbx = new ScriptedTelephony();
        final AgentPool agents;
        final DialerEngine engine;
        final AgentDesk desk;

        Node(String name) {
            accounts = new RedisAccountStore(redis.jedis(), redis.keys(), name);
            agents = new AgentPool(List.of(new AgentSeat(agent, Set.of(DESK))), Duration.ofSeconds(20),
                    new RedisAgentRoster(redis.jedis(), redis.keys()), name);
            engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger).promises(promises)
                    .suppression(suppression).telephony(pbx).agents(agents).campaigns(List.of(campaign()))
                    .maxOriginatesPerTick(50).rules(Map.of(DESK, rules())).build();
            desk = new AgentDesk(clock, engine.sessions(), promises, ledger, accounts, suppression,
                    new RedisDispositionLog(redis.jedis(), redis.keys()), engine.eligibility(),
                    new RedisScreenPops(redis.jedis(), redis.keys()));
            engine.onAgentCall(desk);
            engine.agentRequestsFrom(desk::requested);
        }

        /** Places a call that the debtor answers and that is bridged to the agent; returns its id. */
        String bridgedCall() {
            assertEquals(1, engine.tick(DESK));
            var callId = pbx.originated.getLast().callId();
            clock.advance(Duration.ofSeconds(8));
            pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
            engine.sessions().requestAgent(callId);
            pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
            return callId;
        }

        void hangUp(String callId) {
            clock.advance(Duration.ofSeconds(90));
            pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        }
    }

    @Test
    void callBridgedOnNodeBPopsOnTheDeskNodeAServes() {
        var callId = nodeB.bridgedCall();

        var pop = nodeA.desk.current(agent).orElseThrow();

        assertEquals(callId, pop.callId());
        assertEquals(new AccountId("a-1"), pop.account().id());
        assertEquals(List.of("answered", "sent to an agent at once"), pop.ivrPath());
        assertEquals(Optional.of(pop), nodeA.desk.call(callId));
        assertEquals(Optional.of(pop), nodeB.desk.current(agent));
    }

    @Test
    void callbackTakenOnNodeAWhileTheCallIsUpOnBReturnsTheAccountAtThatTime() {
        var callId = nodeB.bridgedCall();
        var at = Instant.parse("2026-03-05T19:00:00Z");

        nodeA.desk.dispose(agent, callId, new AgentDisposition(Outcome.CALLBACK, null, null, at));
        nodeB.hangUp(callId);

        var expected = nodeA.engine.eligibility().nextEligible(DESK, account(), at);
        assertEquals(at, expected);
        assertEquals(Optional.of(expected), nodeA.accounts.nextEligible(DESK));
        assertEquals(Optional.empty(), nodeB.desk.current(agent));
        assertEquals(AgentState.WRAP_UP, nodeA.agents.figures().state(agent, clock.instant()));
    }

    @Test
    void callbackRecordedOnNodeAJustAfterNodeBReadTheLogIsStillHonoured() {
        var callId = nodeB.bridgedCall();
        var at = Instant.parse("2026-03-05T19:00:00Z");
        // Node A's agent submits the callback just after node B first looked for it: A's own requeue is refused, as
        // B still holds the account.
        var first = new boolean[] {true};
        nodeB.engine.agentRequestsFrom(id -> {
            if (first[0]) {
                first[0] = false;
                nodeA.desk.dispose(agent, callId, new AgentDisposition(Outcome.CALLBACK, null, null, at));
                return Optional.empty();
            }
            return nodeB.desk.requested(id);
        });

        nodeB.hangUp(callId);

        var expected = nodeA.engine.eligibility().nextEligible(DESK, account(), at);
        assertEquals(at, expected);
        assertEquals(Optional.of(expected), nodeA.accounts.nextEligible(DESK));
    }

    @Test
    void promiseTakenOnNodeAWhileTheCallIsUpOnBTakesTheAccountOutOfTheQueue() {
        var callId = nodeB.bridgedCall();

        var record = nodeA.desk.dispose(agent, callId, new AgentDisposition(Outcome.PROMISE,
                new Money(5_000, USD), LocalDate.of(2026, 3, 5), null));
        nodeB.hangUp(callId);

        assertFalse(record.onLedgerLine());
        assertEquals(new Money(5_000, USD), nodeB.promises.forCall(callId).orElseThrow().amount());
        assertEquals(0, nodeA.accounts.queued(DESK));
        assertEquals(0, nodeA.accounts.leased(DESK));
        assertEquals(1, nodeB.ledger.size());
    }

    @Test
    void optOutTakenOnNodeAStopsEveryNodeAndTheAgentGoesReadyThere() {
        var callId = nodeB.bridgedCall();
        nodeB.hangUp(callId);

        nodeA.desk.dispose(agent, callId, new AgentDisposition(Outcome.OPT_OUT, null, null, null));
        nodeA.agents.ready(agent, clock.instant());

        assertTrue(nodeA.suppression.isOptedOut(new E164("+12125550100")));
        var decision = nodeB.engine.eligibility().decide(DESK, account(), clock.instant()).decision();
        assertEquals(SkipReason.OPTED_OUT, ((DialDecision.Skip) decision).reason());
        assertEquals(AgentState.READY, nodeB.agents.figures().state(agent, clock.instant()));
        assertEquals(Optional.empty(), nodeB.desk.current(agent));
    }

    @Test
    void secondDispositionOnTheOtherNodeIsRefused() {
        var callId = nodeB.bridgedCall();
        nodeA.desk.dispose(agent, callId, new AgentDisposition(Outcome.REFUSED, null, null, null));

        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> nodeB.desk.dispose(agent, callId, new AgentDisposition(Outcome.WRONG_PARTY, null, null, null)));

        assertEquals("call " + callId + " already has the disposition REFUSED", error.getMessage());
    }

    /** One quiet day after a conversation (instead of seven), so a callback later in the week is what sets the time. */
    private static ContactRules rules() {
        var d = AttemptLimits.defaults();
        return new ContactRules(WeeklyWindows.defaults(), PeakRules.defaults(), new AttemptLimits(d.maxAttemptsPer7Days(),
                d.countedOutcomes(), Duration.ofDays(1), d.conversations(), d.maxConnectedPerDay(),
                d.maxUnansweredPerNumberPerDay(), d.minimumGap(), d.retryDelays(), d.abandonLockout()), Map.of(),
                /* honourHolidays= */ true);
    }

    private static Campaign campaign() {
        return new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100",
                10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static Account account() {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, USD), LocalDate.of(2026, 2, 20), 41);
    }
}

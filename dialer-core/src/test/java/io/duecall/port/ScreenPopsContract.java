package io.duecall.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.compliance.PastAttempt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ScreenPops} must have; subclasses only supply a fresh, empty store. */
public abstract class ScreenPopsContract {
    protected static final AgentId AGENT = new AgentId("101");
    protected ScreenPops pops;

    protected abstract ScreenPops newPops();

    @BeforeEach
    void createPops() {
        pops = newPops();
    }

    /** A pop with every part filled in: an account with all its attributes, promises, attempts and an IVR path. */
    protected static ScreenPop pop(String callId, AgentId agent, long secondsAfterT0) {
        var account = Fixtures.accountWithAttributes("acct-1");
        var attempt = Fixtures.fullAttempt("c-earlier");
        return new ScreenPop(callId, agent, Fixtures.CAMPAIGN, account, java.time.ZoneId.of("America/Los_Angeles"),
                Fixtures.T0.plusSeconds(secondsAfterT0), List.of("answered", "confirmed they are the debtor", "pressed 0"),
                List.of(Fixtures.promise("c-p1", 2_500), Fixtures.promise("c-p2", 4_000)),
                List.of(PastAttempt.of(attempt), PastAttempt.of(Fixtures.minimalAttempt("c-min"))),
                new E164("+14155550123"), 3);
    }

    @Test
    void storedPopReadsBackEqualAsTheAgentsCurrentCallAndByCallId() {
        var pop = pop("c-1", AGENT, 0);

        pops.put(pop);

        assertEquals(Optional.of(pop), pops.current(AGENT));
        assertEquals(Optional.of(pop), pops.find("c-1"));
        assertEquals(new AccountId("acct-1"), pops.find("c-1").orElseThrow().account().id());
        assertEquals(Optional.empty(), pops.current(new AgentId("102")));
        assertEquals(Optional.empty(), pops.find("c-unknown"));
    }

    @Test
    void laterCallReplacesTheCurrentOneAndTheEarlierStaysReadableById() {
        pops.put(pop("c-1", AGENT, 0));

        pops.put(pop("c-2", AGENT, 60));

        assertEquals("c-2", pops.current(AGENT).orElseThrow().callId());
        assertEquals("c-1", pops.find("c-1").orElseThrow().callId());
    }

    @Test
    void popBuiltLateForAnEarlierCallDoesNotHideTheNewerOne() {
        pops.put(pop("c-2", AGENT, 60));

        pops.put(pop("c-1", AGENT, 0));

        assertEquals("c-2", pops.current(AGENT).orElseThrow().callId());
        assertEquals("c-1", pops.find("c-1").orElseThrow().callId());
    }

    @Test
    void doneEndsTheCurrentCallOnlyIfItIsStillThatCall() {
        pops.put(pop("c-1", AGENT, 0));
        pops.put(pop("c-2", AGENT, 60));

        pops.done(AGENT, "c-1");
        var afterOlder = pops.current(AGENT);
        pops.done(AGENT, "c-2");

        assertEquals("c-2", afterOlder.orElseThrow().callId());
        assertEquals(Optional.empty(), pops.current(AGENT));
        assertEquals("c-2", pops.find("c-2").orElseThrow().callId());
    }
}

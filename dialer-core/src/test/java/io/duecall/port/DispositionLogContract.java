package io.duecall.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link DispositionLog} must do; subclasses supply the storage. */
public abstract class DispositionLogContract {
    private static final AgentId AGENT = new AgentId("101");
    private static final Instant AT = Instant.parse("2026-03-03T17:00:00Z");

    /** A log over fresh storage. */
    protected abstract DispositionLog newLog();

    /** Another log over the same storage as the last {@link #newLog()}, as a second engine would see it. */
    protected abstract DispositionLog sameStorage();

    private static DispositionRecord record(String callId, AgentDisposition d, Instant at) {
        return new DispositionRecord(callId, AGENT, new CampaignId("desk"), new AccountId("A-1"), d, at, false);
    }

    @Test
    void recordedDispositionIsReadBackWholeByAnotherView() {
        var promise = new AgentDisposition(AgentDisposition.Outcome.PROMISE,
                new Money(5_000, Currency.getInstance("USD")), LocalDate.of(2026, 3, 5), null);
        var callback = new AgentDisposition(AgentDisposition.Outcome.CALLBACK, null, null, AT.plusSeconds(3600));
        var log = newLog();
        log.record(record("c-1", promise, AT));
        log.record(record("c-2", callback, AT.plusSeconds(60)));

        var found = sameStorage().find("c-1");

        assertEquals(Optional.of(record("c-1", promise, AT)), found);
        assertEquals(List.of(record("c-2", callback, AT.plusSeconds(60)), record("c-1", promise, AT)),
                sameStorage().latest(AGENT, 10));
    }

    @Test
    void secondDispositionOfTheSameCallIsRefusedAndTheFirstKept() {
        var refused = new AgentDisposition(AgentDisposition.Outcome.REFUSED, null, null, null);
        var optOut = new AgentDisposition(AgentDisposition.Outcome.OPT_OUT, null, null, null);
        var log = newLog();
        assertTrue(log.record(record("c-1", refused, AT)));

        var second = sameStorage().record(record("c-1", optOut, AT.plusSeconds(5)));

        assertFalse(second);
        assertEquals(AgentDisposition.Outcome.REFUSED, log.find("c-1").orElseThrow().disposition().outcome());
        assertEquals(1, log.latest(AGENT, 10).size());
    }
}

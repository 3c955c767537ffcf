package io.duecall.port;

import static io.duecall.port.Fixtures.fullAttempt;
import static io.duecall.port.Fixtures.minimalAttempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AttemptLedger} must have; subclasses only supply a fresh, empty ledger. */
public abstract class AttemptLedgerContract {
    protected AttemptLedger ledger;

    protected abstract AttemptLedger newLedger();

    /**
     * Whether the ledger reads every line back in the exact order appended; a ledger sharded over several streams
     * keeps each account's order and merges the shards by the millisecond of their append.
     */
    protected boolean keepsTotalAppendOrder() {
        return true;
    }

    @BeforeEach
    void createLedger() {
        ledger = newLedger();
    }

    @Test
    void fullyPopulatedAttemptReadsBackEqual() {
        ledger.append(fullAttempt("c-full"));

        var read = ledger.readAll();

        assertEquals(List.of(fullAttempt("c-full")), read);
    }

    @Test
    void endedSinceReturnsTheRecentLinesInAppendOrderAcrossPages() {
        var recent = new ArrayList<Attempt>();
        for (int i = 0; i < 1_200; i++) {
            var attempt = endingAt("c-" + i, Fixtures.T0.plus(Duration.ofHours(i)));
            ledger.append(attempt);
            if (i >= 400) {
                recent.add(attempt);
            }
        }
        // Written late (it waited for the store), but its call ended after the cut.
        var late = endingAt("c-late", Fixtures.T0.plus(Duration.ofHours(450)));
        ledger.append(late);
        recent.add(late);

        assertEquals(recent, ledger.endedSince(Fixtures.T0.plus(Duration.ofHours(400))));
        assertEquals(List.of(), ledger.endedSince(Fixtures.T0.plus(Duration.ofHours(1_200))));
        assertEquals(1_201, ledger.endedSince(Fixtures.T0).size());

        // streamed, as the reports read it: the same lines, each once, in no set order
        var streamed = new ArrayList<Attempt>();
        ledger.forEachEndedSince(Fixtures.T0.plus(Duration.ofHours(400)), streamed::add);
        assertEquals(recent.size(), streamed.size());
        assertEquals(new java.util.HashSet<>(recent), new java.util.HashSet<>(streamed));
    }

    private static Attempt endingAt(String callId, Instant end) {
        return new Attempt(callId, Fixtures.CAMPAIGN, new AccountId("acct-2"), new E164("+14155550124"),
                ZoneId.of("UTC"), LocalDateTime.of(2025, 3, 10, 14, 0), end.minusSeconds(30), null, null, end,
                CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED, null, false, null, null, null, null);
    }

    @Test
    void aTestCallsLineReadsBackMarkedTest() {
        ledger.append(fullAttempt("c-test").asTest());

        var read = ledger.readAll();

        assertEquals(List.of(fullAttempt("c-test").asTest()), read);
        assertTrue(read.getFirst().test());
    }

    @Test
    void minimalAttemptReadsBackWithItsNullsIntact() {
        ledger.append(minimalAttempt("c-min"));

        var read = ledger.readAll();

        assertEquals(List.of(minimalAttempt("c-min")), read);
    }

    @Test
    void readsEveryAttemptInAppendOrderAcrossManyPages() {
        var appended = new ArrayList<Attempt>();
        for (int i = 0; i < 1_203; i++) {
            var attempt = i % 2 == 0 ? fullAttempt("c-" + i) : minimalAttempt("c-" + i);
            appended.add(attempt);
            ledger.append(attempt);
        }

        var read = ledger.readAll();

        if (keepsTotalAppendOrder()) {
            assertEquals(appended, read);
        } else {
            assertEquals(byAccount(appended), byAccount(read));
        }
        assertEquals(1_203, ledger.size());
    }

    @Test
    void accountHistoryHoldsOnlyThatAccountsAttemptsSinceTheGivenInstant() {
        var full = fullAttempt("c-full");      // acct-1, originated at T0
        var minimal = minimalAttempt("c-min"); // acct-2
        ledger.append(full);
        ledger.append(minimal);

        var history = ledger.history(full.account(), Fixtures.T0);
        var later = ledger.history(full.account(), Fixtures.T0.plusMillis(1));

        assertEquals(List.of(PastAttempt.of(full)), history);
        assertEquals(List.of(), later);
        assertEquals(List.of(PastAttempt.of(minimal)), ledger.history(minimal.account(), Fixtures.T0));
    }

    @Test
    void locationCallReadsBackMarkedAndIsCountedPerContactNumber() {
        ledger.append(Fixtures.locationAttempt("c-loc-1", "+14155550142"));
        ledger.append(Fixtures.locationAttempt("c-loc-2", "+14155550142"));
        ledger.append(Fixtures.locationAttempt("c-loc-3", "+442079460001"));
        ledger.append(fullAttempt("c-own"));

        var counts = ledger.locationCalls(new AccountId("acct-1"));

        assertEquals(Map.of(new E164("+14155550142"), 2, new E164("+442079460001"), 1), counts);
        assertEquals(Fixtures.locationAttempt("c-loc-1", "+14155550142"), ledger.readAll().getFirst());
        assertTrue(ledger.readAll().getFirst().locationCall());
        assertEquals(Map.of(), ledger.locationCalls(new AccountId("acct-2")));
    }

    @Test
    void latestHoldsTheAccountsLastAttemptsOldestFirst() {
        var appended = new ArrayList<PastAttempt>();
        for (int i = 0; i < 14; i++) {
            var attempt = unansweredAt("c-" + i, Fixtures.T0.plusSeconds(600L * i));
            ledger.append(attempt);
            appended.add(PastAttempt.of(attempt));
            ledger.append(fullAttempt("c-other-" + i));
        }

        var latest = ledger.latest(new AccountId("acct-2"), 10);

        assertEquals(appended.subList(4, 14), latest);
        assertEquals(appended, ledger.latest(new AccountId("acct-2"), 100));
        assertEquals(List.of(), ledger.latest(new AccountId("acct-9"), 10));
        assertEquals(List.of(), ledger.latest(new AccountId("acct-2"), 0));
    }

    private static Attempt unansweredAt(String callId, java.time.Instant at) {
        var m = minimalAttempt(callId);
        return new Attempt(callId, m.campaign(), m.account(), m.number(), m.zone(),
                java.time.LocalDateTime.ofInstant(at, m.zone()), at, null, null, at.plusSeconds(30),
                m.outcome(), m.disposition(), null, false, null, null, null, null);
    }

    @Test
    void emptyLedgerReadsEmpty() {
        var read = ledger.readAll();

        assertEquals(List.of(), read);
        assertEquals(0, ledger.size());
    }

    private static java.util.Map<io.duecall.domain.account.AccountId, List<Attempt>> byAccount(List<Attempt> lines) {
        var grouped = new java.util.LinkedHashMap<io.duecall.domain.account.AccountId, List<Attempt>>();
        lines.forEach(line -> grouped.computeIfAbsent(line.account(), a -> new ArrayList<>()).add(line));
        return grouped;
    }
}

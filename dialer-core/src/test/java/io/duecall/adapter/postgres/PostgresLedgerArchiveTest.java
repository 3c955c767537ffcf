package io.duecall.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.quartz.LocalPostgres;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresLedgerArchiveTest {
    static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private LocalPostgres postgres;
    private PostgresLedgerArchive archive;

    @BeforeEach
    void migrate() throws Exception {
        postgres = LocalPostgres.orSkip();
        archive = new PostgresLedgerArchive(postgres.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(2, archive.migrate());
    }

    @AfterEach
    void drop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migratingCreatesThisMonthsPartitionAndTwoAheadAndASecondMigrationAppliesNothing() {
        assertEquals(List.of(YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2)), archive.months());
        assertEquals(0, archive.migrate());
    }

    @Test
    void aLineReadsBackAsItWasWrittenWithEveryField() {
        var lines = List.of(Lines.promise("c-1", "acct-1", NOW.minusSeconds(600)),
                Lines.noAnswer("c-2", "acct-2", NOW.minusSeconds(500)),
                Lines.location("c-3", "acct-1", "+14155550199", NOW.minusSeconds(400)));

        assertEquals(3, archive.store(lines));

        assertEquals(lines, read(Instant.EPOCH, NOW));
    }

    @Test
    void aLineStoredTwiceIsKeptOnceAndCountsOnceAsNew() {
        var first = List.of(Lines.promise("c-1", "acct-1", NOW.minusSeconds(600)),
                Lines.noAnswer("c-2", "acct-2", NOW.minusSeconds(500)));
        archive.store(first);

        var retried = List.of(first.get(1), Lines.noAnswer("c-3", "acct-2", NOW.minusSeconds(400)));

        assertEquals(1, archive.store(retried));
        assertEquals(3, archive.count());
        assertEquals(Set.of("c-2", "c-3"), archive.stored(List.of("c-2", "c-3", "c-unknown")));
    }

    @Test
    void linesOfAMonthWithoutAPartitionCreateItAndRangesReadOnlyTheirCallsByOriginateTime() {
        var october = Lines.noAnswer("c-oct", "acct-1", Instant.parse("2026-10-31T23:59:59.999Z"));
        var november = Lines.noAnswer("c-nov", "acct-1", Instant.parse("2026-11-01T00:00:00Z"));
        var december = Lines.promise("c-dec", "acct-1", NOW.minusSeconds(60));

        archive.store(List.of(december, october, november));

        assertEquals(YearMonth.of(2026, 10), archive.months().getFirst());
        assertEquals(List.of(october, november, december), read(Instant.EPOCH, NOW));
        assertEquals(List.of(november), read(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void anAccountsHistoryLatestAndLocationCallsAreReadFromItsOwnLines() {
        var old = NOW.minus(Duration.ofDays(40));
        archive.store(List.of(Lines.noAnswer("c-1", "acct-1", old), Lines.promise("c-2", "acct-1", NOW.minusSeconds(900)),
                Lines.location("c-3", "acct-1", "+14155550199", NOW.minusSeconds(800)),
                Lines.location("c-4", "acct-1", "+14155550199", NOW.minusSeconds(700)),
                Lines.noAnswer("c-5", "acct-2", NOW.minusSeconds(600))));

        var since = NOW.minus(Duration.ofDays(30));
        assertEquals(List.of("c-2", "c-3", "c-4").size(), archive.history(new AccountId("acct-1"), since).size());
        assertEquals(PastAttempt.of(Lines.promise("c-2", "acct-1", NOW.minusSeconds(900))),
                archive.history(new AccountId("acct-1"), since).getFirst());
        assertEquals(List.of(NOW.minusSeconds(800), NOW.minusSeconds(700)),
                archive.latest(new AccountId("acct-1"), 2).stream().map(PastAttempt::at).toList());
        assertEquals(Map.of(new E164("+14155550199"), 2), archive.locationCalls(new AccountId("acct-1")));
        assertEquals(List.of("c-2", "c-3", "c-4", "c-5"),
                archive.endedSince(NOW.minus(Duration.ofDays(1))).stream().map(Attempt::callId).toList());
    }

    @Test
    void droppingMonthsBeforeOneDropsTheirLinesAndKeepsTheRest() {
        archive.store(List.of(Lines.noAnswer("c-sep", "acct-1", Instant.parse("2026-09-15T12:00:00Z")),
                Lines.noAnswer("c-oct", "acct-1", Instant.parse("2026-10-15T12:00:00Z")),
                Lines.noAnswer("c-nov", "acct-1", Instant.parse("2026-11-15T12:00:00Z"))));

        assertEquals(List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10)), archive.dropBefore(YearMonth.of(2026, 11)));

        assertEquals(List.of("c-nov"), read(Instant.EPOCH, NOW).stream().map(Attempt::callId).toList());
        assertEquals(YearMonth.of(2026, 11), archive.months().getFirst());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAStoreUnavailableNamingWhatFailed() {
        var nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=1");
        var away = new PostgresLedgerArchive(nowhere, Clock.fixed(NOW, ZoneOffset.UTC));

        var e = assertThrows(StoreUnavailableException.class,
                () -> away.store(List.of(Lines.noAnswer("c-1", "acct-1", NOW))));
        assertTrue(e.getMessage().startsWith("postgres: store 1 ledger lines failed"), e.getMessage());
    }

    private List<Attempt> read(Instant from, Instant to) {
        var lines = new ArrayList<Attempt>();
        archive.forEach(from, to, lines::add);
        return lines;
    }
}

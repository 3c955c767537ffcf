package io.duecall.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.quartz.LocalPostgres;
import io.duecall.adapter.quartz.QuartzLedgerRetention;
import io.duecall.app.LedgerRetention;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Months older than the retention are dropped whole; the month the retention reaches into is kept. */
class LedgerRetentionTest {
    static final Instant NOW = Instant.parse("2026-12-06T04:30:00Z");
    static final Duration THREE_YEARS = Duration.ofDays(1096);
    private LocalPostgres postgres;
    private PostgresLedgerArchive archive;

    @BeforeEach
    void start() throws SQLException {
        postgres = LocalPostgres.orSkip();
        archive = new PostgresLedgerArchive(postgres.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        archive.migrate();
        archive.store(List.of(Lines.noAnswer("c-oct-2023", "acct-1", Instant.parse("2023-10-31T23:00:00Z")),
                Lines.noAnswer("c-nov-2023", "acct-1", Instant.parse("2023-11-30T23:59:59Z")),
                Lines.noAnswer("c-dec-2023", "acct-1", Instant.parse("2023-12-01T00:00:00Z")),
                Lines.noAnswer("c-2026", "acct-1", NOW.minusSeconds(3_600))));
    }

    @AfterEach
    void stop() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void threeYearsBackFromDecember2026KeepsDecember2023AndDropsEverythingBefore() {
        var retention = new LedgerRetention(archive, THREE_YEARS);

        assertEquals(YearMonth.of(2023, 12), retention.firstKept(NOW));
        assertEquals(List.of(YearMonth.of(2023, 10), YearMonth.of(2023, 11)), retention.run(NOW));

        assertEquals(2, archive.count(), "the lines of December 2023 and of 2026 remain");
        assertEquals(YearMonth.of(2023, 12), archive.months().getFirst());
        assertEquals(List.of(), retention.run(NOW), "a second run the same day drops nothing");
    }

    @Test
    void theDailyQuartzJobRunOnDemandDropsTheMonthsAtTheEnginesTime() {
        try (var job = new QuartzLedgerRetention(new LedgerRetention(archive, THREE_YEARS),
                Clock.fixed(NOW, ZoneOffset.UTC), null)) {
            assertTrue(job.nextRun().isPresent());
            job.runNow();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!archive.months().getFirst().equals(YearMonth.of(2023, 12)) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        assertEquals(YearMonth.of(2023, 12), archive.months().getFirst());
        assertEquals(2, archive.count());
    }
}

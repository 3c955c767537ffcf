package io.duecall.adapter.quartz;

import static io.duecall.port.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.app.Eligibility;
import io.duecall.app.PromiseFollowUp;
import io.duecall.domain.window.HolidayCalendar;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily sweep a clustered job store keeps between starts follows a changed {@code promises.sweepAt}. */
class ClusteredPromiseSweepTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final PromiseFollowUp followUp = new PromiseFollowUp(new InMemoryPromiseStore(), new InMemoryPaymentStore(),
            new InMemoryAccountStore(), new Eligibility(new InMemoryAttemptLedger(), new InMemorySuppressionStore(),
                    List.of(), HolidayCalendar.none(), Map.of()));
    private LocalPostgres postgres;

    @BeforeEach
    void schema() throws SQLException {
        postgres = LocalPostgres.orSkip();
    }

    @AfterEach
    void stop() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRestartWithAnotherSweepTimeMovesTheStoredSweep() {
        start(LocalTime.of(6, 0), CHICAGO).close();

        try (var sweep = start(LocalTime.of(7, 30), LONDON)) {
            var next = sweep.nextSweep().orElseThrow();

            assertEquals(LocalTime.of(7, 30), next.atZone(LONDON).toLocalTime());
        }
    }

    @Test
    void aRestartWithTheSameSweepTimeKeepsTheStoredSweep() {
        start(LocalTime.of(6, 0), CHICAGO).close();

        try (var sweep = start(LocalTime.of(6, 0), CHICAGO)) {
            var next = sweep.nextSweep().orElseThrow();

            assertEquals(LocalTime.of(6, 0), next.atZone(CHICAGO).toLocalTime());
        }
    }

    private QuartzPromiseSweep start(LocalTime at, ZoneId zone) {
        return new QuartzPromiseSweep(followUp, Clock.fixed(T0, ZoneOffset.UTC), at, zone,
                postgres.cluster(Duration.ofMillis(500)));
    }
}

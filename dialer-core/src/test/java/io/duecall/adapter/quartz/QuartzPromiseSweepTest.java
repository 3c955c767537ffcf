package io.duecall.adapter.quartz;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPaymentStore;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.app.Eligibility;
import io.duecall.app.PromiseFollowUp;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuartzPromiseSweepTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final PromiseFollowUp followUp = new PromiseFollowUp(promises, new InMemoryPaymentStore(),
            new InMemoryAccountStore(), new Eligibility(new InMemoryAttemptLedger(), new InMemorySuppressionStore(),
                    List.of(), HolidayCalendar.none(), Map.of()));

    @Test
    void nextSweepIsAtTheConfiguredTimeInTheConfiguredZone() {
        try (var sweep = new QuartzPromiseSweep(followUp, Clock.fixed(T0, ZoneOffset.UTC), LocalTime.of(6, 0), CHICAGO)) {
            var next = sweep.nextSweep().orElseThrow();

            assertEquals(LocalTime.of(6, 0), next.atZone(CHICAGO).toLocalTime());
        }
    }

    @Test
    void sweepRunsAgainstTheEnginesClockNotTheSchedulersTime() throws InterruptedException {
        promises.record(Fixtures.promise("c-1", 5_000));
        var afterPayBy = T0.plus(Duration.ofDays(30));
        var read = new CountDownLatch(1);
        var engineClock = new Clock() {
            @Override
            public Instant instant() {
                read.countDown();
                return afterPayBy;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        var sweep = new QuartzPromiseSweep(followUp, engineClock, LocalTime.of(6, 0), CHICAGO);

        sweep.runNow();

        assertTrue(read.await(30, TimeUnit.SECONDS));
        sweep.close();
        assertEquals(PromiseState.BROKEN, promises.status("c-1").orElseThrow().state());
        assertEquals(CAMPAIGN, promises.status("c-1").orElseThrow().promise().campaign());
    }
}

package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.DialCycle;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuartzDialCycleTest {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private final ConcurrentLinkedQueue<CampaignId> ticks = new ConcurrentLinkedQueue<>();
    private final CountDownLatch threeTicks = new CountDownLatch(3);
    private final DialCycle recorder = campaign -> {
        ticks.add(campaign);
        threeTicks.countDown();
        return 0;
    };
    private QuartzDialCycle cycle;

    @AfterEach
    void stopScheduler() {
        cycle.close();
    }

    @Test
    void startedCampaignIsTickedRepeatedly() throws InterruptedException {
        cycle = new QuartzDialCycle(recorder, Duration.ofMillis(10), Set.of(), ZoneOffset.UTC);

        cycle.start(REMINDERS, null, null);

        assertTrue(threeTicks.await(10, TimeUnit.SECONDS), "expected three ticks, saw " + ticks.size());
        assertTrue(ticks.stream().allMatch(REMINDERS::equals));
    }

    @Test
    void stoppedCampaignIsNoLongerScheduled() {
        cycle = new QuartzDialCycle(recorder, Duration.ofMillis(10), Set.of(), ZoneOffset.UTC);
        cycle.start(REMINDERS, null, null);

        cycle.stop(REMINDERS);

        assertFalse(cycle.running(REMINDERS));
        assertEquals(Optional.empty(), cycle.nextTick(REMINDERS));
    }

    @Test
    void noTickFallsOnAHoliday() {
        var today = LocalDate.now(ZoneOffset.UTC);
        cycle = new QuartzDialCycle(recorder, Duration.ofSeconds(1), Set.of(today, today.plusDays(1)), ZoneOffset.UTC);

        cycle.start(REMINDERS, null, null);

        var next = cycle.nextTick(REMINDERS).orElseThrow();
        assertFalse(next.isBefore(today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()), "next tick " + next);
    }

    @Test
    void campaignStartsAtItsStartInstant() {
        cycle = new QuartzDialCycle(recorder, Duration.ofSeconds(1), Set.of(), ZoneOffset.UTC);
        var start = Instant.parse("2099-01-05T14:00:00Z");

        cycle.start(REMINDERS, start, null);

        assertEquals(Optional.of(start), cycle.nextTick(REMINDERS));
    }
}

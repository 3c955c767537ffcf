package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;

/** Clustered dial cycles while the cluster's PostgreSQL goes away and comes back. */
class QuartzDatabaseOutageTest {
    private static final Duration TICK = Duration.ofMillis(200);
    private static final CampaignId CAMPAIGN = new CampaignId("outage");
    /**
     * A tick whose firing the database had recorded just before the cut may still begin after it: each node's
     * scheduler thread holds at most one such trigger (batch size 1), so at most one per node.
     */
    private static final int IN_FLIGHT_PER_NODE = 1;
    private final List<QuartzDialCycle> nodes = new ArrayList<>();
    private final List<Fire> fires = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch ticks = new CountDownLatch(0);
    private LocalPostgres postgres;
    private TcpCut database;

    record Fire(String node, Instant scheduledFor, Instant began) {}

    @BeforeEach
    void start() throws Exception {
        postgres = LocalPostgres.orSkip();
        database = new TcpCut(postgres.host(), postgres.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (database != null) {
            database.restore();
        }
        nodes.forEach(QuartzDialCycle::close);
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void ticksPauseWhileTheDatabaseIsAwayAndResumeWithoutAnyIntervalFiringTwice() throws Exception {
        var a = node("a");
        node("b");
        ticks = new CountDownLatch(4);
        a.start(CAMPAIGN, null, null);
        assertTrue(ticks.await(15, TimeUnit.SECONDS), "ticks before the outage: " + fires);

        database.cut();
        var cutAt = Instant.now();
        // Fifteen tick intervals with the database away: any tick that began in them is a failure.
        ticks = new CountDownLatch(1);
        ticks.await(3, TimeUnit.SECONDS);

        var duringOutage = firesBeganAfter(cutAt);
        assertTrue(duringOutage.size() <= IN_FLIGHT_PER_NODE * nodes.size(),
                "ticks while the database was away (at most one already fired per node): " + duringOutage);
        for (var node : nodes) {
            assertTrue(node.scheduler().isStarted() && !node.scheduler().isShutdown(), "scheduler still running");
        }

        var restoredAt = Instant.now();
        ticks = new CountDownLatch(4);
        database.restore();
        assertTrue(ticks.await(15, TimeUnit.SECONDS), "ticks after the database came back: " + fires);
        assertTrue(firesBeganAfter(restoredAt).size() >= 4, "ticks after restore: " + fires);

        var scheduled = fires.stream().map(Fire::scheduledFor).toList();
        assertEquals(scheduled.size(), new HashSet<>(scheduled).size(), "no interval fired twice: " + fires);
    }

    private List<Fire> firesBeganAfter(Instant instant) {
        synchronized (fires) {
            return fires.stream().filter(f -> f.began().isAfter(instant)).toList();
        }
    }

    private QuartzDialCycle node(String name) throws SchedulerException {
        var node = new QuartzDialCycle(campaign -> 0, TICK, Set.of(), ZoneOffset.UTC,
                postgres.clusterVia(database.port(), Duration.ofMillis(500)));
        node.scheduler().getListenerManager().addJobListener(new Recorder(name));
        nodes.add(node);
        return node;
    }

    private final class Recorder implements JobListener {
        private final String node;

        Recorder(String node) {
            this.node = node;
        }

        @Override
        public String getName() {
            return "recorder-" + node;
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            fires.add(new Fire(node, context.getScheduledFireTime().toInstant(), Instant.now()));
            ticks.countDown();
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {}

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {}
    }
}

package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import java.sql.SQLException;
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

class ClusteredQuartzTest {
    private static final Duration TICK = Duration.ofMillis(250);
    private static final CampaignId CAMPAIGN = new CampaignId("spring");
    private final List<QuartzDialCycle> nodes = new ArrayList<>();
    private final List<Fire> fires = Collections.synchronizedList(new ArrayList<>());
    private final List<Recorder> recorders = new ArrayList<>();
    private LocalPostgres postgres;

    record Fire(String node, Instant scheduledFor) {}

    @BeforeEach
    void schema() throws SQLException {
        postgres = LocalPostgres.orSkip();
    }

    @AfterEach
    void stop() throws SQLException {
        nodes.forEach(QuartzDialCycle::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachTickOfACampaignFiresOnExactlyOneNodeOfTheCluster() throws Exception {
        int intervals = 12;
        var allFired = new CountDownLatch(intervals);
        var a = node("a", allFired);
        node("b", allFired);
        var start = Instant.now().plusSeconds(2);

        // No end: on a busy machine the job store may fall more than its misfire threshold behind and skip an
        // interval (as it should, rather than dial late); what must never happen is an interval firing twice.
        a.start(CAMPAIGN, start, null);

        assertTrue(allFired.await(60, TimeUnit.SECONDS), intervals + " ticks fired: " + fires);
        nodes.forEach(QuartzDialCycle::close);
        var all = List.copyOf(fires);
        var scheduled = all.stream().map(Fire::scheduledFor).toList();
        assertTrue(all.size() >= intervals, "fires: " + all);
        assertEquals(all.size(), new HashSet<>(scheduled).size(), "no interval fired on both nodes: " + all);
        assertEquals(all.size(), count(all, "a") + count(all, "b"), "fires per node: " + all);
    }

    @Test
    void aCampaignKeepsTickingOnTheOtherNodeWhenOneStops() throws Exception {
        // The cluster decides which node fires each tick, so the first ticks are counted wherever they land.
        var firstTicks = new CountDownLatch(3);
        var a = node("a", firstTicks);
        node("b", firstTicks);
        a.start(CAMPAIGN, null, null);
        assertTrue(firstTicks.await(30, TimeUnit.SECONDS), "first ticks: " + fires);

        a.close();
        nodes.remove(a);
        var afterStop = new CountDownLatch(4);
        swap("b", afterStop);

        assertTrue(afterStop.await(30, TimeUnit.SECONDS), "node b ticks after a stopped: " + fires);
        var scheduled = fires.stream().map(Fire::scheduledFor).toList();
        assertEquals(scheduled.size(), new HashSet<>(scheduled).size(), "no interval fired twice: " + fires);
    }

    private static long count(List<Fire> fires, String node) {
        return fires.stream().filter(f -> f.node().equals(node)).count();
    }

    private void swap(String node, CountDownLatch ticks) {
        recorders.stream().filter(r -> r.node.equals(node)).forEach(r -> r.ticks = ticks);
    }

    private QuartzDialCycle node(String name, CountDownLatch ticks) throws SchedulerException {
        var node = new QuartzDialCycle(campaign -> 0, TICK, Set.of(), ZoneOffset.UTC,
                postgres.cluster(Duration.ofMillis(500)));
        var recorder = new Recorder(name, ticks);
        recorders.add(recorder);
        node.scheduler().getListenerManager().addJobListener(recorder);
        nodes.add(node);
        return node;
    }

    private final class Recorder implements JobListener {
        private final String node;
        private volatile CountDownLatch ticks;

        Recorder(String node, CountDownLatch ticks) {
            this.node = node;
            this.ticks = ticks;
        }

        @Override
        public String getName() {
            return "recorder-" + node;
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            fires.add(new Fire(node, context.getScheduledFireTime().toInstant()));
            ticks.countDown();
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {}

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {}
    }
}

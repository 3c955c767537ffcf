package io.duecall.adapter.redis;

import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.AgentPool;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/** Two nodes on one real Redis reserving the same few agents from many threads at once. */
class RedisAgentReservationRaceTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final int AGENTS = 4;
    private static final int THREADS_PER_NODE = 6;
    private static final int ROUNDS = 150;

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Test
    void noAgentIsEverReservedByTwoCallsAtOnce() throws Exception {
        var seats = new ArrayList<AgentSeat>();
        for (int i = 0; i < AGENTS; i++) {
            seats.add(new AgentSeat(new AgentId("10" + i), Set.of(DESK)));
        }
        try (var jedisA = new JedisPooled(RedisTestSupport.sharedUri());
                var jedisB = new JedisPooled(RedisTestSupport.sharedUri())) {
            var nodes = List.of(new AgentPool(seats, Duration.ZERO, new RedisAgentRoster(jedisA, redis.keys()), "a"),
                    new AgentPool(seats, Duration.ZERO, new RedisAgentRoster(jedisB, redis.keys()), "b"));
            for (int i = 0; i < seats.size(); i++) {
                nodes.get(i % 2).ready(seats.get(i).id(), T0);
            }
            var holders = new ConcurrentHashMap<AgentId, String>();
            var doubleReservations = new AtomicInteger();
            var reservations = new AtomicInteger();

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> race(nodes, holders, doubleReservations, reservations));

            assertEquals(0, doubleReservations.get());
            assertTrue(reservations.get() >= ROUNDS, "only " + reservations.get() + " reservations were won");
            for (var seat : seats) {
                assertEquals(AgentState.READY, nodes.get(0).figures().state(seat.id(), T0.plusSeconds(1)));
            }
        }
    }

    private static void race(List<AgentPool> nodes, ConcurrentHashMap<AgentId, String> holders,
            AtomicInteger doubleReservations, AtomicInteger reservations) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(nodes.size() * THREADS_PER_NODE);
        try {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < nodes.size() * THREADS_PER_NODE; t++) {
                var node = nodes.get(t % nodes.size());
                var thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        var callId = "call-" + thread + "-" + round;
                        var agent = reserve(node, DESK, Set.of(), callId, T0.plusSeconds(300), T0);
                        if (agent.isEmpty()) {
                            continue;
                        }
                        reservations.incrementAndGet();
                        if (holders.putIfAbsent(agent.get(), callId) != null) {
                            doubleReservations.incrementAndGet();
                            continue;
                        }
                        node.figures().workload(DESK, T0); // the call holds its agent a little while
                        holders.remove(agent.get(), callId);
                        // A hold taken over by another call (nothing lapses here) means a second reservation won.
                        if (!node.unreserve(agent.get(), callId, T0)) {
                            doubleReservations.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

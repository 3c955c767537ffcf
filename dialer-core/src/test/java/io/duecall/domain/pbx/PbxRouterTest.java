package io.duecall.domain.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PbxRouterTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final Predicate<String> ALL_UP = name -> true;
    private int next;

    @Test
    void route_unlimitedRates_goesToThePbxWithTheMostFreeChannelsAndTheFirstOnATie() {
        var router = router(unlimited("a", 3), unlimited("b", 5));

        var pbxs = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            pbxs.add(route(router, T0).pbx());
        }

        assertEquals(List.of("b", "b", "a", "b", "a", "b", "a", "b"), pbxs);
    }

    @Test
    void route_everyChannelUp_refusesNamingTheFullPbx() {
        var router = router(unlimited("a", 1));
        route(router, T0);

        var refused = assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0, ALL_UP));

        assertEquals("a: no free channel (1 of 1 up)", refused.reason());
    }

    @Test
    void release_freesTheChannelForTheNextCall() {
        var router = router(unlimited("a", 1), unlimited("b", 1));
        var first = id();
        router.route(first, T0, ALL_UP);
        route(router, T0);

        router.release(first);

        assertEquals("a", route(router, T0).pbx());
        assertEquals(2, router.callsUp("a") + router.callsUp("b"));
    }

    @Test
    void route_serverBucketSpent_refusesUntilATokenComesBack() {
        var router = router(new PbxLimits("a", 100, 2, 2, List.of(TrunkLimits.unlimited("t"))));
        route(router, T0);
        route(router, T0);

        var refused = assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0.plusMillis(499), ALL_UP));

        assertEquals("a: 2.0 originates/s spent", refused.reason());
        assertEquals("a", route(router, T0.plusMillis(500)).pbx());
        assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0.plusMillis(500), ALL_UP));
    }

    @Test
    void route_serverBucketSpent_sendsTheCallToAPbxWithFewerFreeChannels() {
        var router = router(new PbxLimits("a", 100, 1, 1, List.of(TrunkLimits.unlimited("t"))), unlimited("b", 2));
        assertEquals("a", route(router, T0).pbx());

        var pbx = route(router, T0).pbx();

        assertEquals("b", pbx);
    }

    @Test
    void route_trunksInOrder_overflowsToTheNextTrunkOnceTheFirstIsSpent() {
        var router = router(new PbxLimits("a", 100, 10, 10,
                List.of(new TrunkLimits("t1", 1, 1), new TrunkLimits("t2", 2, 2))));

        var trunks = List.of(route(router, T0).trunk(), route(router, T0).trunk(), route(router, T0).trunk());

        assertEquals(List.of("t1", "t2", "t2"), trunks);
        var refused = assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0, ALL_UP));
        assertEquals("a: every trunk's originates/s spent", refused.reason());
        assertEquals("t1", route(router, T0.plusSeconds(1)).trunk());
    }

    @Test
    void route_trunkSpent_leavesThePbxsOwnTokenUnspent() {
        // The PBX's bucket all but never refills, so a token spent by a refused call would never come back.
        var router = router(new PbxLimits("a", 100, 1e-6, 2, List.of(new TrunkLimits("t", 0.001, 1))));
        route(router, T0);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0, ALL_UP));
        }

        var decision = router.route(id(), T0.plusSeconds(1000), ALL_UP);

        assertInstanceOf(RouteDecision.Route.class, decision);
    }

    @Test
    void route_unavailablePbx_isSkippedAndNamedWhenNoneIsLeft() {
        var router = router(unlimited("a", 10), unlimited("b", 1));

        var pbx = router.route(id(), T0, name -> !name.equals("a"));

        assertEquals("b", assertInstanceOf(RouteDecision.Route.class, pbx).pbx());
        var refused = assertInstanceOf(RouteDecision.Refused.class, router.route(id(), T0, name -> false));
        assertEquals("a: unavailable; b: unavailable", refused.reason());
    }

    @Test
    void owner_knowsTheCallUntilItIsReleased() {
        var router = router(unlimited("a", 1), unlimited("b", 5));
        router.route("c-1", T0, ALL_UP);
        assertEquals(Optional.of("b"), router.owner("c-1"));

        router.release("c-1");

        assertEquals(Optional.empty(), router.owner("c-1"));
        assertEquals(0, router.callsUp("b"));
    }

    @Test
    void release_unknownCall_changesNothing() {
        var router = router(unlimited("a", 1));
        route(router, T0);

        router.release("c-never-placed");

        assertEquals(1, router.callsUp("a"));
    }

    @Test
    void route_callHeldPastForgetAfter_noLongerHoldsItsChannel() {
        var router = new PbxRouter(List.of(unlimited("a", 1)), Duration.ofHours(4));
        router.route("c-lost", T0, ALL_UP);

        var decision = router.route(id(), T0.plus(Duration.ofHours(4)).plusSeconds(1), ALL_UP);

        assertInstanceOf(RouteDecision.Route.class, decision);
        assertEquals(Optional.empty(), router.owner("c-lost"));
    }

    @Test
    void route_sameCallTwice_isRejected() {
        var router = router(unlimited("a", 5));
        router.route("c-1", T0, ALL_UP);

        var error = assertThrows(IllegalArgumentException.class, () -> router.route("c-1", T0, ALL_UP));

        assertTrue(error.getMessage().contains("already routed to a"), error.getMessage());
    }

    @Test
    void limits_badValues_nameTheirKey() {
        var channels = assertThrows(IllegalArgumentException.class,
                () -> new PbxLimits("a", 0, 1, 1, List.of(TrunkLimits.unlimited("t"))));
        var burst = assertThrows(IllegalArgumentException.class, () -> new TrunkLimits("t", 5, 0.5));
        var twice = assertThrows(IllegalArgumentException.class,
                () -> router(unlimited("a", 1), unlimited("a", 2)));
        var trunkTwice = assertThrows(IllegalArgumentException.class, () -> new PbxLimits("a", 1, 1, 1,
                List.of(TrunkLimits.unlimited("t"), TrunkLimits.unlimited("t"))));

        assertEquals("channels: 0 (expected > 0)", channels.getMessage());
        assertEquals("burst: 0.5 (expected a number >= 1)", burst.getMessage());
        assertEquals("pbxs: name 'a' is used twice", twice.getMessage());
        assertEquals("trunks: name 't' is used twice", trunkTwice.getMessage());
    }

    private static PbxLimits unlimited(String name, int channels) {
        return new PbxLimits(name, channels, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(TrunkLimits.unlimited("t")));
    }

    private static PbxRouter router(PbxLimits... pbxs) {
        return new PbxRouter(List.of(pbxs), Duration.ofHours(4));
    }

    private RouteDecision.Route route(PbxRouter router, Instant now) {
        return assertInstanceOf(RouteDecision.Route.class, router.route(id(), now, ALL_UP));
    }

    private String id() {
        return "c-" + next++;
    }
}

package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import io.duecall.port.OriginateThrottledException;
import io.duecall.port.PbxConnection;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The pool over small in-memory PBX connections that record what they are asked. */
class PbxPoolTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private final VirtualClock clock = new VirtualClock(T0);
    private final FakePbx a = new FakePbx();
    private final FakePbx b = new FakePbx();
    private final List<CallEvent> heard = new ArrayList<>();
    private int next;

    @Test
    void originate_goesOutOnTheRoutedPbxAndTrunk() throws Exception {
        var pool = pool(limits("a", 2, 10, "a1", "a2"), limits("b", 4, 10, "b1"));

        pool.originate(call("c-1"));
        pool.originate(call("c-2"));
        pool.originate(call("c-3"));

        assertEquals(List.of("c-1/b1", "c-2/b1"), b.originated);
        assertEquals(List.of("c-3/a1"), a.originated);
    }

    @Test
    void originate_everyPbxAtItsRate_isThrottledUntilTheClockMoves() throws Exception {
        var pool = pool(limits("a", 100, 1, "a1"), limits("b", 100, 1, "b1"));
        pool.originate(call("c-1"));
        pool.originate(call("c-2"));

        var error = assertThrows(OriginateThrottledException.class, () -> pool.originate(call("c-3")));

        assertTrue(error.getMessage().contains("a: 1.0 originates/s spent; b: 1.0 originates/s spent"),
                error.getMessage());
        clock.advance(Duration.ofSeconds(1));
        pool.originate(call("c-3"));
        assertEquals(3, a.originated.size() + b.originated.size());
    }

    @Test
    void reaches_onlyAConfiguredPbxThatIsUp() {
        var pool = pool(limits("a", 10, 10, "a1"), limits("b", 10, 10, "b1"));
        b.up = false;

        assertTrue(pool.reaches("a"));
        assertFalse(pool.reaches("b"));
        assertFalse(pool.reaches("c"));
    }

    @Test
    void originate_everyPbxUnreachable_isAnOutageNotAThrottle() {
        var pool = pool(limits("a", 10, 10, "a1"), limits("b", 10, 10, "b1"));
        a.up = false;
        b.up = false;

        var error = assertThrows(TelephonyUnavailableException.class, () -> pool.originate(call("c-1")));

        assertFalse(error instanceof OriginateThrottledException);
        assertTrue(error.getMessage().contains("a: unavailable; b: unavailable"), error.getMessage());
        assertFalse(pool.available());
    }

    @Test
    void originate_unreachablePbx_isSkipped() throws Exception {
        var pool = pool(limits("a", 10, 10, "a1"), limits("b", 5, 10, "b1"));
        a.up = false;

        pool.originate(call("c-1"));

        assertEquals(List.of("c-1/b1"), b.originated);
        assertTrue(pool.available());
    }

    @Test
    void originate_refusedByThePbx_freesTheChannelAndIsNotTriedElsewhere() {
        var pool = pool(limits("a", 1, 10, "a1"), limits("b", 1, 10, "b1"));
        a.refuse = true;

        assertThrows(TelephonyUnavailableException.class, () -> pool.originate(call("c-1")));

        assertEquals(0, pool.callsUp("a"));
        assertTrue(b.originated.isEmpty());
    }

    @Test
    void bridgeAndHangup_goToThePbxHoldingTheCall() throws Exception {
        var pool = pool(limits("a", 1, 10, "a1"), limits("b", 1, 10, "b1"));
        pool.originate(call("c-1"));
        pool.originate(call("c-2"));

        pool.bridgeToAgent("c-2", "101");
        pool.hangup("c-1");

        assertEquals(List.of("c-2->101"), b.bridged);
        assertEquals(List.of("c-1"), a.hungUp);
        assertTrue(a.bridged.isEmpty() && b.hungUp.isEmpty());
    }

    @Test
    void bridgeAndHangup_unknownCall_bridgeIsRefusedAndHangupDoesNothing() throws Exception {
        var pool = pool(limits("a", 1, 10, "a1"));

        var error = assertThrows(TelephonyUnavailableException.class, () -> pool.bridgeToAgent("c-gone", "101"));
        pool.hangup("c-gone");

        assertEquals("Redirect c-gone: no PBX holds this call", error.getMessage());
        assertTrue(a.hungUp.isEmpty());
    }

    @Test
    void events_fromEveryPbxReachTheListenerAndTheEndFreesTheChannel() throws Exception {
        var pool = pool(limits("a", 1, 10, "a1"), limits("b", 1, 10, "b1"));
        pool.onEvent(heard::add);
        pool.originate(call("c-1"));
        pool.originate(call("c-2"));

        a.emit(new CallEvent.Answered("c-1", T0, "Local/1"));
        a.emit(new CallEvent.Ended("c-1", T0));
        b.emit(new CallEvent.NotConnected("c-2", T0, CallOutcome.BUSY));

        assertEquals(List.of("c-1", "c-1", "c-2"), heard.stream().map(CallEvent::callId).toList());
        assertEquals(0, pool.callsUp("a") + pool.callsUp("b"));
        pool.hangup("c-1");
        assertTrue(a.hungUp.isEmpty());
    }

    @Test
    void close_closesEveryConnection() {
        var pool = pool(limits("a", 1, 10, "a1"), limits("b", 1, 10, "b1"));

        pool.close();

        assertTrue(a.closed && b.closed);
    }

    private PbxPool pool(PbxLimits... limits) {
        var members = new ArrayList<PbxPool.Member>();
        var fakes = List.of(a, b);
        for (int i = 0; i < limits.length; i++) {
            members.add(new PbxPool.Member(limits[i], fakes.get(i)));
        }
        return new PbxPool(members, clock);
    }

    private static PbxLimits limits(String name, int channels, double perSecond, String... trunks) {
        var list = new ArrayList<TrunkLimits>();
        for (var trunk : trunks) {
            list.add(TrunkLimits.unlimited(trunk));
        }
        return new PbxLimits(name, channels, perSecond, Math.max(1, perSecond), list);
    }

    private CallRequest call(String id) {
        next++;
        return new CallRequest(id, new CampaignId("reminders"), new E164("+1555000" + (1000 + next)),
                Duration.ofSeconds(25));
    }

    private static final class FakePbx implements PbxConnection {
        final List<String> originated = new ArrayList<>();
        final List<String> bridged = new ArrayList<>();
        final List<String> hungUp = new ArrayList<>();
        Consumer<CallEvent> listener = e -> { };
        boolean up = true;
        boolean refuse;
        boolean closed;

        void emit(CallEvent event) {
            listener.accept(event);
        }

        @Override
        public void onEvent(Consumer<CallEvent> listener) {
            this.listener = listener;
        }

        @Override
        public boolean available() {
            return up;
        }

        @Override
        public void originate(CallRequest request) throws TelephonyUnavailableException {
            originate(request, "first");
        }

        @Override
        public void originate(CallRequest request, String trunk) throws TelephonyUnavailableException {
            if (refuse) {
                throw new TelephonyUnavailableException("Originate " + request.callId() + " refused by the PBX");
            }
            originated.add(request.callId() + "/" + trunk);
        }

        @Override
        public void bridgeToAgent(String callId, String agentExtension) {
            bridged.add(callId + "->" + agentExtension);
        }

        @Override
        public void hangup(String callId) {
            hungUp.add(callId);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

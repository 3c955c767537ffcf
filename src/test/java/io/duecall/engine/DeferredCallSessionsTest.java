package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.app.AgentHandoff;
import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.promise.PromiseToPay;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeferredCallSessionsTest {
    /** Records the reports that have a default (empty) body in CallSessions. */
    private static final class Reports implements CallSessions {
        final List<String> heard = new ArrayList<>();

        @Override
        public Optional<IvrCall> find(String callId) {
            return Optional.empty();
        }

        @Override
        public PromiseToPay recordPromise(String callId, Money amount, LocalDate payBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AgentHandoff requestAgent(String callId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flowStarted(String callId, String flowVersion) {}

        @Override
        public void rightPartyVerified(String callId) {
            heard.add("rpc " + callId);
        }

        @Override
        public void disclosed(String callId, Disclosure what) {
            heard.add("disclosed " + callId + " " + what);
        }

        @Override
        public void stepReached(String callId, String step) {
            heard.add("step " + callId + " " + step);
        }

        @Override
        public void optOut(String callId) {}

        @Override
        public void scheduleCallback(String callId, Instant at) {}

        @Override
        public void finished(String callId, Disposition disposition) {}
    }

    @Test
    void aVerifiedDebtorAndWhatWasSaidReachTheEngine() {
        var engine = new Reports();
        var deferred = new DeferredCallSessions();
        deferred.set(engine);

        deferred.rightPartyVerified("c-1");
        deferred.disclosed("c-1", Disclosure.AMOUNT);
        deferred.stepReached("c-1", "amount");

        assertEquals(List.of("rpc c-1", "disclosed c-1 AMOUNT", "step c-1 amount"), engine.heard);
    }

    @Test
    void forwardsEveryMethodOfCallSessionsIncludingThoseWithADefaultBody() {
        var missing = new ArrayList<String>();
        for (Method method : CallSessions.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                DeferredCallSessions.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method.getName() + Arrays.toString(method.getParameterTypes()));
            }
        }

        assertEquals(List.of(), missing);
    }
}

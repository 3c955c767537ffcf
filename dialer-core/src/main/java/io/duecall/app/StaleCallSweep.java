package io.duecall.app;

import io.duecall.domain.attempt.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes calls whose events were lost: a line that ended but whose IVR never reported, or a call that kept ringing
 * long past its timeout. Without this a lost event would hold a channel, and the account's lease, forever.
 */
final class StaleCallSweep {
    private static final Logger LOG = LoggerFactory.getLogger(StaleCallSweep.class);
    /** How long past its end (or its ring timeout) a call may wait for its remaining events. */
    static final Duration ENDED_GRACE = Duration.ofSeconds(30);

    private final CallsInFlight calls;
    private final CallLifecycle lifecycle;

    StaleCallSweep(CallsInFlight calls, CallLifecycle lifecycle) {
        this.calls = calls;
        this.lifecycle = lifecycle;
    }

    void sweep(Instant now) {
        for (var call : calls.all()) {
            boolean stale;
            synchronized (call) {
                var endedLongAgo = call.endedAt != null && call.endedAt.plus(ENDED_GRACE).isBefore(now);
                var ringingTooLong = call.ringing()
                        && call.originatedAt.plus(call.campaign.ringTimeout()).plus(ENDED_GRACE).isBefore(now);
                stale = endedLongAgo || ringingTooLong;
                if (stale) {
                    if (ringingTooLong) {
                        call.outcome = CallOutcome.FAILED;
                    }
                    call.ivrDone = true;
                }
            }
            if (stale) {
                LOG.warn("call {} closed without all of its events", call.callId);
                lifecycle.closeIfDone(call);
            }
        }
    }
}

package io.duecall.app;

import io.duecall.port.CallOriginator;
import io.duecall.port.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the store and the PBX answer, as the engine last found them; each outage is logged once, and its end once. */
final class Outages {
    private static final Logger LOG = LoggerFactory.getLogger(Outages.class);

    private final CallOriginator telephony;
    private final AtomicBoolean storeAvailable = new AtomicBoolean(true);
    private final AtomicBoolean telephonyUp = new AtomicBoolean(true);

    Outages(CallOriginator telephony) {
        this.telephony = telephony;
    }

    /**
     * No claim while the PBX is unreachable: the accounts stay queued. Calls whose events were missed during the
     * outage are closed by the stale-call sweep once their ring timeout and grace are over.
     */
    boolean telephonyAvailable() {
        boolean up = telephony.available();
        if (telephonyUp.compareAndSet(!up, up)) {
            if (up) {
                LOG.info("PBX reachable again; dialing resumes");
            } else {
                LOG.error("PBX unreachable; placing no call until it is back");
            }
        }
        return up;
    }

    void storeLost(StoreUnavailableException e) {
        if (storeAvailable.compareAndSet(true, false)) {
            LOG.error("store unavailable, placing no call until it answers: {}", e.getMessage());
        }
    }

    void storeAnswered() {
        if (storeAvailable.compareAndSet(false, true)) {
            LOG.info("store answers again; dialing resumes");
        }
    }
}

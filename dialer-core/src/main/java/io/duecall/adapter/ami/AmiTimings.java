package io.duecall.adapter.ami;

import java.time.Duration;

/**
 * Told how long the PBX took to answer each AMI action and how late each tracked event was handled, so that metrics
 * can be kept without this adapter knowing the metrics library. Called on AMI threads: must be quick and not block.
 */
public interface AmiTimings {
    /** An action ({@code Originate}, {@code Redirect}, {@code Ping}, ...) was answered after {@code roundTrip}. */
    void actionAnswered(String action, Duration roundTrip);

    /**
     * An event ({@code Hangup}, ...) was handled {@code lag} after the PBX stamped it (its {@code Timestamp} header,
     * with {@code timestampevents = yes}) or, without a stamp, after it was received.
     */
    void eventHandled(String event, Duration lag);

    AmiTimings NONE = new AmiTimings() {
        @Override
        public void actionAnswered(String action, Duration roundTrip) {}

        @Override
        public void eventHandled(String event, Duration lag) {}
    };
}

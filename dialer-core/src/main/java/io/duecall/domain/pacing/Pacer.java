package io.duecall.domain.pacing;

/**
 * Decides how many calls to place now. The live engine and the simulator run the same pacers; pacers that learn from
 * the campaign's history are told what happened to each call through {@link #observe}.
 */
public interface Pacer {
    int callsToPlace(PacingSnapshot snapshot);

    default void observe(CallObservation observation) {}
}

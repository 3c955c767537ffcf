package io.duecall.domain.pacing;

/** Decides how many calls to place now. The live engine and the simulator run the same pacers. */
public interface Pacer {
    int callsToPlace(PacingSnapshot snapshot);
}

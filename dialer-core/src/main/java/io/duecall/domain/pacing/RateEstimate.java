package io.duecall.domain.pacing;

/** A probability (such as live answer) from the most recent outcomes, with a Beta prior worth a few outcomes. */
public final class RateEstimate {
    private final boolean[] ring;
    private final double prior;
    private final double priorWeight;
    private int size;
    private int next;
    private int hits;
    private long real;

    public RateEstimate(int window, double prior, double priorWeight) {
        if (window <= 0 || !(prior >= 0 && prior <= 1) || !(priorWeight >= 0)) {
            throw new IllegalArgumentException("rate: window " + window + ", prior " + prior + ", priorWeight "
                    + priorWeight + " (expected window > 0, 0 <= prior <= 1, priorWeight >= 0)");
        }
        this.ring = new boolean[window];
        this.prior = prior;
        this.priorWeight = priorWeight;
    }

    public void observe(boolean hit) {
        if (size == ring.length) {
            if (ring[next]) {
                hits--;
            }
        } else {
            size++;
        }
        ring[next] = hit;
        if (hit) {
            hits++;
        }
        next = (next + 1) % ring.length;
        real++;
    }

    public double value() {
        return (hits + prior * priorWeight) / (size + priorWeight);
    }

    public long observations() {
        return real;
    }
}

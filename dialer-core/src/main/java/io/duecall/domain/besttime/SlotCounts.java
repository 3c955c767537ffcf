package io.duecall.domain.besttime;

/**
 * What the ledger saw of the calls placed in one slot: how many were dialed, how many a person answered (not a
 * machine, not a failure) and how many reached the right party.
 */
public record SlotCounts(int dials, int answered, int reached) {
    public static final SlotCounts NONE = new SlotCounts(0, 0, 0);

    public SlotCounts {
        if (dials < 0 || answered < 0 || reached < 0 || answered > dials || reached > answered) {
            throw new IllegalArgumentException("slot counts: " + dials + "/" + answered + "/" + reached
                    + " (expected 0 <= reached <= answered <= dials)");
        }
    }

    public SlotCounts plus(boolean wasAnswered, boolean wasReached) {
        if (wasReached && !wasAnswered) {
            throw new IllegalArgumentException("outcome: reached the right party without an answer");
        }
        return new SlotCounts(dials + 1, answered + (wasAnswered ? 1 : 0), reached + (wasReached ? 1 : 0));
    }

    public SlotCounts plus(SlotCounts other) {
        return new SlotCounts(dials + other.dials, answered + other.answered, reached + other.reached);
    }

    @Override
    public String toString() {
        return reached + " reached, " + answered + " answered of " + dials + " dials";
    }
}

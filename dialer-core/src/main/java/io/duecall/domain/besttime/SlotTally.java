package io.duecall.domain.besttime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's counts per {@link ContactSlot} at one level of the model (a campaign, a segment, an account or one
 * number). Immutable; {@link #plus} returns a new tally. Most accounts have a handful of dials, so only the slots that
 * were dialed are held.
 */
public final class SlotTally {
    private static final SlotTally EMPTY = new SlotTally(new SlotCounts[ContactSlot.COUNT]);

    private final SlotCounts[] bySlot;

    private SlotTally(SlotCounts[] bySlot) {
        this.bySlot = bySlot;
    }

    public static SlotTally empty() {
        return EMPTY;
    }

    public static SlotTally of(Map<ContactSlot, SlotCounts> counts) {
        var table = new SlotCounts[ContactSlot.COUNT];
        counts.forEach((slot, c) -> table[slot.index()] = c.dials() == 0 ? null : c);
        return new SlotTally(table);
    }

    public SlotCounts get(ContactSlot slot) {
        var c = bySlot[slot.index()];
        return c == null ? SlotCounts.NONE : c;
    }

    /** The counts of every hour of {@code slot}'s kind of day in the same {@code hours}-hour band (09:00-12:00 for 3). */
    public SlotCounts band(ContactSlot slot, int hours) {
        int from = slot.hour() / hours * hours;
        var sum = SlotCounts.NONE;
        for (int h = from; h < from + hours; h++) {
            var c = bySlot[slot.day().ordinal() * 24 + h];
            if (c != null) {
                sum = sum.plus(c);
            }
        }
        return sum;
    }

    public SlotTally plus(ContactSlot slot, boolean answered, boolean reached) {
        var copy = Arrays.copyOf(bySlot, bySlot.length);
        copy[slot.index()] = get(slot).plus(answered, reached);
        return new SlotTally(copy);
    }

    public SlotTally plus(SlotTally other) {
        var copy = Arrays.copyOf(bySlot, bySlot.length);
        for (int i = 0; i < copy.length; i++) {
            if (other.bySlot[i] != null) {
                copy[i] = copy[i] == null ? other.bySlot[i] : copy[i].plus(other.bySlot[i]);
            }
        }
        return new SlotTally(copy);
    }

    /** The slots that were dialed, in slot order. */
    public Map<ContactSlot, SlotCounts> dialed() {
        var out = new LinkedHashMap<ContactSlot, SlotCounts>();
        for (int i = 0; i < bySlot.length; i++) {
            if (bySlot[i] != null) {
                out.put(ContactSlot.ofIndex(i), bySlot[i]);
            }
        }
        return out;
    }

    public int dials() {
        int n = 0;
        for (var c : bySlot) {
            n += c == null ? 0 : c.dials();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotTally t && Arrays.equals(bySlot, t.bySlot);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bySlot);
    }

    @Override
    public String toString() {
        return dialed().toString();
    }
}

package io.duecall.sim.habits;

import io.duecall.domain.besttime.ContactSlot;

/** One kind of person's probability of answering, per slot of their own week; {@code weight} is their share. */
public record HabitProfile(String name, double weight, double[] answerBySlot) {
    public HabitProfile {
        if (answerBySlot.length != ContactSlot.COUNT) {
            throw new IllegalArgumentException("profile " + name + ": " + answerBySlot.length + " slots (expected "
                    + ContactSlot.COUNT + ")");
        }
        answerBySlot = answerBySlot.clone();
    }

    public double answer(ContactSlot slot) {
        return answerBySlot[slot.index()];
    }
}

package io.duecall.domain.pacing;

import java.util.Arrays;

/**
 * The exact distribution, at each answer point, of the agents free for a new call when it is answered: agents ready
 * now less calls waiting, plus each busy agent that frees by then, less each earlier live answer. Each of those is an
 * independent chance, so the distribution is built by convolution, one agent or call at a time. Used for small
 * campaigns, where a normal approximation misjudges the few agents and calls that decide the chance.
 */
final class MarginDistribution {
    private final double[][] mass;
    private int low;
    private int size;

    MarginDistribution(int points) {
        this.mass = new double[points][];
    }

    /** Every point starts with certain margin {@code start}; room for {@code up} frees and {@code down} answers. */
    void start(int start, int up, int down) {
        low = start - down;
        size = up + down + 1;
        for (int i = 0; i < mass.length; i++) {
            if (mass[i] == null || mass[i].length < size) {
                mass[i] = new double[Math.max(size, 64)];
            }
            Arrays.fill(mass[i], 0, size, 0);
            mass[i][start - low] = 1;
        }
    }

    /** With chance {@code q} the margin at {@code point} moves by {@code sign} (+1: an agent frees, -1: an answer). */
    void add(int point, int sign, double q) {
        if (q <= 0) {
            return;
        }
        double[] m = mass[point];
        double stay = 1 - q;
        if (sign > 0) {
            for (int v = size - 1; v > 0; v--) {
                m[v] = stay * m[v] + q * m[v - 1];
            }
            m[0] *= stay;
        } else {
            for (int v = 0; v < size - 1; v++) {
                m[v] = stay * m[v] + q * m[v + 1];
            }
            m[size - 1] *= stay;
        }
    }

    /** P(no agent is free at {@code point}), that is the margin is zero or less. */
    double none(int point) {
        double[] m = mass[point];
        double sum = 0;
        for (int v = 0; v <= -low && v < size; v++) {
            sum += m[v];
        }
        return Math.min(1, sum);
    }
}

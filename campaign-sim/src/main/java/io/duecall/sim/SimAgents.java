package io.duecall.sim;

/**
 * The agents of one simulated day as parallel primitive arrays indexed by agent: each one's state, since when, the
 * call they talk on and whether a break is due; the ready queue, longest ready first; and how many are in each state.
 */
final class SimAgents {
    static final int READY = 0, TALK = 1, WRAP = 2, PAUSED = 3, OUT = 4;

    final int[] state;
    final double[] since;
    final int[] call;
    final boolean[] breakDue;
    final IntQueue ready = new IntQueue();
    int paused;
    int out;
    int talking;
    int wrapping;

    SimAgents(int count) {
        state = new int[count];
        since = new double[count];
        call = new int[count];
        breakDue = new boolean[count];
    }

    /** How long each of the {@code count} agents in {@code inState} (TALK or WRAP) has been in it at {@code now}. */
    double[] elapsed(int inState, int count, double now) {
        double[] elapsed = new double[count];
        int i = 0;
        for (int a = 0; a < state.length; a++) {
            if (state[a] == inState) {
                elapsed[i++] = now - since[a];
            }
        }
        return elapsed;
    }
}

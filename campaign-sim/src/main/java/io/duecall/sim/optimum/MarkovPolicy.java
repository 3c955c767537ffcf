package io.duecall.sim.optimum;

/**
 * A deterministic policy of the {@link MarkovPacingModel}: for each state, how many calls to have in flight after the
 * decision. Its long-run figures come from the stationary distribution of the chain it induces.
 */
public final class MarkovPolicy {
    private final MarkovPacingModel model;
    private final double multiplier;
    private final int[] target;
    private final double[] values;
    private Figures figures;

    /** Long-run busy share of agents, abandons per live answer, and live answers per second. */
    public record Figures(double occupancy, double abandonShare, double liveRate, double abandonRate) {}

    MarkovPolicy(MarkovPacingModel model, double multiplier, int[] target, double[] values) {
        this.model = model;
        this.multiplier = multiplier;
        this.target = target;
        this.values = values;
    }

    public double multiplier() {
        return multiplier;
    }

    double[] values() {
        return values;
    }

    public int agents() {
        return model.agents;
    }

    public int maxLines() {
        return model.maxLines;
    }

    /** Calls in flight the policy wants with {@code talking} and {@code wrapping} agents and {@code lines} in flight. */
    public int targetLines(int talking, int wrapping, int lines) {
        if (talking < 0 || wrapping < 0 || talking + wrapping > model.agents || lines < 0) {
            throw new IllegalArgumentException("markov state: talking " + talking + ", wrapping " + wrapping
                    + ", lines " + lines + " (expected talking + wrapping <= " + model.agents + ")");
        }
        if (lines > model.maxLines) {
            return lines;
        }
        return target[model.index(model.pair[talking][wrapping], lines)];
    }

    /** The policy's long-run figures (computed once, by power iteration on the uniformized chain). */
    public synchronized Figures figures() {
        if (figures == null) {
            figures = evaluate();
        }
        return figures;
    }

    private Figures evaluate() {
        var m = model;
        int n = m.states();
        double[] pre = new double[n];
        double[] post = new double[n];
        double[] next = new double[n];
        pre[0] = 1;
        for (int iteration = 0; iteration < 2_000_000; iteration++) {
            java.util.Arrays.fill(post, 0);
            for (int i = 0; i < n; i++) {
                if (pre[i] != 0) {
                    int k = i / (m.maxLines + 1);
                    post[m.index(k, target[i])] += pre[i];
                }
            }
            java.util.Arrays.fill(next, 0);
            for (int k = 0; k < m.talking.length; k++) {
                int t = m.talking[k];
                int w = m.wrapping[k];
                boolean full = t + w == m.agents;
                for (int r = 0; r <= m.maxLines; r++) {
                    double mass = post[m.index(k, r)];
                    if (mass == 0) {
                        continue;
                    }
                    double resolve = r * m.ringRate / m.uniform;
                    double talkEnd = t * m.talkRate / m.uniform;
                    double wrapEnd = w * m.wrapRate / m.uniform;
                    if (r > 0) {
                        next[m.index(full ? k : m.pair[t + 1][w], r - 1)] += mass * resolve * m.live;
                        next[m.index(k, r - 1)] += mass * resolve * (1 - m.live);
                    }
                    if (t > 0) {
                        next[m.index(m.pair[t - 1][w + 1], r)] += mass * talkEnd;
                    }
                    if (w > 0) {
                        next[m.index(m.pair[t][w - 1], r)] += mass * wrapEnd;
                    }
                    next[m.index(k, r)] += mass * (1 - resolve - talkEnd - wrapEnd);
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                change += Math.abs(next[i] - pre[i]);
            }
            double[] swap = pre;
            pre = next;
            next = swap;
            if (change < 1e-11 && iteration > 100) {
                break;
            }
        }
        double busy = 0;
        double liveRate = 0;
        double abandonRate = 0;
        java.util.Arrays.fill(post, 0);
        for (int i = 0; i < n; i++) {
            post[m.index(i / (m.maxLines + 1), target[i])] += pre[i];
        }
        for (int k = 0; k < m.talking.length; k++) {
            int t = m.talking[k];
            int w = m.wrapping[k];
            for (int r = 0; r <= m.maxLines; r++) {
                double mass = post[m.index(k, r)];
                busy += mass * (t + w);
                double answers = mass * r * m.ringRate * m.live;
                liveRate += answers;
                if (t + w == m.agents) {
                    abandonRate += answers;
                }
            }
        }
        return new Figures(busy / m.agents, liveRate == 0 ? 0 : abandonRate / liveRate, liveRate, abandonRate);
    }
}

package io.duecall.pbxsim.call;

import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.agi.CallerScript;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws what happens on each dial from (seed, number, n-th attempt to that number) alone, so a run repeats exactly
 * whatever order the calls arrive in.
 */
final class Draws {
    private final Population population;
    private final long seed;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    Draws(Population population, long seed) {
        this.population = population;
        this.seed = seed;
    }

    /** The fate of one dial. {@code persona} is {@code machine} for answering machines; {@code fixed} if the
     * population fixes this number's outcome. */
    record Draw(Outcome outcome, double ringSeconds, String persona, CallerScript script, double talkSeconds,
                boolean fixed, boolean agentAnswers, double agentRingSeconds) {
    }

    /** The doctor's loop-back call: a Local channel answered at once, with nobody on it pressing keys. */
    static Draw loopBack() {
        return new Draw(Outcome.ANSWERED, 0.05, "loop-back", CallerScript.parse(""), 0, /* fixed= */ true,
                /* agentAnswers= */ true, 0);
    }

    Draw next(String number) {
        var attempt = attempts.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
        var rng = new SplittableRandom(mix(seed, number, attempt));
        var ring = population.ringSeconds();
        var ringSeconds = ring.min() + rng.nextDouble() * (ring.max() - ring.min());
        var talkSeconds = logNormal(rng, population.agentTalkSeconds());
        var fixed = population.fixed().get(number);
        var outcome = fixed != null ? fixed.outcome() : pickOutcome(rng);
        if (outcome == Outcome.MACHINE) {
            return new Draw(outcome, ringSeconds, "machine", CallerScript.parse(""), talkSeconds, fixed != null,
                    true, 0);
        }
        if (fixed != null) {
            return new Draw(outcome, ringSeconds, "fixed", CallerScript.parse(fixed.script()), talkSeconds, true,
                    true, 0);
        }
        var persona = pickPersona(rng);
        // Drawn last, from its own stream, so a population's other draws are the same with or without agent personas.
        var agent = pickAgent(rng.split());
        return new Draw(outcome, ringSeconds, persona.name(), persona.callerScript(), talkSeconds, false,
                agent.answers(), agent.ringSeconds());
    }

    private Population.AgentPersona pickAgent(SplittableRandom rng) {
        var agents = population.agents();
        if (agents.size() == 1) {
            return agents.getFirst();
        }
        var total = agents.stream().mapToDouble(Population.AgentPersona::weight).sum();
        var x = rng.nextDouble() * total;
        for (var a : agents) {
            x -= a.weight();
            if (x < 0) {
                return a;
            }
        }
        return agents.stream().filter(a -> a.weight() > 0).reduce((a, b) -> b).orElseThrow();
    }

    private Outcome pickOutcome(SplittableRandom rng) {
        var weights = population.outcomes();
        var total = 0.0;
        for (var o : Outcome.values()) {
            total += weightOf(weights, o);
        }
        var x = rng.nextDouble() * total;
        Outcome last = Outcome.ANSWERED;
        for (var o : Outcome.values()) {
            var w = weightOf(weights, o);
            if (w > 0) {
                last = o;
                if (x < w) {
                    return o;
                }
                x -= w;
            }
        }
        return last;
    }

    private static double weightOf(Population.Outcomes w, Outcome o) {
        return switch (o) {
            case ANSWERED -> w.answered();
            case MACHINE -> w.machine();
            case BUSY -> w.busy();
            case NO_ANSWER -> w.noAnswer();
            case CONGESTION -> w.congestion();
            case FAILED -> w.failed();
        };
    }

    private Population.Persona pickPersona(SplittableRandom rng) {
        var personas = population.personas();
        var total = personas.stream().mapToDouble(Population.Persona::weight).sum();
        var x = rng.nextDouble() * total;
        for (var p : personas) {
            if (p.weight() > 0 && x < p.weight()) {
                return p;
            }
            x -= p.weight();
        }
        return personas.stream().filter(p -> p.weight() > 0).reduce((a, b) -> b).orElseThrow();
    }

    /** Log-normal with the given mean and standard deviation of the result (not of its logarithm). */
    private static double logNormal(SplittableRandom rng, Population.LogNormal d) {
        var variance = Math.log(1 + (d.sd() * d.sd()) / (d.mean() * d.mean()));
        var mu = Math.log(d.mean()) - variance / 2;
        return Math.exp(mu + Math.sqrt(variance) * rng.nextGaussian());
    }

    private static long mix(long seed, String number, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (var i = 0; i < number.length(); i++) {
            h = (h ^ number.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        h = (h ^ attempt) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}

package io.duecall.pbxsim;

import io.duecall.pbxsim.agi.CallerScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated debtors: how often each outcome happens, how long phones ring, who answers (personas with caller
 * scripts), how long agents talk, and fixed outcomes for chosen numbers so tests are deterministic.
 */
public record Population(
        Outcomes outcomes,
        Range ringSeconds,
        List<Persona> personas,
        LogNormal agentTalkSeconds,
        Map<String, Fixed> fixed,
        List<AgentPersona> agents) {

    /** As the canonical constructor, with agents whose phones always answer. */
    public Population(Outcomes outcomes, Range ringSeconds, List<Persona> personas, LogNormal agentTalkSeconds,
            Map<String, Fixed> fixed) {
        this(outcomes, ringSeconds, personas, agentTalkSeconds, fixed, null);
    }

    public Population {
        require(outcomes != null, "outcomes: missing");
        require(ringSeconds != null, "ringSeconds: missing");
        require(agentTalkSeconds != null, "agentTalkSeconds: missing");
        personas = personas == null ? List.of() : List.copyOf(personas);
        fixed = fixed == null ? Map.of() : Map.copyOf(fixed);
        agents = agents == null || agents.isEmpty() ? List.of(AgentPersona.ANSWERS) : List.copyOf(agents);
        require(agents.stream().mapToDouble(AgentPersona::weight).sum() > 0,
                "agents: all weights are 0 (expected at least one > 0)");
        require(!personas.isEmpty(), "personas: empty (expected at least one persona)");
        require(personas.stream().mapToDouble(Persona::weight).sum() > 0,
                "personas: all weights are 0 (expected at least one > 0)");
    }

    /** Relative weights of the outcomes of a dialed number that has no fixed outcome. */
    public record Outcomes(double answered, double machine, double busy, double noAnswer, double congestion,
                           double failed) {
        public Outcomes {
            nonNegative("answered", answered);
            nonNegative("machine", machine);
            nonNegative("busy", busy);
            nonNegative("noAnswer", noAnswer);
            nonNegative("congestion", congestion);
            nonNegative("failed", failed);
            require(answered + machine + busy + noAnswer + congestion + failed > 0,
                    "outcomes: all weights are 0 (expected at least one > 0)");
        }

    }

    /** A closed range of seconds, drawn uniformly. */
    public record Range(double min, double max) {
        public Range {
            nonNegative("min", min);
            require(max >= min, "max: " + max + " (expected >= min " + min + ")");
        }
    }

    /** A person who answers, with what they press ({@link CallerScript} text such as {@code "1 1"}). */
    public record Persona(String name, double weight, String script) {
        public Persona {
            require(name != null && !name.isBlank(), "name: missing");
            nonNegative("weight", weight);
            script = script == null ? "" : script;
            try {
                CallerScript.parse(script);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("script: '" + script + "' " + e.getMessage(), e);
            }
        }

        public CallerScript callerScript() {
            return CallerScript.parse(script);
        }
    }

    /**
     * How an agent's phone behaves when a call is sent to it: it answers after ringing {@code ringSeconds} (0 when
     * absent), or ({@code answers: false}, the persona "phone does not answer") it rings until the agent dial times
     * out and nobody picks up.
     */
    public record AgentPersona(String name, double weight, boolean answers, Double ringSeconds) {
        static final AgentPersona ANSWERS = new AgentPersona("answers", 1, true);

        public AgentPersona {
            require(name != null && !name.isBlank(), "name: missing");
            nonNegative("weight", weight);
            ringSeconds = ringSeconds == null ? 0.0 : ringSeconds;
            nonNegative("ringSeconds", ringSeconds);
        }

        /** A phone that answers at once, or one that never does. */
        public AgentPersona(String name, double weight, boolean answers) {
            this(name, weight, answers, null);
        }
    }

    /** A log-normal distribution given by the mean and standard deviation of the drawn values, in seconds. */
    public record LogNormal(double mean, double sd) {
        public LogNormal {
            require(mean > 0 && Double.isFinite(mean), "mean: " + mean + " (expected > 0)");
            nonNegative("sd", sd);
        }
    }

    /** A fixed outcome for one dialed number; {@code script} is what the person presses if it is answered. */
    public record Fixed(Outcome outcome, String script) {
        public Fixed {
            require(outcome != null, "outcome: missing (expected one of " + List.of(Outcome.values()) + ")");
            script = script == null ? "" : script;
            try {
                CallerScript.parse(script);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("script: '" + script + "' " + e.getMessage(), e);
            }
        }
    }

    /** Reads a population from YAML; errors name the offending key, e.g. {@code outcomes.busy: -1.0 (expected >= 0)}. */
    public static Population load(InputStream yaml) {
        return PopulationYaml.read(yaml);
    }

    /** The bundled population, resource {@code pbxsim/population.yaml}. */
    public static Population defaults() {
        try (var in = Population.class.getClassLoader().getResourceAsStream("pbxsim/population.yaml")) {
            Objects.requireNonNull(in, "resource pbxsim/population.yaml missing from the classpath");
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same population with one number's outcome fixed. */
    public Population withFixed(String number, Outcome outcome, String script) {
        var copy = new java.util.HashMap<>(fixed);
        copy.put(number, new Fixed(outcome, script));
        return new Population(outcomes, ringSeconds, personas, agentTalkSeconds, copy, agents);
    }

    /** The same population with these agent phone personas. */
    public Population withAgents(List<AgentPersona> phones) {
        return new Population(outcomes, ringSeconds, personas, agentTalkSeconds, fixed, phones);
    }

    private static void nonNegative(String key, double v) {
        require(v >= 0 && Double.isFinite(v), key + ": " + v + " (expected >= 0)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

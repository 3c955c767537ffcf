package io.duecall.pbxsim;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulator listens and which dialplan it pretends to have.
 *
 * @param agiByContext dialplan context to the FastAGI URL its answered calls run, e.g. {@code dialer-out ->
 *                     agi://127.0.0.1:4573/reminder}
 * @param amdContexts  contexts that run AMD() before the AGI, setting AMDSTATUS and sending a UserEvent AMDResult
 * @param agentContext the context a call is redirected to for a live agent; the Exten is the agent's extension
 * @param timeScale    multiplies every simulated wait (ringing, AMD, talk time); 1.0 is real time
 * @param seed         with the dialed number and attempt count, fixes every random draw so runs repeat
 * @param abandonContext the context that plays the abandon message (company, callback number) and hangs up; the
 *                     agent context goes there when the agent's phone does not answer, and a Redirect may send a call
 *                     there. Empty: the agent context hangs up after its Dial, as the recorded reference dialplan does
 * @param latency      how long the PBX itself takes to answer actions and move calls on ({@link PbxLatency}); never
 *                     scaled by {@code timeScale}, which is for people (ringing, talking)
 */
public record SimulatorConfig(
        String bindHost,
        int amiPort,
        String amiUsername,
        String amiSecret,
        Map<String, URI> agiByContext,
        Set<String> amdContexts,
        String agentContext,
        List<String> agentExtensions,
        Population population,
        double timeScale,
        long seed,
        String abandonContext,
        PbxLatency latency) {

    /**
     * The context of {@code doctor}'s loop-back call, as DueCall renders it: an originate of {@code
     * Local/hold@dialer-doctor} is answered at once (no trunk) and runs the FastAGI script {@code doctor} at the
     * address of the other AGI contexts, unless {@code agiByContext} names an address of its own for it.
     */
    public static final String DOCTOR_CONTEXT = "dialer-doctor";
    /** The abandon context DueCall renders by default. */
    public static final String DEFAULT_ABANDON_CONTEXT = "dialer-abandon";
    /** How long the simulated abandon message plays (company name, callback number, goodbye), before timeScale. */
    public static final double ABANDON_MESSAGE_SECONDS = 8.0;
    /** The agent context's Dial timeout, as DueCall renders it. */
    public static final double AGENT_DIAL_SECONDS = 20.0;

    /**
     * The FastAGI address the dialplan context runs, or null if it runs none: the doctor context, unless configured,
     * uses the same server as the first AGI context, with the script {@code doctor}.
     */
    public URI agiUrl(String context) {
        var url = agiByContext.get(context);
        if (url != null || !DOCTOR_CONTEXT.equals(context) || agiByContext.isEmpty()) {
            return url;
        }
        var first = new java.util.TreeMap<>(agiByContext).firstEntry().getValue();
        return first.resolve("/doctor");
    }

    /** As the canonical constructor, with the default abandon context and no PBX latency. */
    public SimulatorConfig(String bindHost, int amiPort, String amiUsername, String amiSecret,
            Map<String, URI> agiByContext, Set<String> amdContexts, String agentContext, List<String> agentExtensions,
            Population population, double timeScale, long seed) {
        this(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts, agentContext, agentExtensions,
                population, timeScale, seed, DEFAULT_ABANDON_CONTEXT);
    }

    /** As the canonical constructor, with no PBX latency. */
    public SimulatorConfig(String bindHost, int amiPort, String amiUsername, String amiSecret,
            Map<String, URI> agiByContext, Set<String> amdContexts, String agentContext, List<String> agentExtensions,
            Population population, double timeScale, long seed, String abandonContext) {
        this(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts, agentContext, agentExtensions,
                population, timeScale, seed, abandonContext, PbxLatency.NONE);
    }

    public SimulatorConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(amiUsername, "amiUsername");
        Objects.requireNonNull(amiSecret, "amiSecret");
        Objects.requireNonNull(agentContext, "agentContext");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(abandonContext, "abandonContext");
        Objects.requireNonNull(latency, "latency");
        agiByContext = Map.copyOf(agiByContext);
        amdContexts = Set.copyOf(amdContexts);
        agentExtensions = List.copyOf(agentExtensions);
        if (amiPort < 0 || amiPort > 65535) {
            throw new IllegalArgumentException("amiPort: " + amiPort + " (expected 0..65535, 0 = any free port)");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale: " + timeScale + " (expected a finite number > 0)");
        }
        for (var e : agiByContext.entrySet()) {
            if (!"agi".equals(e.getValue().getScheme()) || e.getValue().getHost() == null) {
                throw new IllegalArgumentException("agiByContext." + e.getKey() + ": '" + e.getValue()
                        + "' (expected agi://host:port/script)");
            }
        }
    }

    /**
     * Loopback on port 5038 with user {@code dialer}/{@code secret}: {@code dialer-out} runs the given AGI,
     * {@code dialer-out-amd} runs AMD first and then the same AGI, agents 201-204 in {@code dialer-agents}.
     */
    public static SimulatorConfig defaults(URI agiUrl) {
        return new SimulatorConfig("127.0.0.1", 5038, "dialer", "secret",
                Map.of("dialer-out", agiUrl, "dialer-out-amd", agiUrl), Set.of("dialer-out-amd"),
                "dialer-agents", List.of("201", "202", "203", "204"), Population.defaults(), 1.0, 42L);
    }

    public SimulatorConfig withAmiPort(int port) {
        return new SimulatorConfig(bindHost, port, amiUsername, amiSecret, agiByContext, amdContexts, agentContext,
                agentExtensions, population, timeScale, seed, abandonContext, latency);
    }

    public SimulatorConfig withPopulation(Population p) {
        return new SimulatorConfig(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts,
                agentContext, agentExtensions, p, timeScale, seed, abandonContext, latency);
    }

    public SimulatorConfig withTimeScale(double scale) {
        return new SimulatorConfig(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts,
                agentContext, agentExtensions, population, scale, seed, abandonContext, latency);
    }

    public SimulatorConfig withAbandonContext(String context) {
        return new SimulatorConfig(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts,
                agentContext, agentExtensions, population, timeScale, seed, context, latency);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts,
                agentContext, agentExtensions, population, timeScale, s, abandonContext, latency);
    }

    public SimulatorConfig withLatency(PbxLatency l) {
        return new SimulatorConfig(bindHost, amiPort, amiUsername, amiSecret, agiByContext, amdContexts,
                agentContext, agentExtensions, population, timeScale, seed, abandonContext, l);
    }
}

package io.duecall.sipconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * One deployment file: the SIP trunks and agent endpoints, the AMI user the dialer logs in as, where the IVR's
 * FastAGI server listens, the dialplan context names, call recording and answering-machine detection. Both the
 * Asterisk files and the engine's PBX settings are derived from it, so they cannot drift apart. Secrets are
 * references ({@code env:NAME} or {@code file:/path}), resolved only when rendering or connecting.
 */
public record Deployment(
        List<Trunk> trunks,
        List<AgentEndpoint> agents,
        Ami ami,
        Agi agi,
        Contexts contexts,
        Boolean recording,
        Amd amd,
        Abandon abandon) {

    /** A carrier's SIP trunk; the first trunk carries the dialer's calls. */
    public record Trunk(String name, String host, Integer port, String username, String password,
            List<String> codecs, String callerId, Integer channelLimit) {
        public int portOrDefault() {
            return port == null ? 5060 : port;
        }

        public List<String> codecsOrDefault() {
            return codecs == null || codecs.isEmpty() ? List.of("ulaw", "alaw") : codecs;
        }

        /** How the engine dials a number over this trunk: its pjsip.conf endpoint, {@code {number}} the E.164 number. */
        public String dialTemplate() {
            return dialTemplate(name);
        }

        /** The dial template of a trunk named {@code name} whose endpoint of that name is in pjsip.conf. */
        public static String dialTemplate(String name) {
            return "PJSIP/{number}@" + name;
        }
    }

    /** An agent's phone: a browser (WebRTC over WSS) or a SIP desk phone, registered under its extension. */
    public record AgentEndpoint(String extension, AgentKind kind, String password) {
        public AgentKind kindOrDefault() {
            return kind == null ? AgentKind.SIP : kind;
        }
    }

    public enum AgentKind { WEBRTC, SIP }

    /**
     * The AMI user: {@code host}/{@code port} are where the engine reaches Asterisk, {@code permit} the dialer's
     * own addresses (address or address/mask), the only ones Asterisk accepts the login from. {@code bindAddress} is
     * the address Asterisk's AMI listens on: by default {@code host} when that is an IPv4 address; {@code 0.0.0.0}
     * (every interface) only when given.
     */
    public record Ami(String host, Integer port, String username, String secret, List<String> permit,
            String bindAddress) {
        public Ami(String host, Integer port, String username, String secret, List<String> permit) {
            this(host, port, username, secret, permit, null);
        }

        public int portOrDefault() {
            return port == null ? 5038 : port;
        }

        /** The address manager.conf binds to; null when neither {@code bindAddress} nor an IPv4 {@code host} says. */
        public String bindAddressOrDefault() {
            if (bindAddress != null) {
                return bindAddress;
            }
            try {
                return host == null ? null : Ipv4Network.parse(host).address();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** {@code host} is how Asterisk reaches the dialer's FastAGI server; {@code bindHost} where it listens. */
    public record Agi(String host, String bindHost, Integer port) {
        public int portOrDefault() {
            return port == null ? 4573 : port;
        }

        public String bindHostOrDefault() {
            return bindHost == null ? "0.0.0.0" : bindHost;
        }
    }

    public record Contexts(String outbound, String agents, String abandon) {
        public static final Contexts DEFAULTS = new Contexts("dialer-out", "dialer-agents", "dialer-abandon");

        Contexts orDefaults() {
            return new Contexts(outbound == null ? DEFAULTS.outbound : outbound,
                    agents == null ? DEFAULTS.agents : agents, abandon == null ? DEFAULTS.abandon : abandon);
        }
    }

    /** app_amd's parameters in milliseconds (word counts and threshold excepted); null takes Asterisk's default. */
    public record Amd(Boolean enabled, Integer initialSilence, Integer greeting, Integer afterGreetingSilence,
            Integer totalAnalysisTime, Integer minimumWordLength, Integer betweenWordsSilence,
            Integer maximumNumberOfWords, Integer silenceThreshold, Integer maximumWordLength) {
        public static final Amd DEFAULTS = new Amd(true, 2500, 1500, 800, 5000, 100, 50, 2, 256, 5000);
    }

    /** What the PBX plays when an agent's phone does not take a bridged call: the company prompt and callback number. */
    public record Abandon(String companyPrompt, String callbackNumber) {}

    public Contexts contextsOrDefaults() {
        return contexts == null ? Contexts.DEFAULTS : contexts.orDefaults();
    }

    public boolean recordingOn() {
        return Boolean.TRUE.equals(recording);
    }

    /** AMD settings with Asterisk's defaults for every missing key; AMD is on unless {@code amd.enabled} is false. */
    public Amd amdOrDefaults() {
        var d = Amd.DEFAULTS;
        if (amd == null) {
            return d;
        }
        return new Amd(amd.enabled() == null ? d.enabled() : amd.enabled(),
                or(amd.initialSilence(), d.initialSilence()), or(amd.greeting(), d.greeting()),
                or(amd.afterGreetingSilence(), d.afterGreetingSilence()),
                or(amd.totalAnalysisTime(), d.totalAnalysisTime()), or(amd.minimumWordLength(), d.minimumWordLength()),
                or(amd.betweenWordsSilence(), d.betweenWordsSilence()),
                or(amd.maximumNumberOfWords(), d.maximumNumberOfWords()),
                or(amd.silenceThreshold(), d.silenceThreshold()), or(amd.maximumWordLength(), d.maximumWordLength()));
    }

    public boolean amdOn() {
        return amdOrDefaults().enabled();
    }

    /** The trunk the dialer originates on. */
    public Trunk dialTrunk() {
        return trunks.getFirst();
    }

    /** Each trunk's dial template, by trunk name, in the file's order. */
    public SequencedMap<String, String> dialTemplates() {
        var templates = new LinkedHashMap<String, String>();
        trunks.forEach(t -> templates.put(t.name(), t.dialTemplate()));
        return templates;
    }

    public List<AgentEndpoint> agentsOrEmpty() {
        return agents == null ? List.of() : agents;
    }

    private static Integer or(Integer value, Integer fallback) {
        return value == null ? fallback : value;
    }
}

package io.duecall.sipconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a whole deployment and lists every problem, each naming its key; secrets are never echoed. */
final class DeploymentCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,10}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,15}");
    private static final Pattern PROMPT = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*");
    private static final Set<String> CODECS = Set.of("ulaw", "alaw", "g722", "g729", "gsm", "opus", "slin");
    private final List<String> problems = new ArrayList<>();

    static List<String> problems(Deployment d) {
        var check = new DeploymentCheck();
        check.trunks(d.trunks());
        check.agents(d.agents());
        check.ami(d.ami());
        check.agi(d.agi());
        check.contexts(d.contextsOrDefaults());
        check.amd(d.amdOrDefaults());
        check.abandon(d.abandon());
        check.sectionNamesDistinct(d);
        return List.copyOf(check.problems);
    }

    private void trunks(List<Deployment.Trunk> trunks) {
        if (trunks == null || trunks.isEmpty()) {
            problems.add("trunks: missing (expected at least one trunk; the first carries the dialer's calls)");
            return;
        }
        var names = new HashMap<String, Integer>();
        for (int i = 0; i < trunks.size(); i++) {
            var t = trunks.get(i);
            var key = "trunks[" + i + "]";
            if (matches(key + ".name", t.name(), NAME, "a letter, then up to 39 letters, digits, _ or -")) {
                var first = names.putIfAbsent(t.name(), i);
                if (first != null) {
                    problems.add(key + ".name: '" + t.name() + "' is used twice (also trunks[" + first + "])");
                }
            }
            matches(key + ".host", t.host(), HOST, "a host name or IPv4 address");
            port(key + ".port", t.portOrDefault());
            matches(key + ".username", t.username(), USER, "the user name the carrier gave you");
            secret(key + ".password", t.password(), "TRUNK_PASSWORD", "/run/secrets/trunk");
            for (int c = 0; c < t.codecsOrDefault().size(); c++) {
                var codec = t.codecsOrDefault().get(c);
                if (!CODECS.contains(codec)) {
                    problems.add(key + ".codecs[" + c + "]: '" + codec + "' (expected one of " + sorted(CODECS) + ")");
                }
            }
            matches(key + ".callerId", t.callerId(), NUMBER, "the number shown to debtors, digits after an optional +");
            if (t.channelLimit() == null) {
                problems.add(key + ".channelLimit: missing (expected the most calls the carrier allows at once, > 0)");
            } else if (t.channelLimit() <= 0) {
                problems.add(key + ".channelLimit: " + t.channelLimit() + " (expected > 0)");
            }
        }
    }

    private void agents(List<Deployment.AgentEndpoint> agents) {
        if (agents == null) {
            return;
        }
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < agents.size(); i++) {
            var a = agents.get(i);
            var key = "agents[" + i + "]";
            if (matches(key + ".extension", a.extension(), EXTENSION, "2-10 digits")) {
                var first = seen.putIfAbsent(a.extension(), i);
                if (first != null) {
                    problems.add(key + ".extension: '" + a.extension() + "' is used twice (also agents[" + first + "])");
                }
            }
            secret(key + ".password", a.password(), "AGENT_" + (a.extension() == null ? "101" : a.extension())
                    + "_PASSWORD", "/run/secrets/agent-" + (a.extension() == null ? "101" : a.extension()));
        }
    }

    private void ami(Deployment.Ami ami) {
        if (ami == null) {
            problems.add("ami: missing (expected host, username, secret and permit)");
            return;
        }
        matches("ami.host", ami.host(), HOST, "the host name or address the dialer reaches Asterisk's AMI at");
        port("ami.port", ami.portOrDefault());
        matches("ami.username", ami.username(), NAME, "a letter, then up to 39 letters, digits, _ or -");
        secret("ami.secret", ami.secret(), "AMI_SECRET", "/run/secrets/ami");
        if (ami.bindAddress() != null) {
            try {
                if (ami.bindAddress().contains("/")) {
                    throw new IllegalArgumentException("a network");
                }
                Ipv4Network.parse(ami.bindAddress());
            } catch (IllegalArgumentException e) {
                problems.add("ami.bindAddress: '" + ami.bindAddress() + "' (expected the IPv4 address Asterisk's AMI"
                        + " listens on, or 0.0.0.0 for every interface)");
            }
        } else if (ami.host() != null && ami.bindAddressOrDefault() == null) {
            problems.add("ami.bindAddress: missing (expected the IPv4 address Asterisk's AMI listens on, since ami.host"
                    + " '" + ami.host() + "' is a name; 0.0.0.0 listens on every interface)");
        }
        if (ami.permit() == null || ami.permit().isEmpty()) {
            problems.add("ami.permit: missing (expected the dialer's own addresses, e.g. [10.0.0.7/32])");
            return;
        }
        for (int i = 0; i < ami.permit().size(); i++) {
            var value = ami.permit().get(i);
            var key = "ami.permit[" + i + "]";
            try {
                if (Ipv4Network.parse(value).everyAddress()) {
                    problems.add(key + ": '" + value + "' permits every address (expected the dialer's own addresses,"
                            + " e.g. 10.0.0.7/32)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + value + "' (expected an IPv4 address, optionally /bits or /mask)");
            }
        }
    }

    private void agi(Deployment.Agi agi) {
        if (agi == null) {
            problems.add("agi: missing (expected host, the address Asterisk reaches the dialer's FastAGI server at)");
            return;
        }
        matches("agi.host", agi.host(), HOST, "the host name or address Asterisk reaches the dialer at");
        matches("agi.bindHost", agi.bindHostOrDefault(), HOST, "an address of the dialer to listen on");
        port("agi.port", agi.portOrDefault());
    }

    private void contexts(Deployment.Contexts c) {
        var names = new HashMap<String, String>();
        for (var e : List.of(List.of("contexts.outbound", c.outbound()), List.of("contexts.agents", c.agents()),
                List.of("contexts.abandon", c.abandon()))) {
            if (matches(e.get(0), e.get(1), NAME, "a letter, then up to 39 letters, digits, _ or -")) {
                var first = names.putIfAbsent(e.get(1), e.get(0));
                if (first != null) {
                    problems.add(e.get(0) + ": '" + e.get(1) + "' is the same context as " + first);
                }
            }
        }
    }

    private void amd(Deployment.Amd a) {
        var values = List.of(a.initialSilence(), a.greeting(), a.afterGreetingSilence(), a.totalAnalysisTime(),
                a.minimumWordLength(), a.betweenWordsSilence(), a.maximumNumberOfWords(), a.silenceThreshold(),
                a.maximumWordLength());
        var keys = List.of("initialSilence", "greeting", "afterGreetingSilence", "totalAnalysisTime",
                "minimumWordLength", "betweenWordsSilence", "maximumNumberOfWords", "silenceThreshold",
                "maximumWordLength");
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) <= 0) {
                problems.add("amd." + keys.get(i) + ": " + values.get(i) + " (expected > 0)");
            }
        }
        if (a.silenceThreshold() > 32767) {
            problems.add("amd.silenceThreshold: " + a.silenceThreshold() + " (expected at most 32767)");
        }
    }

    private void abandon(Deployment.Abandon a) {
        if (a == null) {
            problems.add("abandon: missing (expected companyPrompt and callbackNumber for the abandon message)");
            return;
        }
        matches("abandon.companyPrompt", a.companyPrompt(), PROMPT, "a sound file name such as duecall/company-reminders");
        matches("abandon.callbackNumber", a.callbackNumber(), NUMBER, "digits after an optional +");
    }

    /** PJSIP section names share one namespace: a trunk named like an agent's extension would collide. */
    private void sectionNamesDistinct(Deployment d) {
        if (d.trunks() == null) {
            return;
        }
        for (int i = 0; i < d.trunks().size(); i++) {
            var name = d.trunks().get(i).name();
            if (name != null && name.startsWith("transport-")) {
                problems.add("trunks[" + i + "].name: '" + name + "' (expected a name not starting with transport-)");
            }
        }
    }

    private boolean matches(String key, String value, Pattern pattern, String expected) {
        if (value == null || value.isEmpty()) {
            problems.add(key + ": missing (expected " + expected + ")");
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(key + ": '" + printable(value) + "' (expected " + expected + ")");
            return false;
        }
        return true;
    }

    private void secret(String key, String value, String envExample, String fileExample) {
        var problem = Secrets.problem(key, value, envExample, fileExample);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private void port(String key, int port) {
        if (port < 1 || port > 65535) {
            problems.add(key + ": " + port + " (expected 1-65535)");
        }
    }

    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}

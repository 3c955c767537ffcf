package io.duecall.pbxsim.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recorded Asterisk 22 transcript ({@code src/test/resources/asterisk22/}), read for what the FastAGI side needs:
 * the environment Asterisk sent, every line each side wrote with its millisecond, the socket closes, the keys the
 * debtor released (AMI {@code DTMFEnd}) and the channel variables the call was originated with.
 */
record AsteriskTranscript(
        String name,
        long connectedAt,
        Map<String, String> environment,
        List<Step> steps,
        List<Key> keys,
        Map<String, String> variables) {

    /** Something on the FastAGI socket after the environment: our command, Asterisk's line, or our close. */
    sealed interface Step {
        long at();
    }

    record Sent(long at, String line) implements Step {}

    record Received(long at, String line) implements Step {}

    record Closed(long at) implements Step {}

    /** A key the debtor released (DTMF END), the moment that counts for Asterisk. */
    record Key(long releasedAt, char digit) {}

    private static final Pattern LINE = Pattern.compile("^(AGI|AMI)([<>#]) \\+(\\d+) ?(.*)$");

    static AsteriskTranscript read(String name) {
        try (var in = AsteriskTranscript.class.getResourceAsStream("/asterisk22/" + name)) {
            Objects.requireNonNull(in, "transcript " + name + " is not on the test classpath");
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AsteriskTranscript parse(String name, String text) {
        long connectedAt = -1;
        var environment = new LinkedHashMap<String, String>();
        var steps = new ArrayList<Step>();
        var keys = new ArrayList<Key>();
        var variables = new LinkedHashMap<String, String>();
        var inEnvironment = false;
        var inDtmfEnd = false;
        long dtmfEndAt = 0;
        for (var raw : text.split("\r?\n")) {
            var m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            var socket = m.group(1);
            var direction = m.group(2);
            var at = Long.parseLong(m.group(3));
            var body = m.group(4);
            if (socket.equals("AMI")) {
                if (direction.equals(">") && body.startsWith("Variable: ")) {
                    var assignment = body.substring("Variable: ".length()).split("=", 2);
                    variables.put(assignment[0], assignment[1]);
                } else if (direction.equals("<") && body.equals("Event: DTMFEnd")) {
                    inDtmfEnd = true;
                    dtmfEndAt = at;
                } else if (inDtmfEnd && body.startsWith("Digit: ")) {
                    keys.add(new Key(dtmfEndAt, body.charAt("Digit: ".length())));
                    inDtmfEnd = false;
                } else if (body.isEmpty()) {
                    inDtmfEnd = false;
                }
                continue;
            }
            switch (direction) {
                case "#" -> {
                    if (body.contains("connection from Asterisk accepted")) {
                        connectedAt = at;
                        inEnvironment = true;
                    } else if (body.contains("we close")) {
                        steps.add(new Closed(at));
                    }
                }
                case "<" -> {
                    if (inEnvironment) {
                        if (body.isEmpty()) {
                            inEnvironment = false;
                        } else {
                            var field = body.split(": ?", 2);
                            environment.put(field[0], field.length > 1 ? field[1] : "");
                        }
                    } else {
                        steps.add(new Received(at, body));
                    }
                }
                default -> steps.add(new Sent(at, body));
            }
        }
        if (connectedAt < 0) {
            throw new IllegalArgumentException(name + ": no FastAGI connection in the transcript");
        }
        return new AsteriskTranscript(name, connectedAt, environment, steps, keys, variables);
    }

    /**
     * The debtor as a caller script: each key released when it was, counted from the FastAGI connection for the
     * first and from the key before for the others.
     */
    CallerScript callerScript() {
        var actions = new ArrayList<String>();
        var previous = connectedAt;
        for (var key : keys) {
            actions.add(key.digit() + "@" + String.format(java.util.Locale.ROOT, "%.3f", (key.releasedAt() - previous) / 1000.0));
            previous = key.releasedAt();
        }
        return new CallerScript(actions);
    }
}

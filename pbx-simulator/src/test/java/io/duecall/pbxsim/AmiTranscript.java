package io.duecall.pbxsim;

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
 * The AMI side of a recorded Asterisk 22 transcript ({@code src/test/resources/asterisk22/}): every message the
 * client sent and every response and event Asterisk wrote, in order, with the FastAGI socket's lines and closes
 * between them. Reads both layouts of the recordings: the timed one ({@code AMI> +12 Action: Login}) and the plain
 * one of the originate outcomes ({@code >>> SENT} before each client message, {@code ########## CASE} between cases).
 */
record AmiTranscript(String name, List<Step> steps) {

    sealed interface Step {}

    /** A message the client sent ({@code sent}) or Asterisk wrote, with its fields in order. */
    record Message(boolean sent, long at, Map<String, String> fields) implements Step {
        String get(String field) {
            return fields.getOrDefault(field, "");
        }

        boolean isEvent(String event) {
            return event.equals(fields.get("Event"));
        }
    }

    /** A line on the FastAGI socket: {@code fromAsterisk} for Asterisk's, else the script's. */
    record AgiLine(boolean fromAsterisk, long at, String line) implements Step {}

    /** Asterisk's FastAGI connection was accepted. */
    record AgiConnected(long at) implements Step {}

    /** The script closed the FastAGI socket. */
    record AgiClosed(long at) implements Step {}

    private static final Pattern TIMED = Pattern.compile("^(AGI|AMI)([<>#]) \\+(\\d+) ?(.*)$");

    static AmiTranscript read(String name) {
        try (var in = AmiTranscript.class.getResourceAsStream("/asterisk22/" + name)) {
            Objects.requireNonNull(in, "transcript " + name + " is not on the test classpath");
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.contains("\nAMI") ? timed(name, text) : new AmiTranscript(name, plain(text, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One case of the plain originate-outcomes recording: the login before the first case, then the section after
     * {@code ########## CASE ... <title>}.
     */
    static AmiTranscript readCase(String name, String caseTitle) {
        try (var in = AmiTranscript.class.getResourceAsStream("/asterisk22/" + name)) {
            Objects.requireNonNull(in, "transcript " + name + " is not on the test classpath");
            return new AmiTranscript(name + " / " + caseTitle,
                    plain(new String(in.readAllBytes(), StandardCharsets.UTF_8), caseTitle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AmiTranscript timed(String name, String text) {
        var steps = new ArrayList<Step>();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean sent = false;
        long at = 0;
        for (var raw : text.split("\r?\n")) {
            var m = TIMED.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            var socket = m.group(1);
            var direction = m.group(2);
            var time = Long.parseLong(m.group(3));
            var body = m.group(4);
            if (socket.equals("AGI")) {
                switch (direction) {
                    case "#" -> {
                        if (body.contains("connection from Asterisk accepted")) {
                            steps.add(new AgiConnected(time));
                        } else if (body.contains("we close")) {
                            steps.add(new AgiClosed(time));
                        }
                    }
                    case "<" -> {
                        if (!body.startsWith("agi_") && !body.isEmpty()) {
                            steps.add(new AgiLine(true, time, body));
                        }
                    }
                    default -> steps.add(new AgiLine(false, time, body));
                }
                continue;
            }
            if (direction.equals("#") || body.startsWith("Asterisk Call Manager/")) {
                continue;
            }
            if (body.isEmpty()) {
                if (!fields.isEmpty()) {
                    steps.add(new Message(sent, at, fields));
                    fields = new LinkedHashMap<>();
                }
                continue;
            }
            if (fields.isEmpty()) {
                sent = direction.equals(">");
                at = time;
            }
            var colon = body.indexOf(':');
            fields.put(body.substring(0, colon), body.substring(colon + 1).strip());
        }
        return new AmiTranscript(name, steps);
    }

    private static List<Step> plain(String text, String caseTitle) {
        var steps = new ArrayList<Step>();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean sent = false;
        boolean nextSent = false;
        // The login before the first case belongs to every case.
        boolean inCase = true;
        for (var line : text.split("\r?\n")) {
            if (line.startsWith("##########")) {
                inCase = caseTitle == null || line.contains(caseTitle);
                continue;
            }
            if (line.equals(">>> SENT")) {
                nextSent = true;
                continue;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty() && inCase) {
                    steps.add(new Message(sent, 0, fields));
                }
                fields = new LinkedHashMap<>();
                continue;
            }
            var colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            if (fields.isEmpty()) {
                sent = nextSent;
                nextSent = false;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        if (!fields.isEmpty() && inCase) {
            steps.add(new Message(sent, 0, fields));
        }
        return steps;
    }

    /** The messages Asterisk wrote, in order. */
    List<Message> received() {
        return steps.stream().filter(s -> s instanceof Message m && !m.sent()).map(Message.class::cast).toList();
    }

    /** The messages the client sent, in order. */
    List<Message> sent() {
        return steps.stream().filter(s -> s instanceof Message m && m.sent()).map(Message.class::cast).toList();
    }
}

package io.duecall.pbxsim.agi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers AGI commands as Asterisk 22's res_agi does for a channel with a {@link SimulatedCaller} on it. Once the
 * caller has hung up, only the commands Asterisk allows on a dead channel run; the rest get 511.
 */
final class AgiCommands {
    static final String INVALID = "510 Invalid or unknown command";
    static final String DEAD = "511 Command Not Permitted on a dead channel or intercepted";
    private static final String ALL_KEYS = "0123456789*#";
    private static final long SAMPLES_PER_SECOND = 8000;

    /** A reply to one command; {@code endsSession} when the script hung the channel up. */
    record Reply(String text, boolean endsSession) {
        static Reply of(String text) {
            return new Reply(text, false);
        }
    }

    private final SimulatedCaller caller;
    private final Map<String, String> variables;

    AgiCommands(SimulatedCaller caller, Map<String, String> variables) {
        this.caller = caller;
        this.variables = new HashMap<>(variables);
    }

    Reply execute(AgiCommandLine cmd, boolean dead) {
        if (cmd.is("GET", "VARIABLE")) {
            return cmd.size() == 3 ? getVariable(cmd.arg(2)) : usage("GET VARIABLE <variablename>");
        }
        if (cmd.is("GET", "FULL", "VARIABLE")) {
            return cmd.size() >= 4 ? getVariable(cmd.arg(3)) : usage("GET FULL VARIABLE <expression> [<channelname>]");
        }
        if (cmd.is("SET", "VARIABLE")) {
            return setVariable(cmd);
        }
        if (cmd.is("EXEC")) {
            return cmd.size() >= 2 ? Reply.of("200 result=0") : usage("EXEC <application> <options>");
        }
        if (cmd.is("VERBOSE")) {
            return cmd.size() >= 2 && cmd.size() <= 3 ? Reply.of("200 result=1") : usage("VERBOSE <message> <level>");
        }
        if (cmd.is("NOOP")) {
            return Reply.of("200 result=0");
        }
        if (!isKnownLiveCommand(cmd)) {
            return Reply.of(INVALID);
        }
        return dead ? Reply.of(DEAD) : executeLive(cmd);
    }

    private static boolean isKnownLiveCommand(AgiCommandLine cmd) {
        return cmd.is("ANSWER") || cmd.is("HANGUP") || cmd.is("STREAM", "FILE") || cmd.is("WAIT", "FOR", "DIGIT")
                || cmd.is("GET", "DATA") || cmd.is("GET", "OPTION") || cmd.is("SAY", "NUMBER")
                || cmd.is("SAY", "DIGITS") || cmd.is("SAY", "DATE") || cmd.is("SAY", "ALPHA");
    }

    private Reply executeLive(AgiCommandLine cmd) {
        if (cmd.is("ANSWER")) {
            return Reply.of("200 result=0");
        }
        if (cmd.is("HANGUP")) {
            return new Reply("200 result=1", /* endsSession= */ true);
        }
        if (cmd.is("STREAM", "FILE")) {
            return streamFile(cmd);
        }
        if (cmd.is("WAIT", "FOR", "DIGIT")) {
            return waitForDigit(cmd);
        }
        if (cmd.is("GET", "DATA")) {
            return new GetData(caller).execute(cmd);
        }
        if (cmd.is("GET", "OPTION")) {
            return getOption(cmd);
        }
        return say(cmd);
    }

    private Reply getVariable(String name) {
        var value = variables.get(name);
        return Reply.of(value == null ? "200 result=0" : "200 result=1 (" + value + ")");
    }

    private Reply setVariable(AgiCommandLine cmd) {
        if (cmd.size() != 4) {
            return usage("SET VARIABLE <variablename> <value>");
        }
        variables.put(cmd.arg(2), cmd.arg(3));
        return Reply.of("200 result=1");
    }

    private Reply streamFile(AgiCommandLine cmd) {
        if (cmd.size() < 4 || cmd.size() > 5) {
            return usage("STREAM FILE <filename> <escape_digits> [<sample offset>]");
        }
        var offset = cmd.size() == 5 ? parseLong(cmd.arg(4)) : Optional.of(0L);
        if (offset.isEmpty() || offset.get() < 0) {
            return usage("STREAM FILE <filename> <escape_digits> [<sample offset>]");
        }
        var key = caller.listenTo(SimulatedCaller.PROMPT, cmd.arg(3));
        var played = key.isPresent() ? SimulatedCaller.KEY_DELAY : SimulatedCaller.PROMPT;
        return Reply.of("200 result=" + code(key) + " endpos=" + (offset.get() + samples(played)));
    }

    private Reply waitForDigit(AgiCommandLine cmd) {
        var timeout = cmd.size() == 4 ? parseLong(cmd.arg(3)) : Optional.<Long>empty();
        if (timeout.isEmpty()) {
            return usage("WAIT FOR DIGIT <timeout>");
        }
        var key = caller.awaitKey(Duration.ofMillis(timeout.get()), ALL_KEYS);
        return Reply.of("200 result=" + code(key));
    }

    private Reply getOption(AgiCommandLine cmd) {
        var timeout = cmd.size() == 5 ? parseLong(cmd.arg(4)) : Optional.of(GetData.DEFAULT_TIMEOUT.toMillis());
        if (cmd.size() < 4 || cmd.size() > 5 || timeout.isEmpty()) {
            return usage("GET OPTION <filename> <escape_digits> [<timeout>]");
        }
        var escape = cmd.arg(3);
        var key = caller.listenTo(SimulatedCaller.PROMPT, escape);
        var played = key.isPresent() ? SimulatedCaller.KEY_DELAY : SimulatedCaller.PROMPT;
        if (key.isEmpty()) {
            var wait = timeout.get() == 0 ? GetData.DEFAULT_TIMEOUT : Duration.ofMillis(timeout.get());
            key = caller.awaitKey(wait, escape);
        }
        return Reply.of("200 result=" + code(key) + " endpos=" + samples(played));
    }

    private Reply say(AgiCommandLine cmd) {
        var syntax = "SAY " + cmd.arg(1).toUpperCase(java.util.Locale.ROOT) + " <value> <escape digits>";
        var numeric = cmd.is("SAY", "NUMBER") || cmd.is("SAY", "DATE");
        var maxArgs = cmd.is("SAY", "NUMBER") ? 5 : 4;
        if (cmd.size() < 4 || cmd.size() > maxArgs || (numeric && parseLong(cmd.arg(2)).isEmpty())) {
            return usage(syntax);
        }
        return Reply.of("200 result=" + code(caller.listenTo(SimulatedCaller.PROMPT, cmd.arg(3))));
    }

    static String code(Optional<Character> key) {
        return key.map(k -> Integer.toString(k)).orElse("0");
    }

    private static long samples(Duration played) {
        return played.toMillis() * SAMPLES_PER_SECOND / 1000;
    }

    static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Reply usage(String syntax) {
        return Reply.of("520-Invalid command syntax.  Proper usage follows:\n Usage: " + syntax
                + "\n520 End of proper usage.");
    }
}

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
    static final String ALL_KEYS = "0123456789*#";
    private static final long SAMPLES_PER_SECOND = 8000;
    /** Asterisk writes one 20 ms frame ahead of what the caller has heard, so an interrupted prompt's endpos leads by it. */
    private static final long FRAME_SAMPLES = 160;
    /** Sayers speak one sound file per letter or digit, about this long each (en/a, en/b, en/c: 0.61 to 0.87 s). */
    static final Duration PER_CHARACTER = Duration.ofMillis(740);
    /** Sound files of Asterisk's own set whose length the recorded transcripts show; every other prompt is {@link SimulatedCaller#PROMPT}. */
    private static final Map<String, Long> CORE_SOUND_SAMPLES = Map.of("invalid", 32892L);

    /** A reply to one command; {@code endsSession} when the script hung the channel up. */
    record Reply(String text, boolean endsSession) {
        static Reply of(String text) {
            return new Reply(text, false);
        }
    }

    private final SimulatedCaller caller;
    private final Map<String, String> variables;
    private final SoundFiles sounds;

    AgiCommands(SimulatedCaller caller, Map<String, String> variables, SoundFiles sounds) {
        this.caller = caller;
        this.variables = new HashMap<>(variables);
        this.sounds = sounds;
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
            return cmd.size() >= 2 ? exec(cmd, dead) : usage("EXEC <application> <options>");
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
        if (!sounds.exists(cmd.arg(2))) {
            // res_agi's handle_streamfile when ast_openstream finds no such file: the offset asked, nothing played.
            return Reply.of("200 result=-1 endpos=" + offset.get());
        }
        var length = samplesOf(cmd.arg(2));
        var remaining = Math.max(0, length - offset.get());
        var heard = caller.listenTo(duration(remaining), cmd.arg(3));
        var endpos = heard.key().isPresent()
                ? Math.min(length, offset.get() + samples(heard.ran()) + FRAME_SAMPLES)
                // Played to the end; an offset past the end is where res_agi's seek stops, the file's length.
                : Math.min(length, offset.get() + remaining);
        return Reply.of("200 result=" + code(heard.key()) + " endpos=" + endpos);
    }

    /**
     * {@code EXEC Wait} and {@code EXEC Playback} take their time and hear no key, as Asterisk's ast_safe_sleep and
     * Playback drop DTMF; other applications return at once.
     */
    private Reply exec(AgiCommandLine cmd, boolean dead) {
        if (dead) {
            return Reply.of("200 result=0");
        }
        var app = cmd.arg(1).toLowerCase(java.util.Locale.ROOT);
        var options = cmd.size() > 2 ? cmd.arg(2) : "";
        if (app.equals("wait")) {
            caller.deaf(seconds(options).orElse(Duration.ZERO));
        } else if (app.equals("playback")) {
            for (var file : options.split(",")[0].split("&")) {
                caller.deaf(duration(samplesOf(file)));
            }
        }
        return Reply.of("200 result=0");
    }

    private Reply waitForDigit(AgiCommandLine cmd) {
        var timeout = cmd.size() == 4 ? parseLong(cmd.arg(3)) : Optional.<Long>empty();
        if (timeout.isEmpty()) {
            return usage("WAIT FOR DIGIT <timeout>");
        }
        var key = caller.awaitKey(Duration.ofMillis(timeout.get()), ALL_KEYS);
        return Reply.of("200 result=" + code(key));
    }

    /** As res_agi's GET OPTION: the prompt hears its escape digits; the wait after it ends on any key, 0 for one not among them. */
    private Reply getOption(AgiCommandLine cmd) {
        var timeout = cmd.size() == 5 ? parseLong(cmd.arg(4)) : Optional.of(GetData.DEFAULT_TIMEOUT.toMillis());
        if (cmd.size() < 4 || cmd.size() > 5 || timeout.isEmpty()) {
            return usage("GET OPTION <filename> <escape_digits> [<timeout>]");
        }
        var escape = cmd.arg(3);
        var length = samplesOf(cmd.arg(2));
        var heard = caller.listenTo(duration(length), escape);
        var key = heard.key();
        var endpos = key.isPresent() ? Math.min(length, samples(heard.ran()) + FRAME_SAMPLES) : length;
        if (key.isEmpty()) {
            var wait = timeout.get() == 0 ? GetData.DEFAULT_TIMEOUT : Duration.ofMillis(timeout.get());
            key = caller.awaitKey(wait, ALL_KEYS).filter(k -> escape.indexOf(k) >= 0);
        }
        return Reply.of("200 result=" + code(key) + " endpos=" + endpos);
    }

    private Reply say(AgiCommandLine cmd) {
        var syntax = "SAY " + cmd.arg(1).toUpperCase(java.util.Locale.ROOT) + " <value> <escape digits>";
        var numeric = cmd.is("SAY", "NUMBER") || cmd.is("SAY", "DATE");
        var maxArgs = cmd.is("SAY", "NUMBER") ? 5 : 4;
        if (cmd.size() < 4 || cmd.size() > maxArgs || (numeric && parseLong(cmd.arg(2)).isEmpty())) {
            return usage(syntax);
        }
        var length = cmd.is("SAY", "ALPHA") || cmd.is("SAY", "DIGITS")
                ? PER_CHARACTER.multipliedBy(Math.max(1, cmd.arg(2).length())) : SimulatedCaller.PROMPT;
        return Reply.of("200 result=" + code(caller.listenTo(length, cmd.arg(3)).key()));
    }

    static String code(Optional<Character> key) {
        return key.map(k -> Integer.toString(k)).orElse("0");
    }

    private static long samples(Duration played) {
        return played.toNanos() * SAMPLES_PER_SECOND / 1_000_000_000L;
    }

    private static Duration duration(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / SAMPLES_PER_SECOND);
    }

    static Duration lengthOf(String soundFile) {
        return duration(samplesOf(soundFile));
    }

    static long samplesOf(String soundFile) {
        return CORE_SOUND_SAMPLES.getOrDefault(soundFile, samples(SimulatedCaller.PROMPT));
    }

    private static Optional<Duration> seconds(String text) {
        try {
            var value = new java.math.BigDecimal(text.split(",")[0].trim());
            return value.signum() <= 0 || value.compareTo(java.math.BigDecimal.valueOf(3600)) > 0 ? Optional.empty()
                    : Optional.of(Duration.ofNanos(value.movePointRight(9).longValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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

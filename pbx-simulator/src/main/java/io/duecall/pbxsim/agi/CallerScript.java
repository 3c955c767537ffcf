package io.duecall.pbxsim.agi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a simulated person on the line does, in order. A plain key (0-9, * or #) is pressed by a caller who waits to
 * be asked: it is pressed {@link SimulatedCaller#KEY_DELAY} into the first wait for input that takes it (WAIT FOR
 * DIGIT, GET DATA once its prompt is over, the wait of GET OPTION), after the question has been heard. {@code k@S} is pressed by a caller who does not wait: it is
 * released {@code S} seconds after the caller's previous action (the start of the session for the first), whatever
 * the IVR is doing then, and, as on Asterisk, only a command reading digits at that moment hears it; a key released
 * during a prompt that does not let it escape, during {@code EXEC Wait} or {@code Playback}, or between two
 * commands is lost. {@code t} stays silent through one wait for input; {@code h} hangs up at the next command. Once
 * the script is used up the caller stays silent.
 */
public record CallerScript(List<String> actions) {
    private static final Pattern ACTION = Pattern.compile("[0-9*#th]|[0-9*#]@[0-9]{1,4}(\\.[0-9]{1,3})?");

    public CallerScript {
        actions = List.copyOf(actions);
        for (var a : actions) {
            if (!ACTION.matcher(a).matches()) {
                throw new IllegalArgumentException("caller script action: '" + a
                        + "' (expected 0-9, *, #, t or h, or a key pressed after a delay such as 1@2.5)");
            }
        }
    }

    /** Parses a space-separated script such as {@code "1 t 0"}; blank means a caller who never presses anything. */
    public static CallerScript parse(String script) {
        var trimmed = script == null ? "" : script.trim();
        return new CallerScript(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }

    /** True when some key is pressed without waiting to be asked. */
    public boolean barges() {
        return actions.stream().anyMatch(a -> a.indexOf('@') > 0);
    }

    /** One action: its key or letter, and for a key pressed without waiting, its delay after the previous action. */
    record Action(char what, Optional<Duration> after) {
        static Action of(String text) {
            var at = text.indexOf('@');
            if (at < 0) {
                return new Action(text.charAt(0), Optional.empty());
            }
            var seconds = new BigDecimal(text.substring(at + 1));
            return new Action(text.charAt(0), Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValueExact())));
        }

        boolean isKey() {
            return what != 't' && what != 'h';
        }
    }
}

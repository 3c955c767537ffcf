package io.duecall.pbxsim.agi;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One FastAGI session as Asterisk would open it from the dialplan {@code AGI(agi://host:port/script,args...)}:
 * the channel it runs on, its channel variables (for GET VARIABLE), and the simulated caller on the line.
 *
 * @param timeScale multiplies every simulated duration (prompt playback, key-press delay, silence); 1.0 is real time
 * @param clock     measures the time the script spends between commands, which passes on the call as it does on a real PBX
 */
public record AgiCallSpec(
        URI agiUrl,
        String channel,
        String uniqueId,
        String context,
        List<String> args,
        Map<String, String> variables,
        CallerScript caller,
        double timeScale,
        Clock clock) {
    public AgiCallSpec {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(agiUrl, "agiUrl");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(caller, "caller");
        args = List.copyOf(args);
        variables = Map.copyOf(variables);
        if (!"agi".equals(agiUrl.getScheme()) || agiUrl.getHost() == null) {
            throw new IllegalArgumentException("agiUrl: '" + agiUrl + "' (expected agi://host:port/script)");
        }
        requireSingleLine("channel", channel);
        requireSingleLine("uniqueId", uniqueId);
        requireSingleLine("context", context);
        args.forEach(a -> requireSingleLine("args", a));
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale: " + timeScale + " (expected > 0)");
        }
    }

    public AgiCallSpec(URI agiUrl, String channel, String uniqueId, String context, List<String> args,
            Map<String, String> variables, CallerScript caller, double timeScale) {
        this(agiUrl, channel, uniqueId, context, args, variables, caller, timeScale, Clock.systemUTC());
    }

    /** The environment block is line-based, so a value with a line break would forge extra agi_* lines. */
    private static void requireSingleLine(String field, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + ": '" + value.strip() + "' (expected no line breaks)");
        }
    }
}

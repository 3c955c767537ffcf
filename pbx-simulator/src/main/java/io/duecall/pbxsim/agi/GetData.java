package io.duecall.pbxsim.agi;

import java.time.Duration;
import java.util.Optional;

/**
 * GET DATA as Asterisk runs it: the prompt plays until the first key, then keys are collected until '#', the
 * digit limit, or a silence as long as the timeout; a silence ends the reply with {@code (timeout)}, after any
 * digits already collected (so a key and then silence reads {@code 200 result=2 (timeout)}).
 */
final class GetData {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);
    private static final String KEYS = "0123456789*#";
    private static final int UNLIMITED_DIGITS = 1024;
    private static final String SYNTAX = "GET DATA <file to be streamed> [timeout] [max digits]";

    private final SimulatedCaller caller;

    GetData(SimulatedCaller caller) {
        this.caller = caller;
    }

    AgiCommands.Reply execute(AgiCommandLine cmd) {
        var timeoutMs = cmd.size() >= 4 ? AgiCommands.parseLong(cmd.arg(3)) : Optional.of(0L);
        var maxDigits = cmd.size() >= 5 ? AgiCommands.parseLong(cmd.arg(4)) : Optional.of(0L);
        if (cmd.size() < 3 || cmd.size() > 5 || timeoutMs.isEmpty() || maxDigits.isEmpty()) {
            return AgiCommands.usage(SYNTAX);
        }
        var timeout = timeoutMs.get() <= 0 ? DEFAULT_TIMEOUT : Duration.ofMillis(timeoutMs.get());
        var max = maxDigits.get() <= 0 || maxDigits.get() > UNLIMITED_DIGITS ? UNLIMITED_DIGITS : maxDigits.get();
        return collect(AgiCommands.lengthOf(cmd.arg(2)), timeout, max);
    }

    private AgiCommands.Reply collect(Duration prompt, Duration timeout, long max) {
        var digits = new StringBuilder();
        var key = caller.listenTo(prompt, KEYS).key();
        while (digits.length() < max) {
            if (key.isEmpty()) {
                key = caller.awaitKey(timeout, KEYS);
            }
            if (key.isEmpty()) {
                return AgiCommands.Reply.of("200 result=" + digits + " (timeout)");
            }
            if (key.get() == '#') {
                break;
            }
            digits.append(key.get());
            key = Optional.empty();
        }
        return AgiCommands.Reply.of("200 result=" + digits);
    }
}

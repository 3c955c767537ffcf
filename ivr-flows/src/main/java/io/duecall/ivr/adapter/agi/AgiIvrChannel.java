package io.duecall.ivr.adapter.agi;

import io.duecall.ivr.flow.CallerHungUpException;
import io.duecall.ivr.flow.IvrChannel;
import io.duecall.ivr.flow.IvrChannelFailedException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.command.GetDataCommand;

/**
 * An {@link IvrChannel} over an asterisk-java FastAGI channel. A hang-up or a lost connection becomes
 * {@link CallerHungUpException}; a key outside {@code 0-9*#} is treated as no key.
 */
final class AgiIvrChannel implements IvrChannel {
    private static final String KEYS = "0123456789*#";
    /** asterisk-java hands result=-1 (the channel failed, usually a hang-up) over as this char. */
    private static final char FAILED = (char) -1;
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,32}");

    @FunctionalInterface
    private interface AgiCall<T> {
        T run() throws AgiException;
    }

    private final AgiChannel channel;

    AgiIvrChannel(AgiChannel channel) {
        this.channel = channel;
    }

    @Override
    public void answer() {
        call("ANSWER", () -> { channel.answer(); return null; });
    }

    @Override
    public void speakIn(String language) {
        if (!language.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("language: '" + language + "' (expected a 2-3 letter language code)");
        }
        call("SET VARIABLE CHANNEL(language)", () -> {
            channel.setVariable("CHANNEL(language)", language);
            return null;
        });
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(call("GET VARIABLE " + name, () -> channel.getVariable(name)));
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        return key(call("STREAM FILE " + prompt, () -> channel.streamFile(prompt, escapeDigits)));
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        var millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return key(call("WAIT FOR DIGIT", () -> channel.waitForDigit(millis)));
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        return key(call("SAY NUMBER", () -> channel.sayNumber(Long.toString(number), escapeDigits)));
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        return key(call("SAY DIGITS", () -> channel.sayDigits(digits, escapeDigits)));
    }

    @Override
    public Optional<Character> sayAlpha(String text, String escapeDigits) {
        return key(call("SAY ALPHA", () -> channel.sayAlpha(text, escapeDigits)));
    }

    @Override
    public Optional<Character> sayDate(LocalDate date, String escapeDigits) {
        // Noon UTC names the same calendar day in every zone the PBX might speak it in.
        var epoch = date.atTime(LocalTime.NOON).toEpochSecond(ZoneOffset.UTC);
        var reply = call("SAY DATE", () -> channel.sendCommand(new SayDateCommand(epoch, escapeDigits)));
        return key(reply.getResultCodeAsChar());
    }

    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        var millis = Math.min(Integer.MAX_VALUE, timeout.toMillis());
        var reply = call("GET DATA " + prompt, () -> channel.sendCommand(new GetDataCommand(prompt, millis, maxDigits)));
        var digits = reply.getResult();
        if ("-1".equals(digits)) {
            throw new CallerHungUpException();
        }
        return digits != null && DIGITS.matcher(digits).matches() && digits.length() <= maxDigits
                ? Optional.of(digits) : Optional.empty();
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        var args = silence.toMillis() + ",1," + Math.max(1, max.toSeconds());
        var result = call("EXEC WaitForSilence", () -> channel.exec("WaitForSilence", args));
        if (result == -1) {
            throw new CallerHungUpException();
        }
    }

    @Override
    public void hangup() {
        call("HANGUP", () -> { channel.hangup(); return null; });
    }

    private static Optional<Character> key(char reply) {
        if (reply == FAILED) {
            throw new CallerHungUpException();
        }
        return KEYS.indexOf(reply) >= 0 && reply != 0 ? Optional.of(reply) : Optional.empty();
    }

    private static <T> T call(String command, AgiCall<T> agi) {
        try {
            return agi.run();
        } catch (AgiHangupException | AgiNetworkException e) {
            throw new CallerHungUpException(e);
        } catch (AgiException e) {
            throw new IvrChannelFailedException(command, e);
        }
    }
}

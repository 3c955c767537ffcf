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

/**
 * An {@link IvrChannel} over an asterisk-java FastAGI channel. A hang-up or a lost connection becomes
 * {@link CallerHungUpException}; a key outside {@code 0-9*#} is treated as no key.
 */
final class AgiIvrChannel implements IvrChannel {
    private static final String KEYS = "0123456789*#";
    /** asterisk-java hands result=-1 (the channel failed, usually a hang-up) over as this char. */
    private static final char FAILED = (char) -1;

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
    public void sayDigits(String digits) {
        call("SAY DIGITS", () -> { channel.sayDigits(digits); return null; });
    }

    @Override
    public void sayAlpha(String text) {
        call("SAY ALPHA", () -> { channel.sayAlpha(text); return null; });
    }

    @Override
    public void sayDate(LocalDate date) {
        // Noon UTC names the same calendar day in every zone the PBX might speak it in.
        var epoch = date.atTime(LocalTime.NOON).toEpochSecond(ZoneOffset.UTC);
        call("SAY DATE", () -> channel.sendCommand(new SayDateCommand(epoch)));
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

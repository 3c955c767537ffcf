package io.duecall.ivr.adapter.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.ivr.flow.CallerHungUpException;
import io.duecall.ivr.flow.IvrChannelFailedException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgiIvrChannelTest {

    /** An AgiChannel whose every key-returning command answers {@code reply}, or throws it if it is an exception. */
    private static AgiIvrChannel channelAnswering(Object reply) {
        var agi = (AgiChannel) Proxy.newProxyInstance(AgiChannel.class.getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    if (reply instanceof Throwable t) {
                        throw t;
                    }
                    return method.getReturnType() == char.class ? reply : null;
                });
        return new AgiIvrChannel(agi);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '5', '9', '*', '#'})
    void passesKeysOfTheKeypadThrough(char key) {
        var channel = channelAnswering(key);

        var pressed = channel.play("duecall/menu-promise-agent", "0123456789*#");

        assertEquals(Optional.of(key), pressed);
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'x', ' ', '\n', (char) 0})
    void treatsAnythingElseAsNoKey(char reply) {
        var channel = channelAnswering(reply);

        var pressed = channel.waitForDigit(Duration.ofSeconds(5));

        assertEquals(Optional.empty(), pressed);
    }

    @Test
    void resultMinusOneMeansTheCallerIsGone() {
        var channel = channelAnswering((char) -1);

        assertThrows(CallerHungUpException.class, () -> channel.play("duecall/amount-due", ""));
    }

    @Test
    void agiHangupBecomesCallerHungUp() {
        var channel = channelAnswering(new AgiHangupException());

        assertThrows(CallerHungUpException.class, channel::answer);
    }

    @Test
    void otherAgiFailuresNameTheCommand() {
        var channel = channelAnswering(new InvalidOrUnknownCommandException("SAY DIGITS"));

        var failure = assertThrows(IvrChannelFailedException.class, () -> channel.sayDigits("18005550100", ""));

        assertEquals("IVR command failed: SAY DIGITS", failure.getMessage());
    }
}

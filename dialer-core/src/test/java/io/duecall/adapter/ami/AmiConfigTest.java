package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmiConfigTest {

    @Test
    void defaultsAreValidAndDialLocalChannels() {
        var config = AmiConfig.defaults();

        var channel = config.channelFor("+14155550123");

        assertEquals("Local/+14155550123@debtors", channel);
    }

    @Test
    void everyInvalidKeyIsReportedAtOnce() {
        var error = assertThrows(IllegalArgumentException.class, () -> new AmiConfig(" ", 70000, "dialer", "s",
                "PJSIP/trunk", "dialer-out", "", Duration.ZERO, Duration.ofSeconds(-1), 0));

        var message = error.getMessage();
        assertTrue(message.contains("ami.host is missing"), message);
        assertTrue(message.contains("ami.port was '70000' but it must be between 1 and 65535"), message);
        assertTrue(message.contains("ami.dialTemplate was 'PJSIP/trunk' but it must contain {number}"), message);
        assertTrue(message.contains("ami.agentContext is missing"), message);
        assertTrue(message.contains("ami.actionTimeout was 'PT0S' but it must be > 0"), message);
        assertTrue(message.contains("ami.pingInterval was 'PT-1S' but it must be > 0"), message);
        assertTrue(message.contains("ami.eventQueueCapacity was '0' but it must be > 0"), message);
    }

    @Test
    void valuesThatWouldInjectHeadersAreRejected() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> AmiConfig.defaults().withCredentials("dialer\r\nAction: Logoff", "x\nEvents: on"));

        assertTrue(error.getMessage().contains("ami.username was"), error.getMessage());
        assertTrue(error.getMessage().contains("ami.secret must be a single line"), error.getMessage());
        assertFalse(error.getMessage().contains("Events: on"), error.getMessage());
    }

    @Test
    void secretNeverAppearsInToString() {
        var config = AmiConfig.defaults().withCredentials("dialer", "hunter2-very-secret");

        var text = config.toString();

        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("secret=****"), text);
    }
}

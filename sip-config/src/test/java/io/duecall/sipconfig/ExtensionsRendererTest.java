package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtensionsRendererTest {

    @Test
    void rendersDefaultContextsAsTheGoldenFile() throws IOException {
        var expected = golden("extensions-default.conf");

        var rendered = ExtensionsRenderer.render(DialplanSettings.defaults());

        assertEquals(expected, rendered);
    }

    @Test
    void leavesOutAnsweringMachineDetectionWhenDisabled() {
        var settings = new DialplanSettings("out", "agents", "SIP/{ext}", URI.create("agi://10.0.0.5:4573/reminder"), false);

        var rendered = ExtensionsRenderer.render(settings);

        assertFalse(rendered.contains("AMD()"));
    }

    @Test
    void refusesAContextNameThatCouldBreakTheFile() {
        var error = assertThrows(IllegalArgumentException.class, () -> new DialplanSettings(
                "out]\n[evil", "agents", "PJSIP/{ext}", URI.create("agi://127.0.0.1:4573/reminder"), true));

        assertEquals("outboundContext: 'out]\n[evil' (expected 1-79 letters, digits, _ or -)", error.getMessage());
    }

    @Test
    void refusesAnAgiAddressWithoutAScript() {
        var error = assertThrows(IllegalArgumentException.class, () -> new DialplanSettings(
                "out", "agents", "PJSIP/{ext}", URI.create("agi://127.0.0.1:4573"), true));

        assertEquals("agiUrl: 'agi://127.0.0.1:4573' (expected agi://host:port/script)", error.getMessage());
    }

    private static String golden(String name) throws IOException {
        try (var in = ExtensionsRendererTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

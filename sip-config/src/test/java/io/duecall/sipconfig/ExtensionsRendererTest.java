package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtensionsRendererTest {
    private static final Deployment.Abandon ABANDON = new Deployment.Abandon("duecall/company", "+18005550199");

    @Test
    void rendersDefaultContextsAsTheGoldenFile() throws IOException {
        var expected = golden("extensions-default.conf");

        var rendered = ExtensionsRenderer.render(DialplanSettings.defaults(), ABANDON, false);

        assertEquals(expected, rendered);
    }

    @Test
    void leavesOutAnsweringMachineDetectionWhenDisabled() {
        var settings = new DialplanSettings("out", "agents", "abandon", "SIP/{ext}",
                URI.create("agi://10.0.0.5:4573/reminder"), false);

        var rendered = ExtensionsRenderer.render(settings, ABANDON, false);

        assertFalse(rendered.contains("AMD()"));
        assertTrue(rendered.contains(" same => n,Dial(SIP/${EXTEN},20)\n same => n,Goto(abandon,s,1)\n"), rendered);
        assertTrue(rendered.contains("[abandon]\n"), rendered);
    }

    @Test
    void refusesAnAbandonContextThatIsAlsoTheAgentContext() {
        var error = assertThrows(IllegalArgumentException.class, () -> new DialplanSettings(
                "out", "agents", "agents", "PJSIP/{ext}", URI.create("agi://127.0.0.1:4573/reminder"), true));

        assertEquals("abandonContext: 'agents' (expected a context other than outboundContext and agentContext)",
                error.getMessage());
    }

    @Test
    void refusesAContextNameThatCouldBreakTheFile() {
        var error = assertThrows(IllegalArgumentException.class, () -> new DialplanSettings(
                "out]\n[evil", "agents", "abandon", "PJSIP/{ext}", URI.create("agi://127.0.0.1:4573/reminder"), true));

        assertEquals("outboundContext: 'out]\n[evil' (expected 1-79 letters, digits, _ or -)", error.getMessage());
    }

    @Test
    void refusesAnAgiAddressWithoutAScript() {
        var error = assertThrows(IllegalArgumentException.class, () -> new DialplanSettings(
                "out", "agents", "abandon", "PJSIP/{ext}", URI.create("agi://127.0.0.1:4573"), true));

        assertEquals("agiUrl: 'agi://127.0.0.1:4573' (expected agi://host:port/script)", error.getMessage());
    }

    private static String golden(String name) throws IOException {
        try (var in = ExtensionsRendererTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

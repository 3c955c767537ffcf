package io.duecall.pbxsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private static final String VALID = """
            outcomes: {answered: 5, machine: 1, busy: 1, noAnswer: 1, congestion: 1, failed: 1}
            ringSeconds: {min: 2, max: 10}
            personas:
              - {name: promiser, weight: 3, script: "1 1"}
              - {name: hanger, weight: 1, script: "h"}
            agentTalkSeconds: {mean: 60, sd: 20}
            fixed:
              "+15550101": {outcome: busy}
              "102": {outcome: answered, script: "1 7 1"}
            """;

    private static Population load(String yaml) {
        return Population.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validYamlLoadsWithFixedNumbers() {
        var p = load(VALID);

        assertEquals(Outcome.BUSY, p.fixed().get("+15550101").outcome());
        assertEquals("1 7 1", p.fixed().get("102").script());
        assertEquals(2, p.personas().size());
    }

    @Test
    void bundledDefaultsLoad() {
        var p = Population.defaults();

        assertTrue(p.personas().size() >= 6);
        assertTrue(p.personas().stream().anyMatch(persona -> persona.callerScript().barges()),
                "some bundled callers press keys during prompts");
    }

    @Test
    void unknownKeyIsNamedInTheError() {
        var yaml = VALID.replace("ringSeconds: {min: 2, max: 10}", "ringSeconds: {min: 2, max: 10, maximum: 12}");

        var e = assertThrows(InvalidPopulationException.class, () -> load(yaml));

        assertTrue(e.getMessage().startsWith("ringSeconds.maximum: unknown key"), e.getMessage());
    }

    @Test
    void missingNumberIsNamedInTheError() {
        var yaml = VALID.replace("ringSeconds: {min: 2, max: 10}", "ringSeconds: {min: 2}");

        var e = assertThrows(InvalidPopulationException.class, () -> load(yaml));

        assertEquals("ringSeconds.max: missing (expected a number)", e.getMessage());
    }

    @Test
    void negativeWeightIsNamedInTheError() {
        var yaml = VALID.replace("busy: 1", "busy: -1");

        var e = assertThrows(InvalidPopulationException.class, () -> load(yaml));

        assertEquals("outcomes.busy: -1.0 (expected >= 0)", e.getMessage());
    }

    @Test
    void badPersonaScriptNamesTheListEntry() {
        var yaml = VALID.replace("script: \"h\"", "script: \"x\"");

        var e = assertThrows(InvalidPopulationException.class, () -> load(yaml));

        assertTrue(e.getMessage().startsWith("personas[1].script: 'x'"), e.getMessage());
    }

    @Test
    void unknownOutcomeIsRejected() {
        var yaml = VALID.replace("outcome: busy", "outcome: maybe");

        var e = assertThrows(InvalidPopulationException.class, () -> load(yaml));

        assertTrue(e.getMessage().startsWith("fixed.+15550101.outcome"), e.getMessage());
    }
}

package io.duecall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void onlyRunsTheNamedPartsWithTheGivenAgents() {
        var options = BenchOptions.parse(new String[] {"--only", "originates,agi", "--agents", "300"});

        assertEquals(Set.of(BenchOptions.Part.ORIGINATES, BenchOptions.Part.AGI), options.parts());
        assertFalse(options.runs(BenchOptions.Part.REDIS));
        assertEquals(300, options.agents());
    }

    @Test
    void everyPartRunsByDefault() {
        var options = BenchOptions.parse(new String[0]);

        assertTrue(options.runs(BenchOptions.Part.REDIS) && options.runs(BenchOptions.Part.AGI)
                && options.runs(BenchOptions.Part.ORIGINATES));
        assertEquals(BenchOptions.DEFAULT_AGENTS, options.agents());
    }

    @Test
    void unknownPartIsNamed() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--only", "originates,imports"}));

        assertEquals("--only: 'imports' (expected redis, agi, originates, ledger, habits, comma-separated)", error.getMessage());
    }
}

package io.duecall.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class RulesFingerprintTest {

    @Test
    void sameRulesGiveTheSameFingerprint() {
        assertEquals(RulesFingerprint.of(ContactRules.defaults()), RulesFingerprint.of(ContactRules.defaults()));
        assertTrue(RulesFingerprint.of(ContactRules.defaults()).matches("rules-[0-9a-f]{12}"));
    }

    @Test
    void anyChangeGivesANewFingerprint() {
        var closedOnSunday = ContactRules.defaults().withWindow(WeeklyWindows.defaults().closedOn(DayOfWeek.SUNDAY));

        assertNotEquals(RulesFingerprint.of(ContactRules.defaults()), RulesFingerprint.of(closedOnSunday));
    }
}

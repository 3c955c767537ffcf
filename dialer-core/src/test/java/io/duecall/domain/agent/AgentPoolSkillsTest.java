package io.duecall.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPoolSkillsTest {
    private static final CampaignId EARLY = new CampaignId("early");
    private static final CampaignId LATE = new CampaignId("late");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Optional<Locale> SPANISH = Optional.of(Locale.forLanguageTag("es-MX"));
    private final AgentId plain = new AgentId("101");
    private final AgentId spanish = new AgentId("102");
    private final AgentId spanishSenior = new AgentId("103");
    private final AgentId lateSpanish = new AgentId("104");
    private final AgentPool pool = new AgentPool(List.of(
            new AgentSeat(plain, Set.of(EARLY)),
            new AgentSeat(spanish, Set.of(EARLY), Set.of("es")),
            new AgentSeat(spanishSenior, Set.of(EARLY), Set.of("es", "late-stage")),
            new AgentSeat(lateSpanish, Set.of(LATE), Set.of("es"))),
            Duration.ofSeconds(20));

    @Test
    void reservesOnlyAnAgentWithEveryRequiredSkill() {
        pool.login(plain, T0);
        pool.login(spanish, T0.plusSeconds(1));
        pool.login(spanishSenior, T0.plusSeconds(2));

        var chosen = pool.reserveLongestIdle(EARLY, Set.of("es", "late-stage"), T0.plusSeconds(3));

        assertEquals(Optional.of(spanishSenior), chosen);
        assertEquals(AgentState.RESERVED, pool.state(spanishSenior, T0.plusSeconds(3)));
    }

    @Test
    void amongSkilledAgentsTheLongestIdleIsChosen() {
        pool.login(plain, T0);
        pool.login(spanishSenior, T0.plusSeconds(1));
        pool.login(spanish, T0.plusSeconds(2));

        var chosen = pool.reserveLongestIdle(EARLY, Set.of("es"), T0.plusSeconds(3));

        assertEquals(Optional.of(spanishSenior), chosen);
    }

    @Test
    void noSkilledAgentReadyReservesNobody() {
        pool.login(plain, T0);
        pool.login(lateSpanish, T0);

        var chosen = pool.reserveLongestIdle(EARLY, Set.of("es"), T0.plusSeconds(1));

        assertEquals(Optional.empty(), chosen);
        assertEquals(AgentState.READY, pool.state(plain, T0.plusSeconds(1)));
    }

    @Test
    void withoutRequiredSkillsAnyAgentOfTheCampaignServes() {
        pool.login(spanish, T0);
        pool.login(plain, T0.plusSeconds(1));

        assertEquals(Optional.of(spanish), pool.reserveLongestIdle(EARLY, T0.plusSeconds(2)));
    }

    @Test
    void debtorsLanguageIsRequiredWhileAnAgentOfTheCampaignSpeaksIt() {
        pool.login(spanish, T0);
        pool.pause(spanish, T0.plusSeconds(1));

        assertEquals(Set.of("es"), pool.skillsFor(EARLY, SPANISH, T0.plusSeconds(2)));
    }

    @Test
    void debtorsLanguageIsNotRequiredWhenNoLoggedInAgentOfTheCampaignSpeaksIt() {
        pool.login(plain, T0);
        pool.login(lateSpanish, T0);

        assertEquals(Set.of(), pool.skillsFor(EARLY, SPANISH, T0.plusSeconds(1)));
    }

    @Test
    void campaignSkillsAreRequiredWhateverTheLanguage() {
        pool.requireSkills(EARLY, Set.of("late-stage"));

        assertEquals(Set.of("late-stage"), pool.skillsFor(EARLY, Optional.empty(), T0));
        assertEquals(Set.of(), pool.skillsFor(LATE, Optional.empty(), T0));
    }

    @Test
    void refusesASkillThatIsNotALowercaseWordNamingTheSeat() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AgentSeat(new AgentId("105"), Set.of(EARLY), Set.of("Late Stage")));

        assertTrue(e.getMessage().contains("agent 105.skills: 'Late Stage'"), e.getMessage());
    }
}

package io.duecall.app;

import static io.duecall.app.AgentSteps.reserve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AgentRoster;
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
            Duration.ofSeconds(20), new InMemoryAgentRoster(), "");

    @Test
    void reservesOnlyAnAgentWithEveryRequiredSkill() {
        pool.ready(plain, T0);
        pool.ready(spanish, T0.plusSeconds(1));
        pool.ready(spanishSenior, T0.plusSeconds(2));

        var chosen = reserve(pool, EARLY, Set.of("es", "late-stage"), T0.plusSeconds(3));

        assertEquals(Optional.of(spanishSenior), chosen);
        assertEquals(AgentState.RESERVED, pool.figures().state(spanishSenior, T0.plusSeconds(3)));
    }

    @Test
    void amongSkilledAgentsTheLongestIdleIsChosen() {
        pool.ready(plain, T0);
        pool.ready(spanishSenior, T0.plusSeconds(1));
        pool.ready(spanish, T0.plusSeconds(2));

        var chosen = reserve(pool, EARLY, Set.of("es"), T0.plusSeconds(3));

        assertEquals(Optional.of(spanishSenior), chosen);
    }

    @Test
    void noSkilledAgentReadyReservesNobody() {
        pool.ready(plain, T0);
        pool.ready(lateSpanish, T0);

        var chosen = reserve(pool, EARLY, Set.of("es"), T0.plusSeconds(1));

        assertEquals(Optional.empty(), chosen);
        assertEquals(AgentState.READY, pool.figures().state(plain, T0.plusSeconds(1)));
    }

    @Test
    void withoutRequiredSkillsAnyAgentOfTheCampaignServes() {
        pool.ready(spanish, T0);
        pool.ready(plain, T0.plusSeconds(1));

        assertEquals(Optional.of(spanish), reserve(pool, EARLY, T0.plusSeconds(2)));
    }

    @Test
    void debtorsLanguageIsRequiredWhileAnAgentOfTheCampaignSpeaksIt() {
        pool.ready(plain, T0);
        pool.ready(spanish, T0);
        pool.pause(spanish, "break", T0.plusSeconds(1));

        // the speaker is only paused: the call waits for them (or another speaker) rather than go to plain
        assertEquals(Optional.empty(), reserveSpanish(EARLY, T0.plusSeconds(2)));
        pool.ready(spanish, T0.plusSeconds(3));
        assertEquals(Optional.of(spanish), reserveSpanish(EARLY, T0.plusSeconds(4)));
    }

    @Test
    void debtorsLanguageIsNotRequiredWhenNoLoggedInAgentOfTheCampaignSpeaksIt() {
        pool.ready(plain, T0);
        pool.ready(lateSpanish, T0);

        assertEquals(Optional.of(plain), reserveSpanish(EARLY, T0.plusSeconds(1)));
    }

    @Test
    void campaignSkillsAreRequiredWhateverTheLanguage() {
        pool.requireSkills(EARLY, Set.of("late-stage"));
        pool.ready(plain, T0);
        pool.ready(spanishSenior, T0.plusSeconds(1));
        pool.ready(lateSpanish, T0.plusSeconds(2));

        assertEquals(Optional.of(spanishSenior), reserveSpeaking(EARLY, Optional.empty(), T0.plusSeconds(3)));
        assertEquals(Optional.empty(), reserveSpeaking(EARLY, Optional.empty(), T0.plusSeconds(3)));
        assertEquals(Optional.of(lateSpanish), reserveSpeaking(LATE, Optional.empty(), T0.plusSeconds(3)));
    }

    @Test
    void aSpeakerWithoutTheCampaignsSkillsDoesNotHoldTheCallBack() {
        var senior = new AgentId("105");
        var pool = new AgentPool(List.of(new AgentSeat(spanish, Set.of(EARLY), Set.of("es")),
                new AgentSeat(senior, Set.of(EARLY), Set.of("late-stage"))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
        pool.requireSkills(EARLY, Set.of("late-stage"));
        pool.ready(spanish, T0);
        pool.ready(senior, T0.plusSeconds(1));

        // the Spanish speaker could not take a late-stage call, so the debtor gets the senior agent, not a wait
        assertEquals(Optional.of(senior), pool.reserveFor(EARLY, SPANISH, seat -> true, "call-1", Instant.MAX,
                T0.plusSeconds(2)));
    }

    @Test
    void anAgentWhosePhoneIsUnreachableIsPassedOver() {
        pool.ready(spanish, T0);
        pool.ready(spanishSenior, T0.plusSeconds(1));

        var chosen = pool.reserveFor(EARLY, SPANISH, seat -> !seat.id().equals(spanish), "call-1", Instant.MAX,
                T0.plusSeconds(2));

        assertEquals(Optional.of(spanishSenior), chosen);
    }

    @Test
    void aReservationReadsTheRosterOnce() {
        var reads = new int[1];
        var memory = new InMemoryAgentRoster();
        var counting = new AgentRoster() {
            @Override
            public List<Stored> read(List<AgentId> agents) {
                reads[0]++;
                return memory.read(agents);
            }

            @Override
            public boolean replace(AgentId agent, long expectedVersion, AgentRecord next) {
                return memory.replace(agent, expectedVersion, next);
            }
        };
        var pool = new AgentPool(List.of(new AgentSeat(plain, Set.of(EARLY)),
                new AgentSeat(spanish, Set.of(EARLY), Set.of("es"))), Duration.ofSeconds(20), counting, "node-a");
        pool.ready(plain, T0);
        pool.ready(spanish, T0);
        reads[0] = 0;

        assertEquals(Optional.of(spanish), pool.reserveFor(EARLY, SPANISH, seat -> true, "call-1", Instant.MAX,
                T0.plusSeconds(1)));
        assertEquals(1, reads[0]);
    }

    private Optional<AgentId> reserveSpanish(CampaignId campaign, Instant now) {
        return reserveSpeaking(campaign, SPANISH, now);
    }

    private Optional<AgentId> reserveSpeaking(CampaignId campaign, Optional<Locale> language, Instant now) {
        return pool.reserveFor(campaign, language, seat -> true, "call-" + now.getEpochSecond(), Instant.MAX, now);
    }

    @Test
    void refusesASkillThatIsNotALowercaseWordNamingTheSeat() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AgentSeat(new AgentId("105"), Set.of(EARLY), Set.of("Late Stage")));

        assertTrue(e.getMessage().contains("agent 105.skills: 'Late Stage'"), e.getMessage());
    }
}

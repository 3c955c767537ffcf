package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The location-only flow for third-party contacts: what it may contain, and that a contact's call runs it. */
class LocationFlowTest {
    private static final String HEADER = """
            id: location-test
            version: "1"
            audience: third-party
            start: greet
            steps:
            """;

    @Test
    void bundledLocationFlowLoadsAndIsForThirdParties() {
        var flow = FlowLoader.locationFlow();

        assertTrue(flow.forThirdParties());
        assertEquals("location:1", flow.ledgerVersion());
    }

    @Test
    void thirdPartyFlowThatCouldSayOrAskAnythingMoreIsRefusedNamingEachStep() {
        var yaml = HEADER + """
                  greet:
                    say: [greeting, company, first-name]
                    ask: duecall/press-1-yes-2-no
                    on: { "1": verified, failed: bye }
                  verified:
                    action: verified
                    on: { next: disclose }
                  disclose:
                    say: [amount-due, due-date]
                    next: bye
                  bye:
                    say: [prompt:duecall/goodbye]
                    end: NO_COMMITMENT
                """;

        var problems = assertThrows(InvalidFlowException.class, () -> FlowLoader.read("location-test.yaml", yaml)).problems();

        assertEquals(List.of(
                "step 'greet' of a third-party flow: asks duecall/press-1-yes-2-no (expected no question or menu)",
                "step 'verified' of a third-party flow: action verified (expected only screen-machine or wait-for-beep)",
                "step 'disclose' of a third-party flow: says amount-due (expected nothing about the debt)",
                "step 'disclose' of a third-party flow: says due-date (expected nothing about the debt)",
                "step 'bye' of a third-party flow: end NO_COMMITMENT (expected one of [HUNG_UP, MACHINE, NO_INPUT, THIRD_PARTY])"),
                problems);
    }

    @Test
    void unknownAudienceIsRefused() {
        var yaml = HEADER.replace("third-party", "everyone") + """
                  greet:
                    say: [company]
                    end: THIRD_PARTY
                """;

        var problems = assertThrows(InvalidFlowException.class, () -> FlowLoader.read("x.yaml", yaml)).problems();

        assertEquals(List.of("audience: 'everyone' (expected debtor or third-party)"), problems);
    }

    @Test
    void aDebtorsFlowCannotServeAsTheLocationFlow() {
        var sessions = new InMemoryCallSessions(new java.util.ArrayList<>());

        var error = assertThrows(IllegalArgumentException.class, () -> new ReminderFlow(sessions, Duration.ofSeconds(5),
                FlowLoader.defaultFlow(), FlowLoader.defaultFlow()));

        assertTrue(error.getMessage().startsWith("locationFlow: reminder:4"), error.getMessage());
    }

    @Test
    void contactsCallRunsTheLocationFlowAndEndsAsThirdParty() {
        var events = new java.util.ArrayList<String>();
        var sessions = new InMemoryCallSessions(events);
        var call = TestCalls.locationCall(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new ScriptedIvrChannel("1 1 1", java.util.Map.of("AMDSTATUS", "HUMAN"), events);

        var outcome = new ReminderFlow(sessions, Duration.ofSeconds(5)).run(call, channel);

        assertEquals(new FlowOutcome.Finished(io.duecall.domain.attempt.Disposition.THIRD_PARTY), outcome);
        assertTrue(events.stream().noneMatch(e -> e.startsWith("sayNumber") || e.startsWith("sayDate")
                || e.contains(Prompts.AMOUNT_DUE) || e.startsWith("wait") || e.startsWith("keyed")), events.toString());
        assertTrue(events.contains("play:" + Prompts.TRYING_TO_REACH) && events.contains("sayAlpha:Anna"), events.toString());
        assertEquals(java.util.Optional.of("location:1"), sessions.flowVersion(TestCalls.CALL_ID));
    }
}

package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.AgentHandoff;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default flow's promise options 2 and 3, read-back and change, opt-out, callback and the flow version. */
class PromiseOptionsFlowTest {
    private final List<String> events = new ArrayList<>();
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(events);

    private FlowOutcome run(String callerScript) {
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new ScriptedIvrChannel(callerScript, Map.of("AMDSTATUS", "HUMAN"), events);
        return new ReminderFlow(sessions, Duration.ofSeconds(5)).run(call, channel);
    }

    @Test
    void pressing2LetsTheDebtorKeyADateWithinTheHorizon() {
        var outcome = run("1 2 0 3 1 2 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        var promise = sessions.promise(TestCalls.CALL_ID).orElseThrow();
        assertEquals("2026-03-12", promise.payBy().toString());
        assertEquals("125.50 USD", promise.amount().toString());
    }

    @Test
    void dateBeyondTheHorizonIsRefusedAndAskedAgain() {
        var outcome = run("1 2 0 3 2 0 0 3 1 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertEquals("2026-03-11", sessions.promise(TestCalls.CALL_ID).orElseThrow().payBy().toString());
        assertEquals(1, events.stream().filter(("play:" + Prompts.INVALID)::equals).count());
    }

    @Test
    void dateNotInTheCalendarIsRefusedAndThreeBadDatesEndWithoutAPromise() {
        var outcome = run("1 2 0 2 3 0 1 3 4 5 9 9 9 9");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_COMMITMENT), outcome);
        assertEquals(Optional.empty(), sessions.promise(TestCalls.CALL_ID));
        assertEquals(3, events.stream().filter(("play:" + Prompts.INVALID)::equals).count());
    }

    @Test
    void pressing3PromisesAPartOfTheAmountByTheHorizon() {
        var outcome = run("1 3 5 0 # 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        var promise = sessions.promise(TestCalls.CALL_ID).orElseThrow();
        assertEquals("50.00 USD", promise.amount().toString());
        assertEquals("2026-03-13", promise.payBy().toString());
    }

    @Test
    void partMoreThanTheAmountDueIsRefused() {
        run("1 3 9 0 0 1 0 # 1");

        assertEquals("10.00 USD", sessions.promise(TestCalls.CALL_ID).orElseThrow().amount().toString());
        assertTrue(events.contains("keyed:900"), events.toString());
    }

    @Test
    void theProposalIsReadBackBeforeItIsStored() {
        run("1 3 5 0 # 1");

        var readBack = events.indexOf("play:" + Prompts.YOU_PROMISE);
        assertEquals(List.of("sayNumber:50", "play:" + Prompts.BY, "sayDate:2026-03-13",
                "play:" + Prompts.CONFIRM_OR_CHANGE), events.subList(readBack + 1, readBack + 5));
        assertTrue(readBack < events.indexOf("recordPromise:50.00 USD:2026-03-13"), events.toString());
    }

    @Test
    void pressing2AtTheReadBackReturnsToTheMenuWithNothingStored() {
        var outcome = run("1 1 2 t t t");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_COMMITMENT), outcome);
        assertEquals(Optional.empty(), sessions.promise(TestCalls.CALL_ID));
        assertEquals(0, sessions.recordRequests());
    }

    @Test
    void pressingConfirmTwiceStoresOnePromise() {
        var outcome = run("1 1 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertEquals(1, sessions.recordRequests());
        assertEquals(List.of("c-9142:PROMISE_TO_PAY"), sessions.finished());
    }

    @Test
    void pressing9OptsTheNumberOutBeforeSayingSo() {
        var outcome = run("1 9");

        assertEquals(new FlowOutcome.Finished(Disposition.OPTED_OUT), outcome);
        assertTrue(sessions.optedOut(TestCalls.CALL_ID));
        assertTrue(events.indexOf("optOut") < events.indexOf("play:" + Prompts.OPTED_OUT), events.toString());
    }

    @Test
    void hangingUpRightAfterTheOptOutKeepsItsVerdict() {
        var outcome = run("1 9 h");

        assertEquals(new FlowOutcome.Finished(Disposition.OPTED_OUT), outcome);
        assertEquals(List.of("c-9142:OPTED_OUT"), sessions.finished());
    }

    @Test
    void noFreeAgentOffersACallbackAtTheHourTheDebtorKeys() {
        sessions.answerAgentRequestsWith(new AgentHandoff.NoAgent());

        var outcome = run("1 0 1 4 #");

        assertEquals(new FlowOutcome.Finished(Disposition.ABANDONED), outcome);
        assertEquals(Optional.of(Instant.parse("2026-03-10T19:00:00Z")), sessions.callback(TestCalls.CALL_ID));
        assertTrue(events.contains("play:" + Prompts.CALLBACK_CONFIRMED), events.toString());
    }

    @Test
    void callbackHourBeforeNowIsTomorrow() {
        sessions.answerAgentRequestsWith(new AgentHandoff.NoAgent());

        run("1 0 9 #");

        assertEquals(Optional.of(Instant.parse("2026-03-11T14:00:00Z")), sessions.callback(TestCalls.CALL_ID));
    }

    @Test
    void callbackHourOutsideTheDayIsRefused() {
        sessions.answerAgentRequestsWith(new AgentHandoff.NoAgent());

        run("1 0 2 3 #");

        assertEquals(Optional.empty(), sessions.callback(TestCalls.CALL_ID));
        assertFalse(events.contains("play:" + Prompts.CALLBACK_CONFIRMED), events.toString());
    }

    @Test
    void theFlowVersionIsGivenToTheDialer() {
        run("2");

        assertEquals(Optional.of("reminder:4"), sessions.flowVersion(TestCalls.CALL_ID));
    }
}

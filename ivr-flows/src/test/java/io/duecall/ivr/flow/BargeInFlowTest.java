package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Callers who press a key while the IVR speaks ({@code ~k} in the script): the key answers the question the prompt
 * leads to when the prompt lets it escape, and is lost otherwise, as on Asterisk.
 */
class BargeInFlowTest {
    private static final Map<String, String> HUMAN = Map.of("AMDSTATUS", "HUMAN");
    private static final String MENU_KEYS = "01239";

    private final List<String> events = new ArrayList<>();
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(events);
    private final Map<String, String> escapes = new java.util.HashMap<>();

    private FlowOutcome run(String callerScript) {
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new EscapeRecordingChannel(new ScriptedIvrChannel(callerScript, HUMAN, events), escapes);
        return new ReminderFlow(sessions, Duration.ofSeconds(5)).run(call, channel);
    }

    @Test
    void aKeyPressedDuringTheAmountReadBackAnswersTheMenuAndTheRestIsNotPlayed() {
        var outcome = run("1 ~1 ~1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertEquals("125.50 USD", sessions.promise(TestCalls.CALL_ID).orElseThrow().amount().toString());
        var amount = events.indexOf("play:" + Prompts.AMOUNT_DUE);
        assertEquals("play:" + Prompts.YOU_PROMISE, events.get(amount + 1), events.toString());
        assertFalse(events.contains("play:" + Prompts.MENU_PROMISE_AGENT), events.toString());
        assertFalse(events.contains("play:" + Prompts.CONFIRM_OR_CHANGE), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.startsWith("lost:")), events.toString());
    }

    @Test
    void everyPromptOfTheReadBackAndTheMenuListensForTheMenuKeys() {
        run("1 t t t");

        assertEquals(MENU_KEYS, escapes.get("play:" + Prompts.AMOUNT_DUE));
        assertEquals(MENU_KEYS, escapes.get("sayNumber:125"));
        assertEquals(MENU_KEYS, escapes.get("play:" + Prompts.DUE_ON));
        assertEquals(MENU_KEYS, escapes.get("sayDate:2026-03-01"));
        assertEquals(MENU_KEYS, escapes.get("play:" + Prompts.MENU_PROMISE_AGENT));
    }

    @Test
    void keysPressedBeforeTheNameHasBeenSpokenAreLostAndNeverVerify() {
        var outcome = run("~1 ~1 ~1 ~1 ~1 ~1 t t t");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_INPUT), outcome);
        assertFalse(events.contains("play:" + Prompts.AMOUNT_DUE), events.toString());
        for (var lead : List.of("play:" + Prompts.GREETING_MORNING, "play:duecall/company-march-reminders",
                "play:" + Prompts.IF_YOU_ARE, "sayAlpha:Anna")) {
            assertEquals("", escapes.get(lead), lead);
            assertTrue(events.contains("lost:1 at " + lead), events.toString());
        }
    }

    @Test
    void theQuestionAfterTheNameListensForItsKeys() {
        run("2");

        assertEquals("12", escapes.get("play:" + Prompts.PRESS_1_YES_2_NO));
    }

    @Test
    void aKeyTheMenuDoesNotTakeIsLostDuringTheReadBackAndTheReadBackGoesOn() {
        var outcome = run("1 ~7 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertTrue(events.contains("lost:7 at play:" + Prompts.AMOUNT_DUE), events.toString());
        assertTrue(events.contains("sayNumber:125"), events.toString());
        assertFalse(events.contains("play:" + Prompts.INVALID), events.toString());
    }

    @Test
    void aKeyPressedDuringNotAValidChoiceAnswersTheMenu() {
        run("1 7 ~0 t");

        var invalid = events.indexOf("play:" + Prompts.INVALID);
        assertEquals(MENU_KEYS, escapes.get("play:" + Prompts.INVALID));
        assertEquals("requestAgent", events.get(invalid + 1), events.toString());
        assertEquals(1, events.stream().filter(("play:" + Prompts.MENU_PROMISE_AGENT)::equals).count(), events.toString());
    }

    @Test
    void theSafeHarborMessageIsPlayedWhole() {
        run("1 0 ~5 ~5 ~5 ~5 t");

        assertEquals("", escapes.get("play:" + Prompts.ABANDON), events.toString());
        assertTrue(events.contains("lost:5 at play:" + Prompts.ABANDON), events.toString());
    }

    /** Notes the escape digits each command (named as in the events) was first sent with. */
    private record EscapeRecordingChannel(IvrChannel channel, Map<String, String> escapes) implements IvrChannel {
        private void note(String command, String escapeDigits) {
            escapes.putIfAbsent(command, escapeDigits);
        }

        @Override
        public void answer() {
            note("answer", "");
            channel.answer();
        }

        @Override
        public Optional<String> variable(String name) {
            note("variable:" + name, "");
            return channel.variable(name);
        }

        @Override
        public Optional<Character> play(String prompt, String escapeDigits) {
            note("play:" + prompt, escapeDigits);
            return channel.play(prompt, escapeDigits);
        }

        @Override
        public Optional<Character> waitForDigit(Duration timeout) {
            note("wait", FlowRun.ANY_KEY);
            return channel.waitForDigit(timeout);
        }

        @Override
        public Optional<Character> sayNumber(long number, String escapeDigits) {
            note("sayNumber:" + number, escapeDigits);
            return channel.sayNumber(number, escapeDigits);
        }

        @Override
        public Optional<Character> sayDigits(String digits, String escapeDigits) {
            note("sayDigits:" + digits, escapeDigits);
            return channel.sayDigits(digits, escapeDigits);
        }

        @Override
        public Optional<Character> sayAlpha(String text, String escapeDigits) {
            note("sayAlpha:" + text, escapeDigits);
            return channel.sayAlpha(text, escapeDigits);
        }

        @Override
        public Optional<Character> sayDate(java.time.LocalDate date, String escapeDigits) {
            note("sayDate:" + date, escapeDigits);
            return channel.sayDate(date, escapeDigits);
        }

        @Override
        public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
            note("readDigits:" + prompt, FlowRun.ANY_KEY);
            return channel.readDigits(prompt, maxDigits, timeout);
        }

        @Override
        public void waitForSilence(Duration silence, Duration max) {
            note("waitForSilence", "");
            channel.waitForSilence(silence, max);
        }

        @Override
        public void hangup() {
            note("hangup", "");
            channel.hangup();
        }
    }
}

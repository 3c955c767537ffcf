package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.AgentHandoff;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderFlowTest {
    private static final Map<String, String> HUMAN = Map.of("AMDSTATUS", "HUMAN");
    private static final List<String> DEBT_MENTIONS = List.of(
            "play:" + Prompts.AMOUNT_DUE, "play:" + Prompts.DUE_ON, "play:" + Prompts.MENU_PROMISE_AGENT,
            "play:" + Prompts.PROMISE_CONFIRMED, "play:" + Prompts.YOU_PROMISE, "play:" + Prompts.ENTER_DATE,
            "play:" + Prompts.ENTER_AMOUNT, "play:" + Prompts.CONFIRM_OR_CHANGE);

    private final List<String> events = new ArrayList<>();
    private final InMemoryCallSessions sessions = new InMemoryCallSessions(events);

    private FlowOutcome run(String callerScript, Map<String, String> variables, CampaignMode mode, int hour) {
        var call = TestCalls.call(mode, hour);
        sessions.add(call);
        var channel = new ScriptedIvrChannel(callerScript, variables, events);
        return new ReminderFlow(sessions, Duration.ofSeconds(5)).run(call, channel);
    }

    private FlowOutcome run(String callerScript) {
        return run(callerScript, HUMAN, CampaignMode.IVR_REMINDER, 10);
    }

    private List<String> verdicts() {
        return sessions.finished();
    }

    private static boolean mentionsDebt(List<String> events) {
        return events.stream().anyMatch(e -> DEBT_MENTIONS.contains(e) || e.startsWith("sayNumber")
                || e.startsWith("sayDate") || e.startsWith("readDigits:" + Prompts.ENTER_DATE)
                || e.startsWith("readDigits:" + Prompts.ENTER_AMOUNT));
    }

    @Test
    void everyStepTheCallerGoesThroughIsReportedForTheAgentsScreen() {
        run("1 0");

        var steps = sessions.steps.get(TestCalls.CALL_ID);
        assertTrue(steps.size() >= 3, String.valueOf(steps));
        assertEquals(FlowLoader.defaultFlow().start(), steps.getFirst());
        assertTrue(steps.stream().anyMatch(s -> s.contains("agent")), String.valueOf(steps));
    }

    @Test
    void aFlowThatRoutesAroundTheSecondFactorStillCannotSayTheAmount() {
        var flow = FlowLoader.read("bypass.yaml", """
                id: bypass
                version: "1"
                start: verify
                steps:
                  verify:
                    say: [first-name]
                    ask: duecall/press-1-yes-2-no
                    on: { "1": shortcut, "2": checked, failed: bye }
                  shortcut:
                    action: verified
                    on: { next: disclose }
                  checked:
                    action: verified
                    on: { next: factor }
                  factor:
                    action: second-factor
                    on: { passed: disclose, none: disclose, failed: bye }
                  disclose:
                    say: [amount-due]
                    next: bye
                  bye:
                    say: [prompt:duecall/goodbye]
                    end: auto
                """);
        var call = TestCalls.withAccount(TestCalls.call(CampaignMode.IVR_REMINDER, 10),
                account -> account.withSecondFactor(io.duecall.domain.account.SecondFactor.birthYear(1980)));
        sessions.add(call);
        var channel = new ScriptedIvrChannel("1", HUMAN, events);

        assertThrows(IllegalStateException.class, () -> new ReminderFlow(sessions, Duration.ofSeconds(5), flow).run(call, channel));

        assertFalse(mentionsDebt(events), events.toString());
        assertEquals(List.of("c-9142:NO_INPUT"), verdicts());
        assertEquals(List.of(), sessions.disclosures(), "a second factor owed: not verified, nothing disclosed");
    }

    @Test
    void verifiedDebtorWhoPresses1AndConfirmsPromisesTheAmountWithinTheHorizon() {
        var outcome = run("1 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertEquals("2026-03-13", sessions.promise(TestCalls.CALL_ID).orElseThrow().payBy().toString());
        assertEquals("125.50 USD", sessions.promise(TestCalls.CALL_ID).orElseThrow().amount().toString());
        assertEquals(List.of("c-9142:PROMISE_TO_PAY"), verdicts());
    }

    @Test
    void promiseIsStoredBeforeItsConfirmationIsPlayed() {
        run("1 1 1");

        var stored = events.indexOf("recordPromise:125.50 USD:2026-03-13");
        assertTrue(stored >= 0, events.toString());
        assertTrue(stored < events.indexOf("play:" + Prompts.PROMISE_CONFIRMED), events.toString());
        var confirmed = events.indexOf("play:" + Prompts.PROMISE_CONFIRMED);
        assertEquals(List.of("sayNumber:125", "play:" + Prompts.BY, "sayDate:2026-03-13"),
                events.subList(confirmed + 1, confirmed + 4));
    }

    @Test
    void promiseThatCouldNotBeRecordedIsNeverConfirmedAndTheCallerHearsWhomToCall() {
        sessions.refusePromises = true;

        var outcome = run("1 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_NOT_RECORDED), outcome);
        assertFalse(events.contains("play:" + Prompts.PROMISE_CONFIRMED), events.toString());
        var failed = events.indexOf("play:" + Prompts.PROMISE_NOT_RECORDED);
        assertTrue(failed > events.indexOf("recordPromise:125.50 USD:2026-03-13"), events.toString());
        assertTrue(events.get(failed + 1).startsWith("sayDigits:"), events.toString());
        assertEquals(List.of("c-9142:PROMISE_NOT_RECORDED"), verdicts());
    }

    @Test
    void verifiedDebtorHearsAmountInMajorUnitsAndDueDate() {
        run("1 1 1");

        var amount = events.indexOf("play:" + Prompts.AMOUNT_DUE);
        assertEquals(List.of("sayNumber:125", "play:" + Prompts.DUE_ON, "sayDate:2026-03-01"),
                events.subList(amount + 1, amount + 4));
    }

    @Test
    void debtorWhoPresses0IsHandedToTheAgentWithNoFurtherCommandsOrVerdict() {
        sessions.answerAgentRequestsWith(new AgentHandoff.Bridging("SIP/agent-7"));

        var outcome = run("1 0");

        assertEquals(new FlowOutcome.HandedToAgent("SIP/agent-7"), outcome);
        assertEquals("requestAgent", events.get(events.size() - 1));
        assertEquals(List.of(), verdicts());
    }

    @Test
    void noFreeAgentAbandonsWithTheIdentifyingMessage() {
        sessions.answerAgentRequestsWith(new AgentHandoff.NoAgent());

        var outcome = run("1 0");

        assertEquals(new FlowOutcome.Finished(Disposition.ABANDONED), outcome);
        var abandon = events.indexOf("play:" + Prompts.ABANDON);
        assertEquals(List.of("play:duecall/company-march-reminders", "play:" + Prompts.CALL_US_AT,
                "sayDigits:18005550100", "readDigits:" + Prompts.CALLBACK_OFFER, "keyed:", "play:" + Prompts.GOODBYE,
                "hangup"), events.subList(abandon + 1, events.size() - 1));
        assertEquals(List.of("c-9142:ABANDONED"), verdicts());
    }

    @Test
    void wrongPartyNeverHearsAboutTheDebt() {
        var outcome = run("2");

        assertEquals(new FlowOutcome.Finished(Disposition.THIRD_PARTY), outcome);
        assertFalse(mentionsDebt(events), events.toString());
        assertTrue(events.contains("sayDigits:18005550100"), events.toString());
        assertTrue(events.contains("play:" + Prompts.MESSAGE_FOR), events.toString());
        assertEquals(List.of("c-9142:THIRD_PARTY"), verdicts());
    }

    @Test
    void rightPartyCheckNamesTheDebtorByFirstName() {
        run("2");

        var ask = events.indexOf("play:" + Prompts.IF_YOU_ARE);
        assertEquals(List.of("sayAlpha:Anna", "play:" + Prompts.PRESS_1_YES_2_NO), events.subList(ask + 1, ask + 3));
    }

    @Test
    void invalidKeyPlaysInvalidAndRepeatsTheMenu() {
        var outcome = run("1 7 1 1");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        var invalid = events.indexOf("play:" + Prompts.INVALID);
        assertEquals(List.of("play:" + Prompts.MENU_PROMISE_AGENT, "wait"), events.subList(invalid - 2, invalid));
        assertEquals("play:" + Prompts.MENU_PROMISE_AGENT, events.get(invalid + 1));
    }

    @Test
    void threeSilentMenusEndWithGoodbyeAndNoCommitment() {
        var outcome = run("1 t t t");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_COMMITMENT), outcome);
        assertEquals(3, events.stream().filter(("play:" + Prompts.MENU_PROMISE_AGENT)::equals).count());
        assertEquals(List.of("play:" + Prompts.GOODBYE, "hangup"), events.subList(events.size() - 3, events.size() - 1));
    }

    @Test
    void threeSilentRightPartyChecksEndWithNoInputAndNoDebtMentioned() {
        var outcome = run("t t t");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_INPUT), outcome);
        assertFalse(mentionsDebt(events), events.toString());
    }

    @Test
    void answeringMachineGetsALimitedMessageAndAHangup() {
        var outcome = run("", Map.of("AMDSTATUS", "MACHINE"), CampaignMode.IVR_REMINDER, 10);

        assertEquals(new FlowOutcome.Finished(Disposition.MACHINE), outcome);
        assertEquals(List.of("answer", "variable:AMDSTATUS", "waitForSilence", "play:" + Prompts.MACHINE_MESSAGE,
                "play:duecall/company-march-reminders", "play:" + Prompts.CALL_US_AT, "sayDigits:18005550100",
                "hangup", "finished:MACHINE"), events);
    }

    @Test
    void campaignThatHangsUpOnMachinesPlaysNothingToADetectedMachine() {
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new ScriptedIvrChannel("", Map.of("AMDSTATUS", "MACHINE"), events);

        var outcome = withMachinePolicy(MachinePolicy.HANG_UP).run(call, channel);

        assertEquals(new FlowOutcome.Finished(Disposition.MACHINE), outcome);
        assertEquals(List.of("answer", "variable:AMDSTATUS", "hangup", "finished:MACHINE"), events);
    }

    @Test
    void campaignThatLeavesMessagesLeavesTheLimitedMessageOnADetectedMachine() {
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new ScriptedIvrChannel("", Map.of("AMDSTATUS", "MACHINE"), events);

        var outcome = withMachinePolicy(MachinePolicy.MESSAGE).run(call, channel);

        assertEquals(new FlowOutcome.Finished(Disposition.MACHINE), outcome);
        assertEquals(List.of("answer", "variable:AMDSTATUS", "waitForSilence", "play:" + Prompts.MACHINE_MESSAGE,
                "play:duecall/company-march-reminders", "play:" + Prompts.CALL_US_AT, "sayDigits:18005550100",
                "hangup", "finished:MACHINE"), events);
        assertFalse(mentionsDebt(events), events.toString());
    }

    @Test
    void campaignThatHangsUpOnMachinesStillTalksToAPerson() {
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        sessions.add(call);
        var channel = new ScriptedIvrChannel("1", HUMAN, events);

        withMachinePolicy(MachinePolicy.HANG_UP).run(call, channel);

        assertTrue(events.contains("play:" + Prompts.AMOUNT_DUE), events.toString());
    }

    private ReminderFlow withMachinePolicy(MachinePolicy policy) {
        return new ReminderFlow(sessions, Duration.ofSeconds(5), FlowLoader.defaultFlow(), FlowLoader.locationFlow(),
                campaign -> policy);
    }

    @Test
    void agentCampaignGoesStraightToAnAgentAfterTheMachineCheck() {
        sessions.answerAgentRequestsWith(new AgentHandoff.Bridging("SIP/agent-2"));

        var outcome = run("", HUMAN, CampaignMode.AGENT, 10);

        assertEquals(new FlowOutcome.HandedToAgent("SIP/agent-2"), outcome);
        assertEquals(List.of("answer", "variable:AMDSTATUS", "requestAgent"), events);
    }

    @ParameterizedTest
    @CsvSource({"9, duecall/greeting-morning", "11, duecall/greeting-morning", "12, duecall/greeting-afternoon",
            "16, duecall/greeting-afternoon", "17, duecall/greeting-evening", "20, duecall/greeting-evening"})
    void greetingFollowsTheDebtorsLocalTimeOfDay(int hour, String greeting) {
        run("2", HUMAN, CampaignMode.IVR_REMINDER, hour);

        var greet = events.indexOf("play:" + greeting);
        assertTrue(greet >= 0, events.toString());
        assertEquals("play:duecall/company-march-reminders", events.get(greet + 1));
    }

    @ParameterizedTest
    @CsvSource({"h", "1 h", "t h"})
    void callerHangingUpBeforeHearingTheDebtIsReportedAsHungUp(String script) {
        var outcome = run(script);

        assertEquals(new FlowOutcome.Finished(Disposition.HUNG_UP), outcome);
        assertEquals(List.of("c-9142:HUNG_UP"), verdicts());
    }

    @Test
    void callerHangingUpAtEveryStepGetsExactlyOneHungUpVerdict() {
        var steps = countCommands("1 t t t");

        for (var stepsBeforeHangup = 0; stepsBeforeHangup < steps - 1; stepsBeforeHangup++) {
            var calls = new InMemoryCallSessions(new ArrayList<>());
            var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
            calls.add(call);
            var channel = new HangingUpChannel(new ScriptedIvrChannel("1 t t t", HUMAN, new ArrayList<>()), stepsBeforeHangup);

            new ReminderFlow(calls, Duration.ofSeconds(5)).run(call, channel);

            // Once the amount has started, the debtor heard the debt: a conversation, not a mere hang-up.
            var heard = calls.disclosures().contains("c-9142:AMOUNT");
            assertEquals(List.of(heard ? "c-9142:NO_COMMITMENT" : "c-9142:HUNG_UP"), calls.finished(),
                    "hang-up after " + stepsBeforeHangup + " commands");
        }
    }

    @Test
    void callerHangingUpAtTheMenuAfterTheAmountHadAConversation() {
        var outcome = run("1 t h");

        assertEquals(new FlowOutcome.Finished(Disposition.NO_COMMITMENT), outcome);
    }

    @Test
    void aVerifiedDebtorWhoHeardTheAmountAndHungUpIsAConversationNotAHangUp() {
        var calls = new InMemoryCallSessions(new ArrayList<>());
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        calls.add(call);
        var channel = new HangingUpChannel(new ScriptedIvrChannel("1 t t t", HUMAN, new ArrayList<>()),
                countCommands("1 t t t") - 2);

        new ReminderFlow(calls, Duration.ofSeconds(5)).run(call, channel);

        assertEquals(List.of("c-9142:NO_COMMITMENT"), calls.finished());
        assertEquals(List.of("c-9142:IDENTITY", "c-9142:RIGHT_PARTY", "c-9142:AMOUNT"),
                calls.disclosures().stream().distinct().toList());
    }

    @Test
    void callerHangingUpAfterThePromiseKeepsThePromiseVerdict() {
        var outcome = run("1 1 1 h");

        assertEquals(new FlowOutcome.Finished(Disposition.PROMISE_TO_PAY), outcome);
        assertTrue(sessions.promise(TestCalls.CALL_ID).isPresent());
        assertEquals(List.of("c-9142:PROMISE_TO_PAY"), verdicts());
    }

    private int countCommands(String script) {
        var counted = new ArrayList<String>();
        var calls = new InMemoryCallSessions(new ArrayList<>());
        var call = TestCalls.call(CampaignMode.IVR_REMINDER, 10);
        calls.add(call);
        new ReminderFlow(calls, Duration.ofSeconds(5)).run(call, new ScriptedIvrChannel(script, HUMAN, counted));
        return counted.size();
    }
}

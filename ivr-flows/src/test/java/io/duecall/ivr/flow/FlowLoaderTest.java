package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowLoaderTest {
    private static final String HEADER = "id: tiny\nversion: \"1\"\nstart: verify\nsteps:\n";
    private static final String VERIFY = """
              verify:
                say: [prompt:duecall/if-you-are, first-name]
                ask: duecall/press-1-yes-2-no
                on: { "1": verified, "2": bye, failed: bye }
              verified:
                action: verified
                on: { next: disclose }
              disclose:
                say: [amount-due]
                next: bye
              bye:
                say: [prompt:duecall/goodbye]
                end: auto
            """;

    private static List<String> problems(String steps) {
        return assertThrows(InvalidFlowException.class, () -> FlowLoader.read("test.yaml", HEADER + steps)).problems();
    }

    @Test
    void theDefaultFlowLoadsWithItsVersion() {
        var flow = FlowLoader.defaultFlow();

        assertEquals("reminder:4", flow.ledgerVersion());
        assertEquals("screen", flow.start());
    }

    @Test
    void aValidSmallFlowLoads() {
        var flow = FlowLoader.read("test.yaml", HEADER + VERIFY);

        assertEquals(4, flow.steps().size());
    }

    @Test
    void aFailedSecondFactorThatLeadsToTheAmountIsRefused() {
        var problems = problems(VERIFY.replace("on: { next: disclose }", "on: { next: factor }")
                + "  factor:\n    action: second-factor\n    on: { passed: disclose, none: disclose, failed: disclose }\n");

        assertEquals(List.of("step 'disclose': says amount-due after the second factor of step 'factor' failed"), problems);
    }

    @Test
    void promptLanguagesMustBeLowerCaseTags() {
        var problems = assertThrows(InvalidFlowException.class, () -> FlowLoader.read("test.yaml",
                HEADER.replace("steps:", "languages: [es, ../en]\nsteps:") + VERIFY)).problems();

        assertEquals(List.of("languages: '../en' (expected a lower-case language tag such as es or es-mx)"), problems);
    }

    @Test
    void unknownStepIsNamed() {
        var problems = problems(VERIFY.replace("next: bye", "next: nowhere"));

        assertEquals(List.of("step 'disclose': goes to unknown step 'nowhere'"), problems);
    }

    @Test
    void unreachableStepIsNamed() {
        var problems = problems(VERIFY + "  orphan:\n    say: [company]\n    next: bye\n");

        assertEquals(List.of("step 'orphan': unreachable from start 'verify'"), problems);
    }

    @Test
    void deadEndIsNamed() {
        var problems = problems(VERIFY + "  stuck:\n    say: [company]\n");

        assertTrue(problems.contains("step 'stuck': dead end (expected one of action, ask, end or next)"), problems.toString());
    }

    @Test
    void questionWithoutPromptIsNamed() {
        var problems = problems(VERIFY.replace("action: verified", "action: enter-date").replace("on: { next: disclose }",
                "on: { ok: disclose, failed: bye }"));

        assertTrue(problems.contains("step 'verified': action enter-date has no ask prompt"), problems.toString());
    }

    @Test
    void actionEventWithoutAStepIsADeadEnd() {
        var problems = problems(VERIFY.replace("on: { next: disclose }", "on: { }"));

        assertTrue(problems.contains("step 'verified': dead end, action verified has no step for event 'next'"),
                problems.toString());
    }

    @Test
    void theDebtSpokenBeforeTheRightPartyCheckIsRefused() {
        var problems = problems(VERIFY.replace("\"2\": bye", "\"2\": disclose"));

        assertEquals(List.of("step 'disclose': says amount-due on a path without the right-party check"), problems);
    }

    @Test
    void aRightPartyQuestionAskedBeforeTheNameIsSaidIsRefused() {
        var problems = problems(VERIFY.replace("say: [prompt:duecall/if-you-are, first-name]", "say: [company]"));

        assertEquals(List.of("step 'verify': asks the right-party question on a path where the debtor's name was not said"
                + " (expected first-name in its say or in a step before it)"), problems);
    }

    @Test
    void theNameMaySoundInAStepBeforeTheRightPartyQuestion() {
        var flow = FlowLoader.read("test.yaml", HEADER.replace("start: verify", "start: greet") + """
                  greet:
                    say: [greeting, prompt:duecall/message-for, first-name]
                    next: verify
                """ + VERIFY.replace("say: [prompt:duecall/if-you-are, first-name]", "say: [company]"));

        assertEquals("greet", flow.start());
    }

    @Test
    void aPromiseActionBeforeTheRightPartyCheckIsRefused() {
        var problems = problems(VERIFY.replace("\"2\": bye", "\"2\": store") + """
                  store:
                    action: store-promise
                    on: { next: bye }
                """);

        assertEquals(List.of("step 'store': action store-promise on a path without the right-party check"), problems);
    }

    @Test
    void soundNamesThatCouldInjectAgiAreRefused() {
        var problems = problems(VERIFY.replace("prompt:duecall/goodbye", "prompt:\"x\" \"\"\\nEXEC Dial"));

        assertTrue(problems.get(0).startsWith("step 'bye': say 'prompt:"), problems.toString());
    }

    @Test
    void unknownKeysInTheYamlAreRefusedWithTheirPlace() {
        var problems = problems(VERIFY.replace("end: auto", "end: auto\n    colour: red"));

        assertTrue(problems.get(0).contains("colour"), problems.toString());
    }

    @Test
    void unknownDispositionIsNamed() {
        var problems = problems(VERIFY.replace("end: auto", "end: PAID"));

        assertTrue(problems.get(0).startsWith("step 'bye': end 'PAID'"), problems.toString());
    }
}

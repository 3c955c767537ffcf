package io.duecall.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptListTest {
    private static final String TINY = """
            id: tiny
            version: "1"
            start: verify
            languages: [es]
            steps:
              verify:
                say: [greeting, company]
                ask: duecall/press-1-yes-2-no
                on: { "1": bye, "2": bye, failed: bye }
              bye:
                say: [prompt:duecall/goodbye]
                end: auto
            """;

    @Test
    void everyPromptOfTheShippedFlowsHasItsWordsAndEachFileIsListedOnce() {
        var prompts = PromptList.of(List.of(FlowLoader.defaultFlow(), FlowLoader.locationFlow()), List.of());

        var files = new HashSet<String>();
        for (var prompt : prompts) {
            assertTrue(files.add(prompt.file()), "listed twice: " + prompt.file());
            assertTrue(!prompt.text().isBlank() && !prompt.usedIn().isEmpty(), prompt.toString());
        }
        // Played by the flows' own steps, by built-in items and actions, and after an invalid key.
        assertTrue(files.containsAll(List.of(Prompts.MENU_PROMISE_AGENT, Prompts.GREETING_EVENING,
                Prompts.ENTER_ID_LAST4, Prompts.INVALID, Prompts.TRYING_TO_REACH, Prompts.OPTED_OUT)), files.toString());
    }

    @Test
    void promptsAreFollowedToWhereTheyArePlayedAndRepeatedForEachLanguageButTheCompanyIsNot() {
        var flow = FlowLoader.read("tiny.yaml", TINY);

        var prompts = PromptList.of(List.of(flow), List.of(new PromptList.Company("reminders", "Acme Lending")));

        var files = prompts.stream().map(PromptList.Entry::file).toList();
        assertEquals(List.of("duecall/greeting-morning", "duecall/greeting-afternoon", "duecall/greeting-evening",
                "duecall/press-1-yes-2-no", "duecall/invalid", "duecall/goodbye", "duecall/company-reminders",
                "duecall/es/greeting-morning", "duecall/es/greeting-afternoon", "duecall/es/greeting-evening",
                "duecall/es/press-1-yes-2-no", "duecall/es/invalid", "duecall/es/goodbye"), files);
        var company = prompts.get(6);
        assertEquals("Acme Lending", company.text());
        assertEquals(List.of("tiny:verify"), prompts.get(3).usedIn());
        assertEquals("es", prompts.get(7).language());
    }

    @Test
    void aFlowPlayingAPromptWithNoKnownWordsIsRefusedNamingTheStep() {
        var flow = FlowLoader.read("tiny.yaml", TINY.replace("prompt:duecall/goodbye", "prompt:duecall/see-you"));

        var error = assertThrows(IllegalArgumentException.class, () -> PromptList.of(List.of(flow), List.of()));

        assertEquals("prompt duecall/see-you (played at tiny:bye): no text known (expected an entry in "
                + "prompt-texts.yaml)", error.getMessage());
    }
}

package io.duecall.sipconfig;

/** Renders amd.conf, the parameters app_amd reads when the outbound context calls {@code AMD()} without arguments. */
public final class AmdRenderer {
    private AmdRenderer() {}

    public static String render(Deployment d) {
        var a = d.amdOrDefaults();
        return ExtensionsRenderer.HEADER + "\n[general]\n"
                + "initial_silence = " + a.initialSilence() + '\n'
                + "greeting = " + a.greeting() + '\n'
                + "after_greeting_silence = " + a.afterGreetingSilence() + '\n'
                + "total_analysis_time = " + a.totalAnalysisTime() + '\n'
                + "min_word_length = " + a.minimumWordLength() + '\n'
                + "between_words_silence = " + a.betweenWordsSilence() + '\n'
                + "maximum_number_of_words = " + a.maximumNumberOfWords() + '\n'
                + "silence_threshold = " + a.silenceThreshold() + '\n'
                + "maximum_word_length = " + a.maximumWordLength() + '\n';
    }
}

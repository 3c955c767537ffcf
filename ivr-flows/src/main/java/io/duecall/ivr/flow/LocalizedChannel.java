package io.duecall.ivr.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plays the flow's own prompts ({@code duecall/...}) from the debtor's language's prompt set,
 * {@code duecall/<language>/...}, when the flow has one for it. A campaign's company name
 * ({@code duecall/company-<id>}), every other sound and every command pass through unchanged.
 */
final class LocalizedChannel implements IvrChannel {
    private static final String OWN_PROMPTS = "duecall/";
    private static final String COMPANY = "duecall/company-";
    private final IvrChannel channel;
    private final String language;

    private LocalizedChannel(IvrChannel channel, String language) {
        this.channel = channel;
        this.language = language;
    }

    /**
     * The channel speaking {@code debtorLanguage} if the flow has prompts for it: its full tag first ({@code es-mx}),
     * then its language alone ({@code es}); otherwise the channel unchanged, with the default prompts.
     */
    static IvrChannel of(IvrChannel channel, List<String> available, Optional<Locale> debtorLanguage) {
        if (debtorLanguage.isEmpty()) {
            return channel;
        }
        var tag = debtorLanguage.get().toLanguageTag().toLowerCase(Locale.ROOT);
        var primary = debtorLanguage.get().getLanguage();
        var chosen = available.contains(tag) ? tag : available.contains(primary) ? primary : null;
        if (chosen == null) {
            return channel;
        }
        // The prompts come from the language's own set; numbers and dates from Asterisk's sayers in that language.
        channel.speakIn(primary);
        return new LocalizedChannel(channel, chosen);
    }

    private String localized(String prompt) {
        return prompt.startsWith(OWN_PROMPTS) && !prompt.startsWith(COMPANY) ? OWN_PROMPTS + language + "/" + prompt.substring(OWN_PROMPTS.length())
                : prompt;
    }

    @Override
    public void answer() {
        channel.answer();
    }

    @Override
    public Optional<String> variable(String name) {
        return channel.variable(name);
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        return channel.play(localized(prompt), escapeDigits);
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        return channel.waitForDigit(timeout);
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        return channel.sayNumber(number, escapeDigits);
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        return channel.sayDigits(digits, escapeDigits);
    }

    @Override
    public Optional<Character> sayAlpha(String text, String escapeDigits) {
        return channel.sayAlpha(text, escapeDigits);
    }

    @Override
    public Optional<Character> sayDate(LocalDate date, String escapeDigits) {
        return channel.sayDate(date, escapeDigits);
    }

    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        return channel.readDigits(localized(prompt), maxDigits, timeout);
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        channel.waitForSilence(silence, max);
    }

    @Override
    public void hangup() {
        channel.hangup();
    }
}

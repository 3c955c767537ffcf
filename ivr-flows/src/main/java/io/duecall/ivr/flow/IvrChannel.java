package io.duecall.ivr.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The answered call as an IVR flow sees it. Every method throws {@link CallerHungUpException} once the caller has
 * gone; keys are always one of {@code 0-9*#}. As on Asterisk, a key is heard only by a command that reads digits at
 * the moment the key is released: a prompt played with that key among its escape digits, a wait for a digit, or a
 * digit entry. A key released while a prompt plays without it as an escape digit, or between two commands, is lost.
 */
public interface IvrChannel {

    void answer();

    /** A channel variable set by the dialplan (such as AMDSTATUS), if set. */
    Optional<String> variable(String name);

    /** Plays a sound file; returns the key that interrupted it, if one in {@code escapeDigits} was pressed. */
    Optional<Character> play(String prompt, String escapeDigits);

    /** Waits up to {@code timeout} for a key. */
    Optional<Character> waitForDigit(Duration timeout);

    /** Speaks a whole number; returns the key that interrupted it, if one in {@code escapeDigits} was pressed. */
    Optional<Character> sayNumber(long number, String escapeDigits);

    /** Speaks digits one by one, such as a callback number; returns the key in {@code escapeDigits} that interrupted it. */
    Optional<Character> sayDigits(String digits, String escapeDigits);

    /** Spells letters and digits one by one, such as a first name; returns the key in {@code escapeDigits} that interrupted it. */
    Optional<Character> sayAlpha(String text, String escapeDigits);

    /** Speaks a calendar date; returns the key in {@code escapeDigits} that interrupted it. */
    Optional<Character> sayDate(LocalDate date, String escapeDigits);

    /**
     * Plays {@code prompt} and collects up to {@code maxDigits} digits, ended early by '#' or by a silence of
     * {@code timeout}; empty when nothing usable was keyed. Only {@code 0-9} ever come back.
     */
    Optional<String> readDigits(String prompt, int maxDigits, Duration timeout);

    /** Waits until the line has been silent for {@code silence} (an answering machine's beep is over), at most {@code max}. */
    void waitForSilence(Duration silence, Duration max);

    void hangup();

    /**
     * Asks the PBX to speak numbers, dates and letters in {@code language} (an Asterisk language code such as "es"),
     * as Asterisk's sayers choose their sound files by the channel's language. Channels that cannot do nothing.
     */
    default void speakIn(String language) {}
}

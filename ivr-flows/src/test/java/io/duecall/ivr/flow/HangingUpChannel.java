package io.duecall.ivr.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Wraps a channel so that the caller hangs up when the flow sends its command number {@code hangUpAt} (from 0). */
final class HangingUpChannel implements IvrChannel {
    private final IvrChannel delegate;
    private final int hangUpAt;
    private int commands;

    HangingUpChannel(IvrChannel delegate, int hangUpAt) {
        this.delegate = delegate;
        this.hangUpAt = hangUpAt;
    }

    private void next() {
        if (commands++ >= hangUpAt) {
            throw new CallerHungUpException();
        }
    }

    @Override
    public void answer() {
        next();
        delegate.answer();
    }

    @Override
    public Optional<String> variable(String name) {
        next();
        return delegate.variable(name);
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        next();
        return delegate.play(prompt, escapeDigits);
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        next();
        return delegate.waitForDigit(timeout);
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        next();
        return delegate.sayNumber(number, escapeDigits);
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        next();
        return delegate.sayDigits(digits, escapeDigits);
    }

    @Override
    public Optional<Character> sayAlpha(String text, String escapeDigits) {
        next();
        return delegate.sayAlpha(text, escapeDigits);
    }

    @Override
    public Optional<Character> sayDate(LocalDate date, String escapeDigits) {
        next();
        return delegate.sayDate(date, escapeDigits);
    }

    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        next();
        return delegate.readDigits(prompt, maxDigits, timeout);
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        next();
        delegate.waitForSilence(silence, max);
    }

    @Override
    public void hangup() {
        next();
        delegate.hangup();
    }
}

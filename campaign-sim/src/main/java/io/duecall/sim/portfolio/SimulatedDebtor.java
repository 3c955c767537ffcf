package io.duecall.sim.portfolio;

import io.duecall.domain.account.SecondFactor;
import io.duecall.ivr.flow.CallerHungUpException;
import io.duecall.ivr.flow.IvrChannel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The person (or machine) on an answered simulated call, as the real IVR flow hears them: they answer its questions
 * by the plan drawn for the call, and hang up where the plan says. Keys are given only to the questions a person
 * would answer; anything else times out.
 */
final class SimulatedDebtor implements IvrChannel {
    /** What this caller will do. */
    enum Plan { MACHINE, HANG_UP_AT_GREETING, WRONG_PARTY, PROMISE, OPT_OUT, HANG_UP_AFTER_AMOUNT, NO_ANSWER_TO_MENU }

    private final Plan plan;
    private final SecondFactor factor;
    private boolean gone;

    SimulatedDebtor(Plan plan, SecondFactor factor) {
        this.plan = plan;
        this.factor = factor;
    }

    @Override
    public void answer() {}

    @Override
    public Optional<String> variable(String name) {
        return "AMDSTATUS".equals(name) ? Optional.of(plan == Plan.MACHINE ? "MACHINE" : "HUMAN") : Optional.empty();
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        present();
        if (escapeDigits.isEmpty()) {
            return Optional.empty();
        }
        return switch (prompt) {
            case "duecall/press-1-yes-2-no" -> {
                if (plan == Plan.HANG_UP_AT_GREETING) {
                    throw hangUp();
                }
                yield Optional.of(plan == Plan.WRONG_PARTY ? '2' : '1');
            }
            case "duecall/menu-promise-agent" -> switch (plan) {
                case PROMISE -> Optional.of('1');
                case OPT_OUT -> Optional.of('9');
                case HANG_UP_AFTER_AMOUNT -> throw hangUp();
                default -> Optional.empty();
            };
            case "duecall/press-1-confirm-2-change" -> Optional.of('1');
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        present();
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        present();
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        present();
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayAlpha(String text, String escapeDigits) {
        present();
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayDate(LocalDate date, String escapeDigits) {
        present();
        return Optional.empty();
    }

    /** The debtor knows their own second factor. */
    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        present();
        if (prompt.equals("duecall/enter-birth-year")) {
            return factor.birthYear().map(String::valueOf);
        }
        if (prompt.equals("duecall/enter-id-last4")) {
            return factor.idLast4();
        }
        return Optional.empty();
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        present();
    }

    @Override
    public void hangup() {
        gone = true;
    }

    private void present() {
        if (gone) {
            throw new CallerHungUpException();
        }
    }

    private CallerHungUpException hangUp() {
        gone = true;
        return new CallerHungUpException();
    }
}

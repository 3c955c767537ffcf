package io.duecall.ivr.flow;

import io.duecall.app.IvrCall;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.PromiseToPay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Speaks a flow step's {@code say} items. Items about the debt ({@link #ABOUT_THE_DEBT}) are refused until the
 * caller has passed the right-party check, whatever the flow says, so a wrong party cannot hear an amount.
 */
final class Speaker {
    static final List<String> ITEMS = List.of("greeting", "company", "first-name", "callback-number", "amount-due",
            "due-date", "proposed-amount", "proposed-date", "promised-amount", "promised-date");
    static final Set<String> ABOUT_THE_DEBT = Set.of("amount-due", "due-date", "proposed-amount", "proposed-date",
            "promised-amount", "promised-date");
    private static final int AFTERNOON_FROM = 12;
    private static final int EVENING_FROM = 17;

    /** What the flow has learned so far, read when an item is spoken. */
    interface State {
        boolean verified();

        Money proposedAmount();

        LocalDate proposedDate();

        PromiseToPay promise();
    }

    private final IvrCall call;
    private final IvrChannel channel;
    private final State state;

    Speaker(IvrCall call, IvrChannel channel, State state) {
        this.call = call;
        this.channel = channel;
        this.state = state;
    }

    /**
     * Speaks one item with {@code escapeDigits} as the keys that may interrupt it; returns the key that did. The
     * first name is always spelled to the end: a key pressed before the caller has heard whom we are calling for
     * confirms nothing, so none is listened for.
     */
    Optional<Character> say(String item, String escapeDigits) {
        if (item.startsWith("prompt:")) {
            return channel.play(item.substring("prompt:".length()), escapeDigits);
        }
        if (ABOUT_THE_DEBT.contains(item) && !state.verified()) {
            throw new IllegalStateException("flow says " + item + " before the right-party check");
        }
        return switch (item) {
            case "greeting" -> channel.play(greeting(), escapeDigits);
            case "company" -> channel.play(Prompts.company(call.campaign().id()), escapeDigits);
            case "first-name" -> sayFirstName();
            case "callback-number" -> channel.sayDigits(call.campaign().callbackNumber().replace("+", ""), escapeDigits);
            case "amount-due" -> sayAmount(call.account().amountDue(), escapeDigits);
            case "due-date" -> channel.sayDate(call.account().dueDate(), escapeDigits);
            case "proposed-amount" -> sayAmount(required(state::proposedAmount, item), escapeDigits);
            case "proposed-date" -> channel.sayDate(required(state::proposedDate, item), escapeDigits);
            case "promised-amount" -> sayAmount(required(state::promise, item).amount(), escapeDigits);
            case "promised-date" -> channel.sayDate(required(state::promise, item).payBy(), escapeDigits);
            default -> throw new IllegalStateException("say item '" + item + "' is not known");
        };
    }

    private String greeting() {
        var hour = call.debtorTime().getHour();
        return hour < AFTERNOON_FROM ? Prompts.GREETING_MORNING
                : hour < EVENING_FROM ? Prompts.GREETING_AFTERNOON : Prompts.GREETING_EVENING;
    }

    /** Whole units, as most reminder scripts speak them; the exact amount is on the debtor's statement. */
    private Optional<Character> sayAmount(Money amount, String escapeDigits) {
        return channel.sayNumber(amount.toDecimal().longValue(), escapeDigits);
    }

    /** Lender data reaches the PBX here, so only letters and digits are spelled. */
    private Optional<Character> sayFirstName() {
        var name = call.account().firstName().codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (!name.isEmpty()) {
            channel.sayAlpha(name, "");
        }
        return Optional.empty();
    }

    private static <T> T required(Supplier<T> value, String item) {
        var v = value.get();
        if (v == null) {
            throw new IllegalStateException("flow says " + item + " before it is known");
        }
        return v;
    }
}

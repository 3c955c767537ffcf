package io.duecall.ivr.flow;

import io.duecall.app.IvrCall;
import java.time.LocalDate;

/**
 * What the reminder flow says, prompt by prompt. Only {@link #amountAndDueDate} and {@link #promiseConfirmed}
 * mention the debt; the machine, third-party and abandon messages name the company and the callback number only.
 */
final class CallerMessages {
    private static final int AFTERNOON_FROM = 12;
    private static final int EVENING_FROM = 17;

    private final IvrCall call;
    private final IvrChannel channel;

    CallerMessages(IvrCall call, IvrChannel channel) {
        this.call = call;
        this.channel = channel;
    }

    void greeting() {
        var hour = call.debtorTime().getHour();
        var greeting = hour < AFTERNOON_FROM ? Prompts.GREETING_MORNING
                : hour < EVENING_FROM ? Prompts.GREETING_AFTERNOON : Prompts.GREETING_EVENING;
        channel.play(greeting, "");
        channel.play(Prompts.company(call.campaign().id()), "");
    }

    void askForDebtor() {
        channel.play(Prompts.IF_YOU_ARE, "");
        sayFirstName();
    }

    void amountAndDueDate() {
        channel.play(Prompts.AMOUNT_DUE, "");
        channel.sayNumber(call.account().amountDue().toDecimal().longValue(), "");
        channel.play(Prompts.DUE_ON, "");
        channel.sayDate(call.account().dueDate());
    }

    void promiseConfirmed(LocalDate payBy) {
        channel.play(Prompts.PROMISE_CONFIRMED, "");
        channel.sayDate(payBy);
        channel.play(Prompts.GOODBYE, "");
    }

    void machineMessage() {
        channel.play(Prompts.MACHINE_MESSAGE, "");
        channel.play(Prompts.company(call.campaign().id()), "");
        callUsBack();
    }

    void thirdPartyMessage() {
        channel.play(Prompts.MESSAGE_FOR, "");
        sayFirstName();
        channel.play(Prompts.company(call.campaign().id()), "");
        callUsBack();
    }

    void abandonMessage() {
        channel.play(Prompts.ABANDON, "");
        channel.play(Prompts.company(call.campaign().id()), "");
        callUsBack();
    }

    private void callUsBack() {
        channel.play(Prompts.CALL_US_AT, "");
        channel.sayDigits(call.campaign().callbackNumber().replace("+", ""));
    }

    /** Lender data reaches the PBX here, so only letters and digits are spelled. */
    private void sayFirstName() {
        var name = call.account().firstName().codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (!name.isEmpty()) {
            channel.sayAlpha(name);
        }
    }
}

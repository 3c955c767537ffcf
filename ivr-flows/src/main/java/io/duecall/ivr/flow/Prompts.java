package io.duecall.ivr.flow;

import io.duecall.domain.campaign.CampaignId;

/**
 * The sound files the default flow ({@code reminder.yaml}) plays, under Asterisk's sounds directory. A deployment
 * records each of these (wording in the comments and in {@code prompt-texts.yaml}; {@code ./duecall prompts list}
 * lists them with where they are played), plus {@code duecall/company-<campaign id>} saying each campaign's
 * company name; names are spelled with SAY ALPHA and numbers, amounts and dates use Asterisk's own sounds. A flow
 * that lists a language in {@code languages} plays {@code duecall/<language>/<name>} to debtors of that language.
 */
public final class Prompts {
    /** "Good morning, this is a call from" */
    public static final String GREETING_MORNING = "duecall/greeting-morning";
    /** "Good afternoon, this is a call from" */
    public static final String GREETING_AFTERNOON = "duecall/greeting-afternoon";
    /** "Good evening, this is a call from" */
    public static final String GREETING_EVENING = "duecall/greeting-evening";
    /** "If you are" */
    public static final String IF_YOU_ARE = "duecall/if-you-are";
    /** "press 1. If not, press 2." */
    public static final String PRESS_1_YES_2_NO = "duecall/press-1-yes-2-no";
    /** "For your security, please enter your year of birth." */
    public static final String ENTER_BIRTH_YEAR = "duecall/enter-birth-year";
    /** "For your security, please enter the last four digits of your identity number." */
    public static final String ENTER_ID_LAST4 = "duecall/enter-id-last4";
    /** "We could not confirm who you are, so we cannot go on with this call." */
    public static final String NOT_VERIFIED = "duecall/not-verified";
    /** "Your payment due is" */
    public static final String AMOUNT_DUE = "duecall/amount-due";
    /** "and was due on" */
    public static final String DUE_ON = "duecall/due-on";
    /**
     * "To pay the full amount within the next few days, press 1. To choose the date, press 2. To pay part of it,
     * press 3. To speak to an agent, press 0. To stop these calls to this number, press 9."
     */
    public static final String MENU_PROMISE_AGENT = "duecall/menu-promise-agent";
    /** "Please enter the date you will pay as four digits, the month then the day." */
    public static final String ENTER_DATE = "duecall/enter-date";
    /** "Please enter the amount you will pay, in whole dollars or pounds, then the hash key." */
    public static final String ENTER_AMOUNT = "duecall/enter-amount";
    /** "You promise to pay" */
    public static final String YOU_PROMISE = "duecall/you-promise";
    /** "by" */
    public static final String BY = "duecall/by";
    /** "To confirm, press 1. To change it, press 2." */
    public static final String CONFIRM_OR_CHANGE = "duecall/press-1-confirm-2-change";
    /** "Thank you. Your promise is recorded: you will pay" */
    public static final String PROMISE_CONFIRMED = "duecall/promise-confirmed";
    /** "We are sorry, your promise could not be recorded. Please call us back at" */
    public static final String PROMISE_NOT_RECORDED = "duecall/promise-not-recorded";
    /** "To be called back, enter the hour from 9 to 20, then the hash key." */
    public static final String CALLBACK_OFFER = "duecall/callback-offer";
    /** "Thank you, we will call you back then." */
    public static final String CALLBACK_CONFIRMED = "duecall/callback-confirmed";
    /** "This number will not be called again. Goodbye." */
    public static final String OPTED_OUT = "duecall/opted-out";
    /** "We are sorry, no one is available to take your call. This call was from" */
    public static final String ABANDON = "duecall/abandon";
    /** "Hello, this is a message from" */
    public static final String MACHINE_MESSAGE = "duecall/machine-message";
    /** "We have a message for" */
    public static final String MESSAGE_FOR = "duecall/message-for";
    /** "We are trying to reach" (the location script, to a third party) */
    public static final String TRYING_TO_REACH = "duecall/trying-to-reach";
    /** "Please ask them to call us at" */
    public static final String ASK_THEM_TO_CALL = "duecall/ask-them-to-call";
    /** "Please call us back at" */
    public static final String CALL_US_AT = "duecall/call-us-at";
    /** "Sorry, that is not a valid choice." */
    public static final String INVALID = "duecall/invalid";
    /** "Thank you. Goodbye." */
    public static final String GOODBYE = "duecall/goodbye";

    private Prompts() {}

    public static String company(CampaignId campaign) {
        return "duecall/company-" + campaign.value();
    }
}

package io.duecall.domain.compliance;

/**
 * What on a call makes it a conversation with the debtor, which starts the quiet period ({@code
 * rules.frequency.conversation}). Regulation F 1006.14(b)(2)(ii) counts a telephone conversation however it ended;
 * the strict default treats a verified right party or anything said about the debt as one.
 */
public enum ConversationEvidence {
    /** The person who answered confirmed being the debtor. */
    RIGHT_PARTY,
    /** The business name was said, even with nothing about the debt (stricter than the regulation asks). */
    IDENTITY,
    /** Something about the debt was said (amount, due date, a payment proposed or promised). */
    AMOUNT
}

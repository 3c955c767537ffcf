package io.duecall.domain.compliance;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How often one account may be called. Values are checked, with their keys, by {@link ContactRules}.
 *
 * @param maxAttemptsPer7Days counted attempts allowed in any rolling seven days, across all numbers
 * @param countedOutcomes outcomes that count towards that cap: by default every one that connected (Regulation F
 *     1006.14(b)(3) leaves out only calls that do not connect to the dialed number)
 * @param quietAfterConversation how long the account rests after a conversation with the debtor
 * @param conversations dispositions that mean the debtor was talked to, whatever else the line says
 * @param maxConnectedPerDay answered calls (a person or a machine picked up) allowed per debtor's local day, across
 *     all numbers (NIFA's "connected" calls)
 * @param maxUnansweredPerNumberPerDay attempts nobody picked up allowed per number per local day
 * @param minimumGap least time between two attempts to the account, whatever the number
 * @param retryDelays least time before a number is tried again, by the outcome of its last attempt
 * @param abandonLockout how long a number rests after a call to it was abandoned
 * @param conversationEvidence what else on a call makes it a conversation (right party verified, what was disclosed)
 * @param jurisdiction whether Regulation F's counting is the floor ({@link Jurisdiction#US}) or not
 */
public record AttemptLimits(
        int maxAttemptsPer7Days,
        Set<CallOutcome> countedOutcomes,
        Duration quietAfterConversation,
        Set<Disposition> conversations,
        int maxConnectedPerDay,
        int maxUnansweredPerNumberPerDay,
        Duration minimumGap,
        Map<CallOutcome, Duration> retryDelays,
        Duration abandonLockout,
        Set<ConversationEvidence> conversationEvidence,
        Jurisdiction jurisdiction) {

    /** The strict default: a verified right party, or anything said about the debt, is a conversation. */
    public static final Set<ConversationEvidence> STRICT_CONVERSATION =
            Set.of(ConversationEvidence.RIGHT_PARTY, ConversationEvidence.AMOUNT);

    public AttemptLimits {
        countedOutcomes = Set.copyOf(Objects.requireNonNull(countedOutcomes, "rules.frequency.counts"));
        conversations = Set.copyOf(Objects.requireNonNull(conversations, "rules.limits.conversations"));
        retryDelays = Map.copyOf(Objects.requireNonNull(retryDelays, "rules.limits.retryDelays"));
        conversationEvidence = Set.copyOf(Objects.requireNonNull(conversationEvidence, "rules.frequency.conversation"));
        Objects.requireNonNull(jurisdiction, "rules.jurisdiction");
    }

    /** Limits under Regulation F with the strict default for what makes a conversation. */
    public AttemptLimits(int maxAttemptsPer7Days, Set<CallOutcome> countedOutcomes, Duration quietAfterConversation,
            Set<Disposition> conversations, int maxConnectedPerDay, int maxUnansweredPerNumberPerDay,
            Duration minimumGap, Map<CallOutcome, Duration> retryDelays, Duration abandonLockout) {
        this(maxAttemptsPer7Days, countedOutcomes, quietAfterConversation, conversations, maxConnectedPerDay,
                maxUnansweredPerNumberPerDay, minimumGap, retryDelays, abandonLockout, STRICT_CONVERSATION,
                Jurisdiction.US);
    }

    /** Whether the attempt was a conversation with the debtor, by these limits: it starts the quiet period. */
    public boolean isConversation(PastAttempt attempt) {
        return conversations.contains(attempt.disposition())
                || (attempt.rightParty() && conversationEvidence.contains(ConversationEvidence.RIGHT_PARTY))
                || (attempt.disclosed() == Disclosure.AMOUNT && conversationEvidence.contains(ConversationEvidence.AMOUNT))
                || (attempt.disclosed() != Disclosure.NOTHING
                        && conversationEvidence.contains(ConversationEvidence.IDENTITY));
    }

    public AttemptLimits withCounting(Set<CallOutcome> counted, Set<ConversationEvidence> evidence,
            Jurisdiction where) {
        return new AttemptLimits(maxAttemptsPer7Days, counted, quietAfterConversation, conversations,
                maxConnectedPerDay, maxUnansweredPerNumberPerDay, minimumGap, retryDelays, abandonLockout, evidence,
                where);
    }

    /**
     * 7 connected calls in 7 days (Regulation F), 7 quiet days after a conversation (a verified right party or
     * anything said about the debt), 3 answered calls a day (NIFA 2024),
     * 6 unanswered attempts per number a day (CBA 2026), 2 h between attempts, 72 h after an abandoned call (Ofcom).
     */
    public static AttemptLimits defaults() {
        var delays = new EnumMap<CallOutcome, Duration>(CallOutcome.class);
        delays.put(CallOutcome.ANSWERED, Duration.ofHours(4));
        delays.put(CallOutcome.MACHINE, Duration.ofHours(4));
        delays.put(CallOutcome.NO_ANSWER, Duration.ofHours(2));
        delays.put(CallOutcome.BUSY, Duration.ofMinutes(20));
        delays.put(CallOutcome.CONGESTION, Duration.ofHours(1));
        delays.put(CallOutcome.FAILED, Duration.ofHours(1));
        return new AttemptLimits(7, CallOutcome.connectedOutcomes(), Duration.ofDays(7),
                Set.of(Disposition.PROMISE_TO_PAY, Disposition.NO_COMMITMENT, Disposition.AGENT_CONVERSATION,
                        Disposition.OPTED_OUT, Disposition.PROMISE_NOT_RECORDED),
                3, 6, Duration.ofHours(2), delays, Duration.ofHours(72));
    }

    public Duration retryDelay(CallOutcome outcome) {
        return retryDelays.get(outcome);
    }
}

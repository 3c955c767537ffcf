package io.duecall.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * 7-in-7 and the quiet period over random outcome sequences, against {@link RegulationF}: a reference written from
 * the text of 12 CFR 1006.14(b)(2) and (b)(3), sharing nothing with the rules it checks.
 */
class FrequencyRulesPropertyTest {
    private static final List<Phone> PHONES = List.of(Debtors.MOBILE, Debtors.HOME, Debtors.WORK);
    private static final Instant NOW = Debtors.WEDNESDAY_1030;
    private static final ContactPolicy POLICY = ContactPolicy.defaults();

    /**
     * The regulation's words, as plainly as they go. (b)(2): a collector is presumed to comply if it does not place
     * a call "in excess of seven times within a period of seven consecutive days", nor "within a period of seven
     * consecutive days after having had a telephone conversation with the person". (b)(3): "a telephone call does not
     * count ... if the call does not connect to the dialed number" (a busy signal, a network failure, a number not in
     * service); a call that rings out or reaches voicemail connected. A conversation is any talk with the consumer
     * about the debt: here, a verified right party or anything said about the debt, whoever ended the call.
     */
    static final class RegulationF {
        private static final Duration SEVEN_DAYS = Duration.ofDays(7);

        static boolean didConnect(CallOutcome outcome) {
            return switch (outcome) {
                case BUSY, CONGESTION, FAILED -> false;
                case ANSWERED, MACHINE, NO_ANSWER -> true;
            };
        }

        static boolean wasConversation(PastAttempt call) {
            return call.rightParty() || call.disclosed() == Disclosure.AMOUNT;
        }

        /** Calls that connected among those placed in the seven days before {@code t}. */
        static long callsInSevenDays(List<PastAttempt> calls, Instant t) {
            return calls.stream().filter(c -> c.at().isBefore(t) && c.at().isAfter(t.minus(SEVEN_DAYS)))
                    .filter(c -> didConnect(c.outcome())).count();
        }

        static boolean conversationInSevenDays(List<PastAttempt> calls, Instant t) {
            return calls.stream().anyMatch(c -> c.at().isBefore(t) && c.at().isAfter(t.minus(SEVEN_DAYS))
                    && wasConversation(c));
        }

        /** The first instant at or after {@code t} at which another call would not be an eighth in seven days. */
        static Instant capLiftsAt(List<PastAttempt> calls, Instant t) {
            var at = t;
            while (callsInSevenDays(calls, at) >= 7) {
                var now = at;
                var oldest = calls.stream().filter(c -> c.at().isBefore(now) && c.at().isAfter(now.minus(SEVEN_DAYS))
                        && didConnect(c.outcome())).map(PastAttempt::at).min(Comparator.naturalOrder()).orElseThrow();
                at = oldest.plus(SEVEN_DAYS);
            }
            return at;
        }
    }

    @Property(tries = 2000)
    void theSevenDayCapBlocksExactlyWhenTheRegulationCountsSeven(@ForAll("histories") List<PastAttempt> calls) {
        var verdict = verdict("7-day cap", calls);
        var counted = RegulationF.callsInSevenDays(calls, NOW);

        Statistics.label("cap reached").collect(counted >= 7);
        Statistics.label("cap reached").coverage(c -> c.check(true).percentage(p -> p > 15));
        assertEquals(counted < 7, verdict.permitsNow(), () -> counted + " connected calls in 7 days; " + verdict);
        if (!verdict.permitsNow()) {
            assertEquals(RegulationF.capLiftsAt(calls, NOW), verdict.nextPermitted(), verdict::toString);
        }
    }

    @Property(tries = 2000)
    void theQuietPeriodHoldsExactlyAfterAConversation(@ForAll("histories") List<PastAttempt> calls) {
        var verdict = verdict("quiet after conversation", calls);
        var conversation = RegulationF.conversationInSevenDays(calls, NOW);

        Statistics.label("conversation").collect(conversation);
        Statistics.label("conversation").coverage(c -> c.check(true).percentage(p -> p > 15));
        // A disposition the campaign calls a conversation (an agent's talk, say) may add quiet days, never remove them.
        if (conversation) {
            assertFalse(verdict.permitsNow(), verdict::toString);
        }
        if (!verdict.permitsNow()) {
            assertTrue(conversation || calls.stream().anyMatch(c -> c.at().isAfter(NOW.minus(Duration.ofDays(7)))
                    && POLICY.rules().limits().conversations().contains(c.disposition())), verdict::toString);
        }
    }

    /** Calls placed by the policy itself, one after another with random outcomes, never break either presumption. */
    @Property(tries = 300)
    void aDialerFollowingThePolicyStaysInsideThePresumption(@ForAll("outcomeSequences") List<Outcome> outcomes) {
        var calls = new ArrayList<PastAttempt>();
        var t = NOW;
        var account = Debtors.account();
        for (var outcome : outcomes) {
            var history = new ContactHistory(calls, Suppression.none());
            Phone phone = null;
            for (int step = 0; step < 50 && phone == null; step++) {
                var next = POLICY.nextNumber(account, history, t);
                if (next.isEmpty()) {
                    return; // every number opted out: nothing more will be placed
                }
                switch (POLICY.decide(account, next.get(), history, Debtors.NY, t)) {
                    case DialDecision.Dial dial -> phone = next.get();
                    case DialDecision.Skip skip -> t = skip.nextEligible();
                }
                if (t == null) {
                    return;
                }
            }
            assertTrue(phone != null, "no dial found after " + calls.size() + " calls");
            assertTrue(RegulationF.callsInSevenDays(calls, t) < 7 || !RegulationF.didConnect(outcome.outcome()),
                    () -> "an eighth connected call in 7 days at " + calls.size());
            assertFalse(RegulationF.conversationInSevenDays(calls, t), "a call in the week after a conversation");
            calls.add(outcome.at(t, phone));
            t = t.plus(Duration.ofMinutes(1));
        }
    }

    /** The reference is not the rule restated: the counting DueCall used before (answered calls only) breaks it. */
    @Example
    void theOldCountingOfAnsweredCallsOnlyBreaksTheReference() {
        var narrowed = ContactRules.defaults().withLimits(AttemptLimits.defaults().withCounting(
                Set.of(CallOutcome.ANSWERED, CallOutcome.MACHINE), AttemptLimits.STRICT_CONVERSATION,
                Jurisdiction.OUTSIDE_US));
        var calls = new ArrayList<PastAttempt>();
        for (int i = 0; i < 7; i++) {
            calls.add(Debtors.unanswered(NOW.minus(Duration.ofHours(20L * (i + 1))).toString(), PHONES.get(i % 3)));
        }

        var verdict = ContactPolicy.of(narrowed).explain(Debtors.account(), Debtors.MOBILE,
                new ContactHistory(calls, Suppression.none()), Debtors.NY, NOW).verdicts().stream()
                .filter(v -> v.rule().equals("7-day cap")).findFirst().orElseThrow();

        assertEquals(7, RegulationF.callsInSevenDays(calls, NOW));
        assertTrue(verdict.permitsNow(), "the old counting would have placed an eighth call");
        assertFalse(verdict("7-day cap", calls).permitsNow(), "the default counting does not");
    }

    /** And a debtor who heard the amount and hung up had a conversation, though the old rules saw only HUNG_UP. */
    @Example
    void aHangUpAfterTheAmountStartsTheQuietPeriod() {
        var call = new PastAttempt(NOW.minus(Duration.ofDays(2)), Debtors.MOBILE.number(), CallOutcome.ANSWERED,
                Disposition.HUNG_UP, false, true, Disclosure.AMOUNT);

        assertTrue(RegulationF.conversationInSevenDays(List.of(call), NOW));
        assertFalse(verdict("quiet after conversation", List.of(call)).permitsNow());
    }

    private static RuleVerdict verdict(String rule, List<PastAttempt> calls) {
        var explanation = POLICY.explain(Debtors.account(), Debtors.MOBILE, new ContactHistory(calls, Suppression.none()),
                Debtors.NY, NOW);
        return explanation.verdicts().stream().filter(v -> v.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** One call's ending: what the network said, whether the debtor confirmed who they are, what was said. */
    record Outcome(CallOutcome outcome, boolean rightParty, Disclosure disclosed, Disposition disposition) {
        PastAttempt at(Instant t, Phone phone) {
            return new PastAttempt(t, phone.number(), outcome, disposition, disposition == Disposition.ABANDONED,
                    rightParty, disclosed);
        }
    }

    @Provide
    Arbitrary<List<Outcome>> outcomeSequences() {
        return outcomes().list().ofMinSize(5).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<PastAttempt>> histories() {
        var calls = Combinators.combine(Arbitraries.longs().between(60, Duration.ofDays(12).toSeconds()),
                Arbitraries.of(PHONES), outcomes()).as((ago, phone, o) -> o.at(NOW.minusSeconds(ago), phone));
        return calls.list().ofMaxSize(16).map(l -> l.stream().sorted(Comparator.comparing(PastAttempt::at)).toList());
    }

    /**
     * Random endings, each one a real call could have: only an answered call can verify the debtor or tell the debt;
     * a machine may hear the business name; the rest say nothing.
     */
    private static Arbitrary<Outcome> outcomes() {
        var answered = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Disclosure.class),
                Arbitraries.of(Disposition.HUNG_UP, Disposition.ABANDONED, Disposition.THIRD_PARTY, Disposition.NO_INPUT,
                        Disposition.NO_COMMITMENT, Disposition.OPTED_OUT, Disposition.AGENT_CONVERSATION,
                        Disposition.PROMISE_TO_PAY))
                .as((rpc, said, disposition) -> new Outcome(CallOutcome.ANSWERED, rpc,
                        rpc ? said : Disclosure.NOTHING.max(said == Disclosure.AMOUNT ? Disclosure.IDENTITY : said),
                        rpc ? disposition : Disposition.THIRD_PARTY));
        var machine = Arbitraries.of(Disclosure.NOTHING, Disclosure.IDENTITY)
                .map(said -> new Outcome(CallOutcome.MACHINE, false, said, Disposition.MACHINE));
        var unanswered = Arbitraries.of(CallOutcome.NO_ANSWER, CallOutcome.BUSY, CallOutcome.CONGESTION, CallOutcome.FAILED)
                .map(o -> new Outcome(o, false, Disclosure.NOTHING, Disposition.NOT_CONNECTED));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, answered), net.jqwik.api.Tuple.of(2, machine),
                net.jqwik.api.Tuple.of(6, unanswered));
    }
}

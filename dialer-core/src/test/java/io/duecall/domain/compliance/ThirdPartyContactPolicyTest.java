package io.duecall.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whom each delinquency stage calls: the debtor's own numbers, and third-party contacts only as the stage allows. */
class ThirdPartyContactPolicyTest {
    /** 11:00 in New York (EDT), inside the window and a peak. */
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    private static final E164 MOBILE = new E164("+12125550100");
    private static final E164 HOME = new E164("+12125550101");
    private static final Contact SPOUSE = new Contact(ContactRelation.SPOUSE, "Sam Example", new E164("+12125550142"));
    private static final Contact EMPLOYER = new Contact(ContactRelation.EMPLOYER, "Acme Ltd", new E164("+12125550143"));
    /** A Los Angeles number: 08:00 there at {@link #NOW}, before its window opens. */
    private static final Contact FRIEND_IN_LA = new Contact(ContactRelation.FRIEND, "Kim West", new E164("+14155550144"));

    private final ContactPolicy policy = ContactPolicy.defaults();

    private static Account account(int daysPastDue, Contact... contacts) {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(MOBILE, PhoneType.MOBILE), new Phone(HOME, PhoneType.HOME)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), daysPastDue).withContacts(List.of(contacts));
    }

    /** {@code count} unanswered attempts on the debtor's own numbers, three hours apart from {@code firstDaysAgo}. */
    private static ContactHistory misses(int count, int firstDaysAgo) {
        var attempts = new ArrayList<PastAttempt>();
        var at = NOW.minus(Duration.ofDays(firstDaysAgo));
        for (int i = 0; i < count; i++) {
            attempts.add(PastAttempt.unanswered(at, i % 2 == 0 ? MOBILE : HOME, CallOutcome.NO_ANSWER));
            at = at.plus(Duration.ofHours(i % 2 == 0 ? 3 : 21));
        }
        return new ContactHistory(attempts, Suppression.none());
    }

    private Optional<CallTarget> next(Account account, ContactHistory history) {
        return policy.nextTarget(account, history, NOW);
    }

    @Test
    void earlyStageNeverPicksAContactEvenWhenTheDebtorCannotBeReached() {
        var target = next(account(3, SPOUSE), misses(8, 5));

        assertInstanceOf(CallTarget.Own.class, target.orElseThrow());
    }

    @Test
    void middleStagePicksAContactOnlyOnceTheDebtorIsUnreached() {
        var reachable = next(account(11, SPOUSE), misses(5, 5));

        var unreached = next(account(11, SPOUSE), misses(6, 5));

        assertInstanceOf(CallTarget.Own.class, reachable.orElseThrow());
        assertEquals(new CallTarget.ThirdParty(SPOUSE), unreached.orElseThrow());
    }

    @Test
    void missesCrowdedIntoFewerDaysThanConfiguredDoNotMakeTheDebtorUnreached() {
        var history = misses(6, 2);

        var target = next(account(11, SPOUSE), history);

        assertInstanceOf(CallTarget.Own.class, target.orElseThrow());
        assertTrue(policy.debtorUnreached(account(11), misses(6, 3), NOW));
    }

    @Test
    void aConversationWithTheDebtorStartsTheCountAgain() {
        var history = misses(6, 6).with(new PastAttempt(NOW.minus(Duration.ofDays(1)), MOBILE, CallOutcome.ANSWERED,
                Disposition.NO_COMMITMENT, false));

        var unreached = policy.debtorUnreached(account(11, SPOUSE), history, NOW);

        assertEquals(false, unreached);
    }

    @Test
    void lateStageCallsAContactWhenNoOwnNumberMayBeCalledButTheMiddleStageDoesNot() {
        var optedOut = new ContactHistory(List.of(), new Suppression(Set.of(), Set.of(MOBILE, HOME), Set.of()));

        var late = next(account(45, SPOUSE), optedOut);
        var middle = next(account(11, SPOUSE), optedOut);

        assertEquals(new CallTarget.ThirdParty(SPOUSE), late.orElseThrow());
        assertEquals(Optional.empty(), middle);
    }

    @Test
    void lateStageTriesTheDebtorsOwnNumbersFirstWhileTheyMayBeReached() {
        var target = next(account(45, SPOUSE), ContactHistory.empty());

        assertEquals(new CallTarget.Own(new Phone(MOBILE, PhoneType.MOBILE)), target.orElseThrow());
    }

    @Test
    void aContactCalledOnceIsNeverPickedAgainAndTheNextContactIs() {
        var history = misses(6, 5).with(PastAttempt.unanswered(NOW.minus(Duration.ofDays(1)), SPOUSE.number(),
                CallOutcome.NO_ANSWER));

        var target = next(account(11, SPOUSE, EMPLOYER), history);

        assertEquals(new CallTarget.ThirdParty(EMPLOYER), target.orElseThrow());
    }

    @Test
    void aContactCalledBeyondTheAttemptsLookBackStillCountsThroughTheLedgersTally() {
        var old = misses(6, 5);
        var history = new ContactHistory(old.attempts(), old.suppression(), Map.of(SPOUSE.number(), 1));

        var target = next(account(11, SPOUSE), history);
        var decision = policy.decide(account(11, SPOUSE), new CallTarget.ThirdParty(SPOUSE), history, NOW);

        assertInstanceOf(CallTarget.Own.class, target.orElseThrow());
        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(SkipReason.CONTACT_NOT_PERMITTED, skip.reason());
        assertEquals(null, skip.nextEligible());
    }

    @Test
    void earlyStageContactIsRefusedByTheRuleItself() {
        var decision = policy.decide(account(3, SPOUSE), new CallTarget.ThirdParty(SPOUSE), misses(8, 5), NOW);

        var skip = assertInstanceOf(DialDecision.Skip.class, decision);
        assertEquals(SkipReason.CONTACT_NOT_PERMITTED, skip.reason());
    }

    @Test
    void aContactsWindowIsJudgedInTheZonesOfTheirOwnNumber() {
        var account = account(11, FRIEND_IN_LA);
        var history = misses(6, 5);

        var friend = new CallTarget.ThirdParty(FRIEND_IN_LA);
        var explanation = policy.explain(account, friend, history, friend.zones(account), NOW);
        var target = next(account, history);

        var window = explanation.verdicts().stream().filter(v -> v.rule().equals("calling window")).findFirst().orElseThrow();
        assertEquals(SkipReason.OUTSIDE_WINDOW, window.reason());
        assertEquals(Instant.parse("2026-03-10T16:00:00Z"), window.nextPermitted());
        // A retry of a debtor not reached goes in peak hours, which open at 10:00 in Los Angeles.
        var skip = assertInstanceOf(DialDecision.Skip.class, explanation.decision());
        assertEquals(Instant.parse("2026-03-10T17:00:00Z"), skip.nextEligible());
        assertInstanceOf(CallTarget.Own.class, target.orElseThrow());
    }

    @Test
    void contactLimitsOutsideTheirBoundsAreRefusedNamingEveryKey() {
        var bad = new ContactLimits(0, 45, 2);

        var error = assertThrows(InvalidContactRulesException.class, () -> ContactRules.defaults().withContacts(bad));

        assertEquals(List.of("rules.contacts.unreachedAttempts: 0 (expected 1 to 100)",
                "rules.contacts.unreachedDays: 45 (expected 0 to 29)",
                "rules.contacts.maxCallsPerContact: 2 (expected 0 or 1: Regulation F 1006.10 allows one location call per person)"),
                error.problems());
    }

    @Test
    void noContactIsEverCalledWhenTheLimitIsZero() {
        var off = ContactPolicy.of(ContactRules.defaults().withContacts(new ContactLimits(6, 3, 0)));
        var optedOut = new ContactHistory(List.of(), new Suppression(Set.of(), Set.of(MOBILE, HOME), Set.of()));

        var target = off.nextTarget(account(45, SPOUSE), optedOut, NOW);

        assertEquals(Optional.empty(), target);
    }
}

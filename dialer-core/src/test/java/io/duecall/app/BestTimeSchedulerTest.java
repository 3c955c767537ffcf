package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryHabitStore;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.besttime.ColdStartPrior;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.besttime.PropensityModel;
import io.duecall.domain.besttime.SlotCounts;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.compliance.ContactPolicy;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.compliance.Suppression;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.DebtorZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BestTimeSchedulerTest {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Phone MOBILE = new Phone(new E164("+13125550101"), PhoneType.MOBILE);
    private static final Phone HOME = new Phone(new E164("+13125550102"), PhoneType.HOME);
    private static final Account ACCOUNT = new Account(new AccountId("A-1"), "Dana Example", List.of(MOBILE, HOME),
            Optional.of(CHICAGO), new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 11, 1), 12);
    /** Monday 7 December 2026, 09:00 in Chicago. */
    private static final Instant MONDAY_0900 = Instant.parse("2026-12-07T15:00:00Z");

    private final InMemoryHabitStore habits = new InMemoryHabitStore();
    private final BestTimeScheduler scheduler = BestTimeScheduler.learned(habits,
            new PropensityModel(ColdStartPrior.defaults()), BestTimeScheduler.Strengths.defaults(),
            Map.of(REMINDERS, BestTime.defaults()));

    /** Reached three times at 18:xx on weekdays, missed three times at 09:xx: an evening answerer. */
    private static ContactHistory eveningAnswerer() {
        var past = new ArrayList<PastAttempt>();
        for (int day = 1; day <= 3; day++) {
            var date = LocalDate.of(2026, 11, 30).plusDays(day);
            past.add(PastAttempt.unanswered(date.atTime(9, 15).atZone(CHICAGO).toInstant(), MOBILE.number(),
                    CallOutcome.NO_ANSWER));
            past.add(new PastAttempt(date.atTime(18, 20).atZone(CHICAGO).toInstant(), MOBILE.number(),
                    CallOutcome.ANSWERED, Disposition.HUNG_UP, false, true, io.duecall.domain.attempt.Disclosure.NOTHING));
        }
        return new ContactHistory(past, Suppression.none());
    }

    @Test
    void anAccountGoesBackAtItsBestPermittedHour() {
        var choice = scheduler.schedule(REMINDERS, ACCOUNT, eveningAnswerer(), MOBILE.number(), MONDAY_0900, t -> true);

        // The account's calls count for its 18:00-21:00 band; within it the peak-lifted prior prefers 19:00.
        assertEquals(Instant.parse("2026-12-08T01:00:00Z"), choice.at(), "19:00 in Chicago: " + choice);
        assertEquals(new ContactSlot(DayKind.WEEKDAY, 19), choice.chosen().slot());
        var account = choice.chosen().evidence().get(2);
        assertEquals("account", account.level());
        assertEquals(new SlotCounts(3, 3, 3), account.counts());
    }

    @Test
    void aCampaignThatDoesNotLearnTakesTheFirstPermittedInstant() {
        var off = BestTimeScheduler.off(habits);

        var choice = off.schedule(REMINDERS, ACCOUNT, eveningAnswerer(), MOBILE.number(), MONDAY_0900, t -> true);

        assertEquals(MONDAY_0900, choice.at());
        assertFalse(choice.heldBack());
    }

    @Test
    void learnsFromOwnNumbersOnlyAndPoolsBySegment() {
        var line = line(REMINDERS, ACCOUNT, MOBILE.number(), MONDAY_0900, CallOutcome.ANSWERED, true, false);
        var toContact = line(REMINDERS, ACCOUNT, new E164("+13125550199"), MONDAY_0900,
                CallOutcome.ANSWERED, false, true);

        scheduler.record(line, ACCOUNT);
        scheduler.record(toContact, ACCOUNT);

        var slot = new ContactSlot(DayKind.WEEKDAY, 9);
        assertEquals(new SlotCounts(1, 1, 1), habits.campaign(REMINDERS).get(slot));
        assertEquals(new SlotCounts(1, 1, 1), habits.segment(REMINDERS, "MOBILE/MIDDLE").get(slot));
    }

    private static io.duecall.domain.attempt.Attempt line(CampaignId campaign, Account account, E164 number,
            Instant at, CallOutcome outcome, boolean rightParty, boolean locationCall) {
        return new io.duecall.domain.attempt.Attempt("c-1", campaign, account.id(), number, CHICAGO,
                at.atZone(CHICAGO).toLocalDateTime(), at, at.plusSeconds(10), null, at.plusSeconds(60), outcome,
                rightParty ? Disposition.HUNG_UP : Disposition.THIRD_PARTY, null, false, null, null, null, null,
                locationCall, rightParty, io.duecall.domain.attempt.Disclosure.NOTHING, List.of(CHICAGO));
    }

    /** Whatever the history and the hour the account comes back, the chosen instant is one every rule permits. */
    @Property(tries = 300)
    void theChosenInstantIsAlwaysPermittedInEveryZone(@ForAll @IntRange(min = 0, max = 24 * 14) int hoursLater,
            @ForAll @IntRange(min = 0, max = 5) int reachedInEvening) {
        var policy = ContactPolicy.defaults();
        var history = new ArrayList<>(eveningAnswerer().attempts().subList(0, reachedInEvening));
        var contactHistory = new ContactHistory(history, Suppression.none());
        var from = MONDAY_0900.plus(Duration.ofHours(hoursLater));
        var zones = DebtorZones.of(ACCOUNT, MOBILE.number());
        var first = switch (policy.decide(ACCOUNT, MOBILE, contactHistory, zones, from)) {
            case DialDecision.Dial dial -> from;
            case DialDecision.Skip skip -> skip.nextEligible();
        };
        if (first == null) {
            return;
        }

        var choice = scheduler.schedule(REMINDERS, ACCOUNT, contactHistory, MOBILE.number(), first,
                t -> policy.decide(ACCOUNT, MOBILE, contactHistory, zones, t) instanceof DialDecision.Dial);

        assertInstanceOf(DialDecision.Dial.class, policy.decide(ACCOUNT, MOBILE, contactHistory, zones, choice.at()),
                choice::toString);
        assertTrue(!choice.at().isBefore(first) && !choice.at().isAfter(first.plus(Duration.ofHours(24))),
                choice::toString);
    }
}

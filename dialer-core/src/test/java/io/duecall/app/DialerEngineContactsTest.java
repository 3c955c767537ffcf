package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Third-party contacts through the engine's dial cycle: when they are called, what the IVR is told, the ledger. */
class DialerEngineContactsTest {
    private static final Instant MONDAY_NOON_NEW_YORK = Instant.parse("2026-03-02T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final E164 MOBILE = new E164("+12125550100");
    private static final E164 HOME = new E164("+12125550101");
    private static final Contact SPOUSE = new Contact(ContactRelation.SPOUSE, "Sam Example", new E164("+12125550142"));

    private final VirtualClock clock = new VirtualClock(MONDAY_NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).suppression(new InMemorySuppressionStore()).telephony(pbx)
            .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
            .campaigns(List.of(campaign())).maxOriginatesPerTick(50).rules(Map.of(IVR, ContactRules.defaults()))
            .build();

    /**
     * Dials at every instant the queue names for two weeks: own numbers never answer; the contact answers and the
     * IVR finishes the call as a third party.
     */
    private void runTwoWeeks() {
        var end = MONDAY_NOON_NEW_YORK.plus(Duration.ofDays(14));
        while (true) {
            var next = accounts.nextEligible(IVR);
            if (next.isEmpty() || next.get().isAfter(end)) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.get()));
            }
            int before = pbx.originated.size();
            engine.tick(IVR);
            if (pbx.originated.size() == before) {
                continue;
            }
            var request = pbx.originated.getLast();
            if (request.number().equals(SPOUSE.number())) {
                answerAsThirdParty(request.callId());
            } else {
                pbx.emit(new CallEvent.NotConnected(request.callId(), clock.instant(), CallOutcome.NO_ANSWER));
            }
        }
    }

    private void answerAsThirdParty(String callId) {
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "PJSIP/trunk-1"));
        var ivrCall = engine.sessions().find(callId).orElseThrow();
        assertEquals(Optional.of(SPOUSE), ivrCall.contact());
        assertThrows(IllegalStateException.class, () -> engine.sessions().recordPromise(callId,
                new Money(1_000, Currency.getInstance("USD")), ivrCall.debtorTime().toLocalDate()));
        clock.advance(Duration.ofSeconds(30));
        engine.sessions().finished(callId, Disposition.THIRD_PARTY);
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
    }

    @Test
    void middleStageCallsTheContactOnceAfterTheDebtorProvesUnreachable() {
        accounts.importAccounts(IVR, List.of(account(11)), MONDAY_NOON_NEW_YORK);

        runTwoWeeks();

        var attempts = ledger.readAll();
        var locationCalls = attempts.stream().filter(Attempt::locationCall).toList();
        assertEquals(1, locationCalls.size(), attempts.toString());
        var call = locationCalls.getFirst();
        assertEquals(SPOUSE.number(), call.number());
        assertEquals(Disposition.THIRD_PARTY, call.disposition());
        var before = attempts.stream().filter(a -> a.originatedAt().isBefore(call.originatedAt())).toList();
        assertTrue(before.size() >= 6, "unreached after " + before.size() + " misses");
        assertTrue(Duration.between(before.getFirst().originatedAt(), call.originatedAt()).toDays() >= 3);
        assertTrue(attempts.stream().anyMatch(a -> a.originatedAt().isAfter(call.originatedAt()) && !a.locationCall()),
                "own numbers are tried again after the location call");
        assertEquals(Map.of(SPOUSE.number(), 1), ledger.locationCalls(new AccountId("a-1")));
        assertTrue(ComplianceAudit.audit(attempts, ContactRules.defaults(), HolidayCalendar.none()).values().stream()
                .allMatch(List::isEmpty));
    }

    @Test
    void earlyStageNeverCallsTheContact() {
        accounts.importAccounts(IVR, List.of(account(3)), MONDAY_NOON_NEW_YORK);

        runTwoWeeks();

        assertFalse(ledger.readAll().isEmpty());
        assertFalse(ledger.readAll().stream().anyMatch(a -> a.locationCall() || a.number().equals(SPOUSE.number())));
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static Account account(int daysPastDue) {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(MOBILE, PhoneType.MOBILE), new Phone(HOME, PhoneType.HOME)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), daysPastDue).withContacts(List.of(SPOUSE));
    }
}

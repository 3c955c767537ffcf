package io.duecall.port;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.account.SecondFactor;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Sample values for the port contract tests. */
public final class Fixtures {
    public static final CampaignId CAMPAIGN = new CampaignId("reminders");
    public static final Instant T0 = Instant.parse("2025-03-10T14:00:00Z");
    public static final Currency USD = Currency.getInstance("USD");

    private Fixtures() {}

    public static Account account(String id) {
        return new Account(new AccountId(id), "Dana Example " + id,
                List.of(new Phone(new E164("+14155550123"), PhoneType.MOBILE), new Phone(new E164("+14155550124"), PhoneType.WORK)),
                Optional.of(ZoneId.of("America/Los_Angeles")), new Money(12_550, USD), LocalDate.of(2025, 2, 1), 37);
    }

    /** An account with every optional attribute: region, flags, language, both second factors and two contacts. */
    public static Account accountWithAttributes(String id) {
        return account(id).withRegion(new RegionCode("NV"))
                .withFlags(Set.of(AccountFlag.DO_NOT_CALL_AT_WORK, AccountFlag.DISPUTE))
                .withLanguage(Locale.forLanguageTag("es-MX"))
                .withSecondFactor(new SecondFactor(Optional.of(1980), Optional.of("0042")))
                .withContacts(List.of(new Contact(ContactRelation.SPOUSE, "Sam Example-O'Neil", new E164("+14155550142")),
                        new Contact(ContactRelation.EMPLOYER, "Acme Ltd. (front desk)", new E164("+442079460001"))));
    }

    /** A location call to a contact of acct-1 that a machine answered. */
    public static Attempt locationAttempt(String callId, String number) {
        return new Attempt(callId, CAMPAIGN, new AccountId("acct-1"), new E164(number), ZoneId.of("America/Chicago"),
                LocalDateTime.of(2025, 3, 10, 9, 0), T0, T0.plusSeconds(8), null, T0.plusSeconds(40),
                CallOutcome.MACHINE, Disposition.MACHINE, null, false, null, null, "location:1", null,
                /* locationCall= */ true);
    }

    public static Account accountWithoutZone(String id) {
        return new Account(new AccountId(id), "Sam Other", List.of(new Phone(new E164("+442079460000"), PhoneType.HOME)),
                Optional.empty(), new Money(0, Currency.getInstance("GBP")), LocalDate.of(2025, 1, 5), 0);
    }

    public static Attempt fullAttempt(String callId) {
        return new Attempt(callId, CAMPAIGN, new AccountId("acct-1"), new E164("+14155550123"),
                ZoneId.of("America/Los_Angeles"), LocalDateTime.of(2025, 3, 10, 7, 0, 0, 123_000_000),
                T0, T0.plusSeconds(9), T0.plusSeconds(31).plusNanos(5), T0.plusSeconds(200),
                CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY, "agent-7", true,
                new Money(5_025, USD), LocalDate.of(2025, 3, 20), "reminder:3", new DialContext("rules-0a1b2c3d4e5f", 3, 1, 2));
    }

    public static Attempt minimalAttempt(String callId) {
        return new Attempt(callId, CAMPAIGN, new AccountId("acct-2"), new E164("+14155550124"), ZoneId.of("UTC"),
                LocalDateTime.of(2025, 3, 10, 14, 0), T0, null, null, T0.plusSeconds(30),
                CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED, null, false, null, null, null, null);
    }

    public static PromiseToPay promise(String callId, long minor) {
        return new PromiseToPay(callId, new AccountId("acct-1"), CAMPAIGN, new Money(minor, USD),
                LocalDate.of(2025, 3, 20), T0.plusSeconds(60));
    }

    public static PromiseToPay promise(String callId, String account, LocalDate payBy) {
        return new PromiseToPay(callId, new AccountId(account), CAMPAIGN, new Money(5_000, USD), payBy, T0.plusSeconds(60));
    }

    public static Payment payment(String reference, String account, long minor) {
        return new Payment(new AccountId(account), new Money(minor, USD), T0.plusSeconds(3600), reference);
    }
}

package io.duecall.ivr.flow;

import io.duecall.app.IvrCall;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Contact;
import io.duecall.domain.account.ContactRelation;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Calls for IVR tests: Anna Smith owes 125.50 USD due 2026-03-01 on campaign "march-reminders". */
public final class TestCalls {
    public static final String CALL_ID = "c-9142";
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private TestCalls() {}

    public static IvrCall call(CampaignMode mode, int debtorHour) {
        return call(CALL_ID, mode, debtorHour);
    }

    /** The same call with the account changed, such as given a second factor or a language. */
    public static IvrCall withAccount(IvrCall call, UnaryOperator<Account> change) {
        return new IvrCall(call.callId(), change.apply(call.account()), call.number(), call.campaign(), call.debtorTime());
    }

    /** Sam Smith, Anna's spouse, on another number. */
    public static final Contact SPOUSE = new Contact(ContactRelation.SPOUSE, "Sam Smith", new E164("+14155550142"));

    /** A location call to Anna's spouse: the third party must hear nothing about the debt. */
    public static IvrCall locationCall(CampaignMode mode, int hour) {
        var call = call(mode, hour);
        var account = call.account().withContacts(List.of(SPOUSE));
        return new IvrCall(call.callId(), account, SPOUSE.number(), call.campaign(), call.debtorTime(),
                Optional.of(SPOUSE));
    }

    public static IvrCall call(String callId, CampaignMode mode, int debtorHour) {
        var campaign = new Campaign(new CampaignId("march-reminders"), "March reminders", mode, CallingWindow.defaults(),
                "Acme Lending", "+18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofMinutes(2), 3);
        var number = new E164("+14155550123");
        var account = new Account(new AccountId("A-1001"), "Anna Smith", List.of(new Phone(number, PhoneType.MOBILE)),
                Optional.of(ZONE), Money.parse("125.50", Currency.getInstance("USD")), LocalDate.of(2026, 3, 1), 12);
        var debtorTime = ZonedDateTime.of(2026, 3, 10, debtorHour, 30, 0, 0, ZONE);
        return new IvrCall(callId, account, number, campaign, debtorTime);
    }
}

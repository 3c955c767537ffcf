package io.duecall.adapter.postgres;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Ledger lines for the archive's tests, with times in whole milliseconds (PostgreSQL keeps microseconds). */
public final class Lines {
    private Lines() {}

    /** A promise on a call answered 9 s after its originate, judged in two zones, with every field set. */
    public static Attempt promise(String callId, String account, Instant originated) {
        var zone = ZoneId.of("America/New_York");
        return new Attempt(callId, new CampaignId("reminders"), new AccountId(account), new E164("+12125550142"), zone,
                originated.atZone(zone).toLocalDateTime(), originated, originated.plusSeconds(9), null,
                originated.plusSeconds(95), CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY, null, false,
                new Money(12_345, Currency.getInstance("USD")), LocalDate.of(2026, 12, 20), "reminder:3",
                new DialContext("rules-0a1b2c3d4e5f", 2, 0, 1), false, true, Disclosure.AMOUNT,
                List.of(zone, ZoneId.of("America/Chicago")), originated.plusMillis(40));
    }

    /** A call that rang out: the fewest fields a line has. */
    public static Attempt noAnswer(String callId, String account, Instant originated) {
        return new Attempt(callId, new CampaignId("desk"), new AccountId(account), new E164("+14155550123"),
                ZoneId.of("UTC"), originated.atZone(ZoneId.of("UTC")).toLocalDateTime(), originated, null, null,
                originated.plusSeconds(30), CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED, null, false, null, null,
                null, null);
    }

    /** A location call to a third party's number. */
    public static Attempt location(String callId, String account, String number, Instant originated) {
        return new Attempt(callId, new CampaignId("desk"), new AccountId(account), new E164(number), ZoneId.of("UTC"),
                originated.atZone(ZoneId.of("UTC")).toLocalDateTime(), originated, originated.plusSeconds(5), null,
                originated.plusSeconds(60), CallOutcome.ANSWERED, Disposition.NO_COMMITMENT, "agent-7", false, null, null,
                null, null, true);
    }
}

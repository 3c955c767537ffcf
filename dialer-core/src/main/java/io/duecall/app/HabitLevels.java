package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.PropensityModel.Level;
import io.duecall.domain.besttime.SlotTally;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.compliance.DelinquencyStage;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.window.DebtorZones;
import io.duecall.port.HabitStore;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The levels the best-time model pools for one account's number: the campaign's and the segment's counts from the
 * {@link HabitStore}, the account's and the number's from its own history; and the segment and zone a call is
 * counted under.
 */
final class HabitLevels {
    /** An account's own calls are pooled over three-hour bands of its day: 09-12, 12-15, 15-18, 18-21. */
    private static final int ACCOUNT_BAND_HOURS = 3;

    private HabitLevels() {}

    static List<Level> of(HabitStore habits, BestTimeScheduler.Strengths strengths, CampaignId campaign, Account account,
            ContactHistory history, E164 number) {
        var own = SlotTally.empty();
        var onNumber = SlotTally.empty();
        // Each own number's zone, worked out once: a history holds many calls to few numbers.
        var zones = new java.util.HashMap<E164, ZoneId>();
        account.phones().forEach(p -> zones.put(p.number(), zone(account, p.number())));
        for (var past : history.attempts()) {
            var pastZone = zones.get(past.number());
            if (pastZone == null) {
                continue;
            }
            var slot = ContactSlot.of(past.at().atZone(pastZone).toLocalDateTime());
            own = own.plus(slot, answered(past), past.rightParty());
            if (past.number().equals(number)) {
                onNumber = onNumber.plus(slot, answered(past), past.rightParty());
            }
        }
        var segment = segment(account, number);
        var pooled = habits.read(campaign, segment);
        return List.of(
                new Level("campaign", pooled.campaign(), strengths.campaign()),
                new Level("segment " + segment, pooled.segment(), strengths.segment()),
                new Level("account", own, strengths.account(), ACCOUNT_BAND_HOURS),
                new Level("number", onNumber, strengths.number(), ACCOUNT_BAND_HOURS));
    }

    private static boolean answered(PastAttempt past) {
        return past.outcome() == CallOutcome.ANSWERED || past.rightParty();
    }

    /** The phone type and delinquency stage: people's habits differ by the kind of number far more than by region. */
    static String segment(Account account, E164 number) {
        var type = account.phones().stream().filter(p -> p.number().equals(number)).map(Phone::type).findFirst()
                .map(Enum::name).orElse("CONTACT");
        return type + "/" + DelinquencyStage.of(account.daysPastDue()).name();
    }

    /** The zone slots are judged in: the first of the number's zones, as the dial decision's debtor time is. */
    static ZoneId zone(Account account, E164 number) {
        return DebtorZones.of(account, number).stream().min(Comparator.comparing(ZoneId::getId))
                .orElse(java.time.ZoneOffset.UTC);
    }
}

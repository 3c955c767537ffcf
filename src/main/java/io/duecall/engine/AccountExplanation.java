package io.duecall.engine;

import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisHabitStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.ArchivedLedger;
import io.duecall.app.BestTimeScheduler;
import io.duecall.app.Eligibility;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.engine.config.EngineConfig;
import io.duecall.port.AttemptLedger;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/** {@code explain}: the contact rules' verdict on one stored account, read from the deployment's Redis and ledger. */
final class AccountExplanation {
    private AccountExplanation() {}

    /** Why an account is or is not being called, rule by rule, and when it next may be. */
    static int explain(EngineConfig.Resolved config, CampaignId campaign, AccountId accountId, Instant at,
            PrintStream out) throws Exception {
        if (config.campaigns().list().stream().noneMatch(c -> c.id().equals(campaign))) {
            throw new Main.UsageException("campaign '" + campaign + "' is not in the configuration");
        }
        try (var redis = Commands.redis(config); var jedis = redis.connect(); var archive = Commands.archive(config)) {
            var keys = new RedisKeys(config.redis().keyPrefix());
            var account = new RedisAccountStore(jedis, keys).find(accountId)
                    .orElseThrow(() -> new Main.UsageException("account '" + accountId + "' is not stored"));
            // With PostgreSQL, the account's whole history there, not only the latest lines kept with it in Redis.
            AttemptLedger ledger = new RedisAttemptLedger(jedis, keys);
            if (archive != null) {
                ledger = new ArchivedLedger(ledger, archive).withArchivedHistory();
            }
            var eligibility = new Eligibility(ledger, new RedisSuppressionStore(jedis, keys),
                    config.campaigns().list(),
                    new QuartzHolidayCalendar(config.scheduler().holidayDates()), config.campaigns().rules());
            var now = at != null ? at : Clock.systemUTC().instant();
            out.printf("account %s in campaign %s at %s:%n", accountId, campaign, now);
            var choice = eligibility.decide(campaign, account, now);
            out.println(choice.phone()
                    .map(p -> "next number: " + p.type().name().toLowerCase(java.util.Locale.ROOT) + " " + p.number())
                    .or(() -> choice.contact().map(c -> "next number: contact (location call) "
                            + c.relation().name().toLowerCase(java.util.Locale.ROOT) + " " + c.number()))
                    .orElse("next number: none may be called"));
            out.println(eligibility.explain(campaign, account, now).describe());
            var bestTime = BestTimeScheduler.learned(new RedisHabitStore(jedis, keys), config.campaigns().bestTime());
            out.println((bestTime.schedules(campaign) ? "best time to call (the campaign calls then):"
                    : "best time to call (bestTime is off: the campaign calls at the first permitted instant):"));
            bestTime.explain(eligibility, campaign, account, now, 3).forEach(slot -> out.println("  " + slot));
        }
        return 0;
    }
}

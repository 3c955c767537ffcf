package io.duecall.engine;

import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.engine.config.ConfiguredCampaign;
import io.duecall.engine.config.ConfiguredCampaigns;
import io.duecall.engine.config.EngineConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code test-call --config FILE --campaign ID --number +E164 [--as-account ID] [--ignore-window]}: one call to an
 * operator's own phone through the normal path (the campaign's window and rules judge it, the real flow runs), for
 * a test account made for the call alone: a debtor's account is only read ({@code --as-account} copies its name,
 * amount and language for the script), and the test account's own empty history means no cap stops the call and
 * no debtor's caps count it. The ledger line is marked {@code test}. Exit 0 when answered, 1 when not, 3 when not
 * dialed.
 */
final class TestCallCommand {
    static final int NOT_ANSWERED = 1;
    static final int NOT_DIALED = 3;
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private TestCallCommand() {}

    static int call(EngineConfig.Resolved config, CampaignId campaignId, E164 number, AccountId asAccount,
            boolean ignoreWindow, Clock clock, PrintStream out) throws Exception {
        var configured = config.campaigns().entries().stream().filter(e -> e.campaign().id().equals(campaignId))
                .findFirst().orElseThrow(() -> new Main.UsageException("--campaign: '" + campaignId
                        + "' is not in the configuration"));
        var effective = ignoreWindow ? widened(config, configured) : config;
        var campaign = configured.campaign();
        var line = new CompletableFuture<Attempt>();
        // Seconds from the originate, as the operator hears them.
        var start = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        var printer = (java.util.function.Consumer<String>) text -> {
            synchronized (out) {
                out.printf("  %6.1f s  %s%n", (System.nanoTime() - start.get()) / 1e9, E164.maskNumbers(text));
                out.flush();
            }
        };
        try (var redis = Commands.redis(effective)) {
            var account = testAccount(redis, effective, number, asAccount, clock.instant());
            try (var engine = Engine.startTestCall(effective, clock, d -> Thread.sleep(d), redis,
                    new TestCallWiring(printer, line::complete))) {
                var now = clock.instant();
                engine.accounts().importAccounts(campaignId, List.of(account), now);
                var choice = engine.dialer().eligibility().decide(campaignId, account, now);
                if (choice.decision() instanceof DialDecision.Skip skip) {
                    out.printf("duecall test-call: not dialed: %s (%s)%s%n", skip.reason(), skip.detail(),
                            ignoreWindow ? "" : "; --ignore-window drops the campaign's own window and holidays");
                    engine.accounts().remove(campaignId, account.id());
                    return NOT_DIALED;
                }
                out.printf("duecall test-call: %s for campaign %s as test account %s%s%n",
                        E164.maskNumbers(number.value()), campaignId, account.id(),
                        asAccount == null ? "" : " (a copy of " + asAccount + " for the script)");
                start.set(System.nanoTime());
                printer.accept("dialing");
                if (engine.dialer().tick(campaignId) == 0) {
                    out.println("duecall test-call: not dialed: the campaign's pacing placed no call (an agent "
                            + "campaign dials only for a free agent; is the PBX connected?)");
                    engine.accounts().remove(campaignId, account.id());
                    return NOT_DIALED;
                }
                var attempt = await(line, engine, campaign.ringTimeout().plus(campaign.maxCallDuration()).plus(MARGIN));
                printer.accept("ended: " + attempt.outcome() + ", " + attempt.disposition());
                out.printf("duecall test-call: %s %s; ledger line %s marked test%n", attempt.outcome(),
                        attempt.disposition(), attempt.callId());
                engine.accounts().remove(campaignId, account.id());
                return attempt.answeredAt() != null ? 0 : NOT_ANSWERED;
            }
        }
    }

    /** Waits for the call's ledger line, running the dialer's upkeep (stale calls, the outbox) meanwhile. */
    private static Attempt await(CompletableFuture<Attempt> line, Engine engine, Duration deadline) throws Exception {
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                return line.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("no ledger line for the test call within " + deadline.toSeconds()
                            + " s (the ring time, the campaign's maximum duration and " + MARGIN.toSeconds() + " s)");
                }
                engine.dialer().upkeep();
            }
        }
    }

    /**
     * The account the call is made for, in the test calls' own key space: a copy of {@code asAccount}'s name, amount,
     * due date, language, second factor, region and flags (read from the deployment's store, never written), or a
     * made-up debtor, with {@code number} as its only number. Its id is new for each call, so no history carries over.
     */
    private static Account testAccount(io.duecall.adapter.redis.ProvisionedRedis redis, EngineConfig.Resolved config,
            E164 number, AccountId asAccount, Instant now) {
        var id = "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        var phones = List.of(new Phone(number, PhoneType.MOBILE));
        if (asAccount == null) {
            var due = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(10);
            return new Account(new AccountId(id), "Test Caller", phones, Optional.empty(),
                    new Money(10_000, Currency.getInstance("USD")), due, 10);
        }
        Account source;
        try (var jedis = redis.connect(1)) {
            source = new RedisAccountStore(jedis, new RedisKeys(config.redis().keyPrefix())).find(asAccount)
                    .orElseThrow(() -> new Main.UsageException("--as-account: no account '" + asAccount + "' in the store"));
        }
        var copied = id + "-" + asAccount.value();
        return new Account(new AccountId(copied.length() > 64 ? copied.substring(0, 64) : copied),
                source.debtorName(), phones, source.zone(), source.amountDue(), source.dueDate(), source.daysPastDue(),
                source.region(), source.flags(), source.language(), source.secondFactor(), List.of());
    }

    /**
     * The configuration with the campaign's own window, holidays and regional overlays dropped: it may dial whenever
     * the outermost window allows, 08:00 to 21:00 in the number's zone, which no configuration can widen.
     */
    static EngineConfig.Resolved widened(EngineConfig.Resolved config, ConfiguredCampaign configured) {
        var rules = configured.rules() == null ? ContactRules.defaults() : configured.rules();
        var widest = WeeklyWindows.every(new CallingWindow(CallingWindow.EARLIEST, CallingWindow.LATEST,
                configured.campaign().window().closingMargin()));
        var open = new ContactRules(widest, rules.peaks(), rules.limits(), Map.of(), /* honourHolidays= */ false,
                rules.contacts());
        var entries = new ArrayList<ConfiguredCampaign>();
        for (var entry : config.campaigns().entries()) {
            entries.add(entry != configured ? entry : new ConfiguredCampaign(entry.campaign(), entry.runDates(), open,
                    entry.pacing(), entry.machine(), entry.requiredSkills()));
        }
        return new EngineConfig.Resolved(config.redis(), config.pbxs(), config.agi(), config.scheduler(),
                config.clustered(), config.agents(), new ConfiguredCampaigns(entries), config.promises(),
                config.http(), config.imports(), config.journalDir());
    }
}

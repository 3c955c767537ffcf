package io.duecall.sim;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.pacing.AbandonLedger;
import io.duecall.domain.pacing.Pacer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs one campaign day in virtual time: a discrete-event simulation of agents, calls and debtors, asking the pacer
 * after every event and every tick. Debtor k's fate comes from its own seeded random stream, so every pacer run on
 * the same seed meets exactly the same debtors (common random numbers).
 */
public final class CampaignSimulator {
    private final SimConfig config;
    private final DialGate gate;
    private final Consumer<io.duecall.domain.attempt.Attempt> ledger;

    /** {@code gate} null: the campaign's calling window; {@code ledger} null: no attempt lines are built. */
    public CampaignSimulator(SimConfig config, DialGate gate, Consumer<io.duecall.domain.attempt.Attempt> ledger) {
        this.config = config;
        this.gate = gate == null ? DialGate.window(config.window()) : gate;
        this.ledger = ledger;
    }

    public SimConfig config() {
        return config;
    }

    /** Simulates the day with {@code seed}, counting abandons into {@code abandons} (which may hold earlier days). */
    public DayResult run(Pacer pacer, long seed, AbandonLedger abandons) {
        return new SimDay(config, gate, ledger, pacer, seed, abandons).run();
    }

    /** The debtor behind account {@code k} on the day seeded with {@code seed}. */
    static SplittableRandom debtorStream(long seed, long k) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + 1);
    }

    static Account account(long k, SimConfig config) {
        var number = new E164("+1212" + String.format("%07d", k % 10_000_000));
        return new Account(new AccountId("A" + k), "Debtor " + k, List.of(new Phone(number, PhoneType.MOBILE)),
                Optional.of(config.zone()), new Money(10_000, Currency.getInstance("USD")),
                LocalDate.of(2025, 2, 1), 30);
    }

    static boolean permitted(DialGate gate, Account account, Instant now) {
        return gate.decide(account, account.phones().getFirst(), now) instanceof DialDecision.Dial;
    }
}

package io.duecall.port;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Overdue accounts and each campaign's queue of them, ordered by the instant each becomes eligible to dial.
 * Claims are atomic: two dialers can never hold the same account at once.
 */
public interface AccountStore {

    /**
     * Stores all the accounts and queues them in the campaign, eligible from {@code eligibleFrom}; all or nothing.
     * An account already stored is replaced; one already queued keeps its place unless it is leased.
     */
    default void importAccounts(CampaignId campaign, List<Account> accounts, Instant eligibleFrom) {
        try (var staged = beginImport(campaign, eligibleFrom)) {
            accounts.forEach(staged::add);
            staged.commit();
        }
    }

    /**
     * Starts an import of any size into the campaign, eligible from {@code eligibleFrom}, with the guarantees of
     * {@link #importAccounts}: what is added stays invisible to claims until {@link Import#commit}, and closing an
     * import that was not committed (a rejected file, a failure) leaves the store as it was.
     */
    Import beginImport(CampaignId campaign, Instant eligibleFrom);

    /** An import being staged, account by account; not safe for use by several threads. */
    interface Import extends AutoCloseable {
        /** Stages one more account; an account added twice keeps the later one. */
        void add(Account account);

        /** Stores and queues everything added, in one step as far as the store allows. */
        void commit();

        /** Discards what was added, unless it was committed. */
        @Override
        void close();
    }

    /**
     * Takes up to {@code max} accounts whose eligible time is at or before {@code now}, earliest first, and leases
     * them for {@code lease}. Accounts whose lease had expired by {@code now} return to the queue first.
     */
    List<Claim> claim(CampaignId campaign, int max, Instant now, Duration lease);

    /** Returns a claimed account to the queue, eligible again from {@code nextEligible}; false if the lease was lost. */
    boolean release(Claim claim, Instant nextEligible);

    /**
     * Extends a lease to {@code expires} while the call on it is still up, so a lease can be short (a dead dialer's
     * accounts come back soon) without running out under a long call; false, changing nothing, if the lease was lost.
     */
    boolean renew(Claim claim, Instant expires);

    /** Takes a claimed account out of the campaign's queue for good (done, paid, out of attempts); false if the lease was lost. */
    boolean finish(Claim claim);

    /**
     * Puts a stored account back in the campaign's queue, eligible from {@code eligibleAt}, moving it if it is queued
     * already (a follow-up call after a broken promise, say). False, changing nothing, if the account is not stored
     * or a dialer holds it leased.
     */
    boolean requeue(CampaignId campaign, AccountId account, Instant eligibleAt);

    /** Takes an account out of a campaign's queue whatever its state, for example when it is paid. */
    void remove(CampaignId campaign, AccountId account);

    Optional<Account> find(AccountId id);

    /** Those of the ids that are stored accounts. This default finds each; a store may answer in one round trip. */
    default Set<AccountId> stored(Collection<AccountId> ids) {
        var stored = new HashSet<AccountId>();
        for (var id : ids) {
            if (find(id).isPresent()) {
                stored.add(id);
            }
        }
        return stored;
    }

    /** Accounts waiting in the queue (eligible now or later), not counting leased ones. */
    long queued(CampaignId campaign);

    /** Accounts currently leased by some dialer. */
    long leased(CampaignId campaign);

    /** The earliest eligible time in the queue, if any; lets a dialer sleep instead of spinning. */
    Optional<Instant> nextEligible(CampaignId campaign);
}

package io.duecall.adapter.memory;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountStore;
import io.duecall.port.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@link AccountStore} in memory with the same semantics as the Redis store (expired leases return to the queue at
 * their expiry time, ties go to the smaller id); every method holds one lock, which stands in for Redis's atomicity.
 */
public final class InMemoryAccountStore implements AccountStore {
    private record Entry(long at, String id) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::at).thenComparing(Entry::id);

    private final class Campaign {
        final Map<String, Long> queued = new HashMap<>();
        final TreeSet<Entry> queue = new TreeSet<>(ORDER);
        final Map<String, Long> leaseExpiry = new HashMap<>();
        final TreeSet<Entry> leases = new TreeSet<>(ORDER);
        final Map<String, String> owners = new HashMap<>();

        void enqueue(String id, long at) {
            var old = queued.put(id, at);
            if (old != null) {
                queue.remove(new Entry(old, id));
            }
            queue.add(new Entry(at, id));
        }

        void dequeue(String id) {
            var old = queued.remove(id);
            if (old != null) {
                queue.remove(new Entry(old, id));
            }
        }

        void dropLease(String id) {
            var expiry = leaseExpiry.remove(id);
            if (expiry != null) {
                leases.remove(new Entry(expiry, id));
            }
            owners.remove(id);
        }
    }

    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<CampaignId, Campaign> campaigns = new HashMap<>();

    /** Keeps what is added aside and stores it in {@link #importAccounts} at commit. */
    @Override
    public Import beginImport(CampaignId campaign, Instant eligibleFrom) {
        var staged = new java.util.LinkedHashMap<AccountId, Account>();
        return new Import() {
            @Override
            public void add(Account account) {
                staged.put(account.id(), account);
            }

            @Override
            public void commit() {
                importAccounts(campaign, List.copyOf(staged.values()), eligibleFrom);
                staged.clear();
            }

            @Override
            public void close() {
                staged.clear();
            }
        };
    }

    @Override
    public synchronized void importAccounts(CampaignId campaign, List<Account> given, Instant eligibleFrom) {
        var accounts = List.copyOf(given);
        var state = campaign(campaign);
        for (var account : accounts) {
            this.accounts.put(account.id(), account);
            var id = account.id().value();
            if (!state.queued.containsKey(id) && !state.leaseExpiry.containsKey(id)) {
                state.enqueue(id, eligibleFrom.toEpochMilli());
            }
        }
    }

    @Override
    public synchronized List<Claim> claim(CampaignId campaign, int max, Instant now, Duration lease) {
        if (max <= 0) {
            throw new IllegalArgumentException("max: " + max + " (expected > 0)");
        }
        var state = campaign(campaign);
        var nowMillis = now.toEpochMilli();
        while (!state.leases.isEmpty() && state.leases.first().at() <= nowMillis) {
            var expired = state.leases.first();
            state.dropLease(expired.id());
            state.enqueue(expired.id(), expired.at());
        }
        var expires = now.plus(lease);
        var claims = new ArrayList<Claim>();
        while (claims.size() < max && !state.queue.isEmpty() && state.queue.first().at() <= nowMillis) {
            var id = state.queue.first().id();
            state.dequeue(id);
            var token = UUID.randomUUID().toString();
            state.leaseExpiry.put(id, expires.toEpochMilli());
            state.leases.add(new Entry(expires.toEpochMilli(), id));
            state.owners.put(id, token);
            claims.add(new Claim(campaign, accounts.get(new AccountId(id)), token, expires));
        }
        return claims;
    }

    @Override
    public synchronized boolean renew(Claim claim, Instant expires) {
        var state = campaign(claim.campaign());
        var id = claim.account().id().value();
        if (!claim.leaseToken().equals(state.owners.get(id))) {
            return false;
        }
        var old = state.leaseExpiry.put(id, expires.toEpochMilli());
        state.leases.remove(new Entry(old, id));
        state.leases.add(new Entry(expires.toEpochMilli(), id));
        return true;
    }

    @Override
    public synchronized boolean release(Claim claim, Instant nextEligible) {
        var state = campaign(claim.campaign());
        var id = claim.account().id().value();
        if (!claim.leaseToken().equals(state.owners.get(id))) {
            return false;
        }
        state.dropLease(id);
        state.enqueue(id, nextEligible.toEpochMilli());
        return true;
    }

    @Override
    public synchronized boolean finish(Claim claim) {
        var state = campaign(claim.campaign());
        var id = claim.account().id().value();
        if (!claim.leaseToken().equals(state.owners.get(id))) {
            return false;
        }
        state.dropLease(id);
        state.dequeue(id);
        return true;
    }

    @Override
    public synchronized boolean requeue(CampaignId campaign, AccountId account, Instant eligibleAt) {
        var state = campaign(campaign);
        if (!accounts.containsKey(account) || state.leaseExpiry.containsKey(account.value())) {
            return false;
        }
        state.enqueue(account.value(), eligibleAt.toEpochMilli());
        return true;
    }

    @Override
    public synchronized void remove(CampaignId campaign, AccountId account) {
        var state = campaign(campaign);
        state.dropLease(account.value());
        state.dequeue(account.value());
    }

    @Override
    public synchronized Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized long queued(CampaignId campaign) {
        return campaign(campaign).queue.size();
    }

    @Override
    public synchronized long leased(CampaignId campaign) {
        return campaign(campaign).leases.size();
    }

    @Override
    public synchronized Optional<Instant> nextEligible(CampaignId campaign) {
        var queue = campaign(campaign).queue;
        return queue.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(queue.first().at()));
    }

    private Campaign campaign(CampaignId id) {
        return campaigns.computeIfAbsent(id, ignored -> new Campaign());
    }
}

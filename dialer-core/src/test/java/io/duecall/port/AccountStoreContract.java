package io.duecall.port;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.account;
import static io.duecall.port.Fixtures.accountWithoutZone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AccountStore} must have; subclasses only supply a fresh, empty store. */
public abstract class AccountStoreContract {
    protected static final Duration LEASE = Duration.ofMinutes(5);
    protected AccountStore store;

    protected abstract AccountStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static List<String> ids(List<Claim> claims) {
        return claims.stream().map(claim -> claim.account().id().value()).toList();
    }

    @Test
    void importedAccountsCanBeFoundExactlyAsGiven() {
        store.importAccounts(CAMPAIGN, List.of(account("a1"), accountWithoutZone("a2")), T0);

        assertEquals(Optional.of(account("a1")), store.find(new AccountId("a1")));
        assertEquals(Optional.of(accountWithoutZone("a2")), store.find(new AccountId("a2")));
        assertEquals(Optional.empty(), store.find(new AccountId("a3")));
    }

    @Test
    void regionFlagsLanguageAndSecondFactorSurviveStorageAndClaims() {
        store.importAccounts(CAMPAIGN, List.of(Fixtures.accountWithAttributes("a1")), T0);

        var claimed = store.claim(CAMPAIGN, 1, T0, LEASE);

        assertEquals(Optional.of(Fixtures.accountWithAttributes("a1")), store.find(new AccountId("a1")));
        assertEquals(Fixtures.accountWithAttributes("a1"), claimed.get(0).account());
    }

    @Test
    void reimportWithoutAttributesDropsTheOldOnes() {
        store.importAccounts(CAMPAIGN, List.of(Fixtures.accountWithAttributes("a1")), T0);

        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);

        assertEquals(Optional.of(account("a1")), store.find(new AccountId("a1")));
    }

    @Test
    void claimsEarliestEligibleFirstAndSkipsAccountsNotYetEligible() {
        store.importAccounts(CAMPAIGN, List.of(account("late")), T0.plusSeconds(30));
        store.importAccounts(CAMPAIGN, List.of(account("early")), T0.minusSeconds(30));
        store.importAccounts(CAMPAIGN, List.of(account("middle")), T0);
        store.importAccounts(CAMPAIGN, List.of(account("future")), T0.plusSeconds(3600));

        var claims = store.claim(CAMPAIGN, 10, T0.plusSeconds(60), LEASE);

        assertEquals(List.of("early", "middle", "late"), ids(claims));
        assertEquals(1, store.queued(CAMPAIGN));
        assertEquals(3, store.leased(CAMPAIGN));
        assertEquals(Optional.of(T0.plusSeconds(3600)), store.nextEligible(CAMPAIGN));
    }

    @Test
    void claimTakesAtMostMaxAndGivesEachClaimItsOwnTokenAndExpiry() {
        store.importAccounts(CAMPAIGN, List.of(account("a1"), account("a2"), account("a3")), T0);

        var claims = store.claim(CAMPAIGN, 2, T0, LEASE);

        assertEquals(List.of("a1", "a2"), ids(claims));
        assertNotEquals(claims.get(0).leaseToken(), claims.get(1).leaseToken());
        assertEquals(T0.plus(LEASE), claims.get(0).leaseExpires());
        assertEquals(account("a1"), claims.get(0).account());
    }

    @Test
    void accountsOfOtherCampaignsAreNotClaimed() {
        store.importAccounts(new CampaignId("other"), List.of(account("a1")), T0);

        var claims = store.claim(CAMPAIGN, 10, T0, LEASE);

        assertEquals(List.of(), claims);
        assertEquals(1, store.queued(new CampaignId("other")));
    }

    @Test
    void leasedAccountIsNotClaimedAgainUntilTheLeaseExpires() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var first = store.claim(CAMPAIGN, 1, T0, LEASE);

        var beforeExpiry = store.claim(CAMPAIGN, 1, T0.plus(LEASE).minusMillis(1), LEASE);
        var afterExpiry = store.claim(CAMPAIGN, 1, T0.plus(LEASE), LEASE);

        assertEquals(List.of(), beforeExpiry);
        assertEquals(List.of("a1"), ids(afterExpiry));
        assertNotEquals(first.get(0).leaseToken(), afterExpiry.get(0).leaseToken());
    }

    @Test
    void renewedLeaseIsNotClaimedUntilItsNewExpiry() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var claim = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);

        boolean renewed = store.renew(claim, T0.plus(LEASE.multipliedBy(2)));

        assertTrue(renewed);
        assertEquals(List.of(), store.claim(CAMPAIGN, 1, T0.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(List.of("a1"), ids(store.claim(CAMPAIGN, 1, T0.plus(LEASE.multipliedBy(2)), LEASE)));
    }

    @Test
    void staleTokenCannotRenewAReclaimedAccount() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var stale = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);
        var current = store.claim(CAMPAIGN, 1, T0.plus(LEASE), LEASE).get(0);

        boolean renewed = store.renew(stale, T0.plus(LEASE.multipliedBy(10)));

        assertFalse(renewed);
        assertEquals(List.of("a1"), ids(store.claim(CAMPAIGN, 1, T0.plus(LEASE.multipliedBy(2)), LEASE)));
        assertFalse(store.release(current, T0));
    }

    @Test
    void staleTokenCannotReleaseOrFinishAReclaimedAccount() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var stale = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);
        var current = store.claim(CAMPAIGN, 1, T0.plus(LEASE).plusSeconds(1), LEASE).get(0);

        boolean released = store.release(stale, T0);
        boolean finished = store.finish(stale);

        assertFalse(released);
        assertFalse(finished);
        assertEquals(1, store.leased(CAMPAIGN));
        assertEquals(0, store.queued(CAMPAIGN));
        assertTrue(store.release(current, T0.plusSeconds(900)));
    }

    @Test
    void releaseRequeuesAtTheGivenTimeAndOnlyOnce() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var claim = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);
        var retryAt = T0.plus(Duration.ofHours(2));

        boolean released = store.release(claim, retryAt);

        assertTrue(released);
        assertFalse(store.release(claim, T0));
        assertEquals(Optional.of(retryAt), store.nextEligible(CAMPAIGN));
        assertEquals(0, store.leased(CAMPAIGN));
        assertEquals(List.of(), store.claim(CAMPAIGN, 1, retryAt.minusMillis(1), LEASE));
        assertEquals(List.of("a1"), ids(store.claim(CAMPAIGN, 1, retryAt, LEASE)));
    }

    @Test
    void finishTakesTheAccountOutOfTheCampaignForGood() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var claim = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);

        boolean finished = store.finish(claim);

        assertTrue(finished);
        assertEquals(0, store.queued(CAMPAIGN));
        assertEquals(0, store.leased(CAMPAIGN));
        assertEquals(List.of(), store.claim(CAMPAIGN, 1, T0.plus(Duration.ofDays(30)), LEASE));
        assertTrue(store.find(new AccountId("a1")).isPresent());
    }

    @Test
    void removeTakesAQueuedOrLeasedAccountOutAndVoidsItsLease() {
        store.importAccounts(CAMPAIGN, List.of(account("a1"), account("a2")), T0);
        var leased = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);

        store.remove(CAMPAIGN, new AccountId("a1"));
        store.remove(CAMPAIGN, new AccountId("a2"));

        assertEquals(0, store.queued(CAMPAIGN));
        assertEquals(0, store.leased(CAMPAIGN));
        assertFalse(store.release(leased, T0));
        assertEquals(Optional.empty(), store.nextEligible(CAMPAIGN));
    }

    @Test
    void reimportReplacesDataKeepsQueuePlacesAndDoesNotRequeueLeasedAccounts() {
        store.importAccounts(CAMPAIGN, List.of(account("queued"), account("leased")), T0);
        store.claim(CAMPAIGN, 1, T0, LEASE);
        var replacement = accountWithoutZone("queued");

        store.importAccounts(CAMPAIGN, List.of(replacement, account("leased"), account("new")), T0.plusSeconds(60));

        assertEquals(Optional.of(replacement), store.find(new AccountId("queued")));
        assertEquals(2, store.queued(CAMPAIGN));
        assertEquals(1, store.leased(CAMPAIGN));
        assertEquals(Optional.of(T0), store.nextEligible(CAMPAIGN));
    }

    @Test
    void importWithAnInvalidEntryStoresNothing() {
        store.importAccounts(CAMPAIGN, List.of(account("old")), T0);
        var withHole = Arrays.asList(account("a1"), null, account("a3"));

        assertThrows(NullPointerException.class, () -> store.importAccounts(CAMPAIGN, withHole, T0));

        assertEquals(Optional.empty(), store.find(new AccountId("a1")));
        assertEquals(1, store.queued(CAMPAIGN));
    }

    @Test
    void emptyCampaignHasNothingQueuedLeasedOrEligible() {
        var claims = store.claim(CAMPAIGN, 5, T0, LEASE);

        assertEquals(List.of(), claims);
        assertEquals(0, store.queued(CAMPAIGN));
        assertEquals(0, store.leased(CAMPAIGN));
        assertEquals(Optional.empty(), store.nextEligible(CAMPAIGN));
    }

    @Test
    void claimTimesAreKeptToTheMillisecond() {
        var eligible = Instant.parse("2025-03-10T14:00:00.123Z");
        store.importAccounts(CAMPAIGN, List.of(account("a1")), eligible);

        var tooEarly = store.claim(CAMPAIGN, 1, eligible.minusMillis(1), LEASE);

        assertEquals(List.of(), tooEarly);
        assertEquals(Optional.of(eligible), store.nextEligible(CAMPAIGN));
    }

    @Test
    void requeuePutsAFinishedAccountBackAtTheGivenTime() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        store.finish(store.claim(CAMPAIGN, 1, T0, LEASE).get(0));
        var at = T0.plus(Duration.ofDays(4));

        boolean requeued = store.requeue(CAMPAIGN, new AccountId("a1"), at);

        assertTrue(requeued);
        assertEquals(1, store.queued(CAMPAIGN));
        assertEquals(Optional.of(at), store.nextEligible(CAMPAIGN));
        assertEquals(List.of("a1"), ids(store.claim(CAMPAIGN, 1, at, LEASE)));
    }

    @Test
    void requeueMovesAQueuedAccountAheadOfTheOthers() {
        store.importAccounts(CAMPAIGN, List.of(account("a1"), account("a2"), account("a3")), T0);

        boolean requeued = store.requeue(CAMPAIGN, new AccountId("a3"), T0.minusSeconds(1));

        assertTrue(requeued);
        assertEquals(3, store.queued(CAMPAIGN));
        assertEquals(List.of("a3", "a1", "a2"), ids(store.claim(CAMPAIGN, 3, T0, LEASE)));
    }

    @Test
    void requeueLeavesALeasedAccountToItsDialer() {
        store.importAccounts(CAMPAIGN, List.of(account("a1")), T0);
        var claim = store.claim(CAMPAIGN, 1, T0, LEASE).get(0);

        boolean requeued = store.requeue(CAMPAIGN, new AccountId("a1"), T0);

        assertFalse(requeued);
        assertEquals(0, store.queued(CAMPAIGN));
        assertEquals(1, store.leased(CAMPAIGN));
        assertTrue(store.release(claim, T0.plusSeconds(60)));
    }

    @Test
    void requeueOfAnAccountNeverStoredChangesNothing() {
        boolean requeued = store.requeue(CAMPAIGN, new AccountId("ghost"), T0);

        assertFalse(requeued);
        assertEquals(0, store.queued(CAMPAIGN));
    }
}

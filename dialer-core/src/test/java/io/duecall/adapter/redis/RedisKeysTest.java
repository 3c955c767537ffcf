package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.campaign.CampaignId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisKeysTest {

    @Test
    void campaignKeysShareOneHashTagUnderTheDefaultPrefix() {
        var keys = RedisKeys.defaults();

        var campaignKeys = List.of(keys.queue(CAMPAIGN), keys.leases(CAMPAIGN), keys.leaseOwners(CAMPAIGN));

        assertEquals(List.of("duecall:{c:reminders}:queue", "duecall:{c:reminders}:leases",
                "duecall:{c:reminders}:lease-owner"), campaignKeys);
        assertEquals("duecall:{a:A-1}:account", keys.account(new AccountId("A-1")));
        assertEquals("duecall:{promises}:call:c-9", keys.promise("c-9"));
        assertEquals("duecall:{promises}:log", keys.promiseLog());
    }

    @Test
    void keysWrittenTogetherShareOneClusterSlotAndDifferentAccountsAndCampaignsSpread() {
        var keys = new RedisKeys("p");
        var account = new AccountId("A-1");

        var accountSlots = slots(keys.account(account), keys.history(account), keys.locationCalls(account),
                keys.flags(account), keys.stagedAccount("imp1", account));
        var campaignSlots = slots(keys.queue(CAMPAIGN), keys.leases(CAMPAIGN), keys.leaseOwners(CAMPAIGN),
                keys.importQueue(CAMPAIGN, "imp1"));
        var promiseSlots = slots(keys.promise("c-1"), keys.promiseLog(), keys.unsettledPromises(),
                keys.promisesOf(account));
        var paymentSlots = slots(keys.payment("r-1"), keys.paymentsOf(account));
        var dispositionSlots = slots(keys.dispositions(), keys.dispositionsOf(new AgentId("101")));

        for (var together : List.of(accountSlots, campaignSlots, promiseSlots, paymentSlots, dispositionSlots)) {
            assertEquals(1, together.size(), together.toString());
        }
        var manyAccounts = IntStream.range(0, 100).mapToObj(i -> keys.account(new AccountId("A-" + i)))
                .map(JedisClusterCRC16::getSlot).collect(Collectors.toSet());
        assertTrue(manyAccounts.size() > 90, "accounts spread over the slots: " + manyAccounts.size());
        assertNotEquals(slots(keys.queue(new CampaignId("late"))), campaignSlots);
    }

    private static Set<Integer> slots(String... keys) {
        return Arrays.stream(keys).map(JedisClusterCRC16::getSlot).collect(Collectors.toSet());
    }

    @Test
    void prefixWithGlobOrSeparatorCharactersIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new RedisKeys("due:call*"));

        assertEquals("redis.keyPrefix: 'due:call*' (expected 1-64 characters of A-Z a-z 0-9 . _ -)", error.getMessage());
    }
}

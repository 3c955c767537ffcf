package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.CAMPAIGN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.AccountId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    @Test
    void campaignKeysShareOneHashTagUnderTheDefaultPrefix() {
        var keys = RedisKeys.defaults();

        var campaignKeys = List.of(keys.queue(CAMPAIGN), keys.leases(CAMPAIGN), keys.leaseOwners(CAMPAIGN));

        assertEquals(List.of("duecall:{c:reminders}:queue", "duecall:{c:reminders}:leases",
                "duecall:{c:reminders}:lease-owner"), campaignKeys);
        assertEquals("duecall:account:A-1", keys.account(new AccountId("A-1")));
        assertEquals("duecall:{promises}:call:c-9", keys.promise("c-9"));
        assertEquals("duecall:{promises}:log", keys.promiseLog());
    }

    @Test
    void prefixWithGlobOrSeparatorCharactersIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new RedisKeys("due:call*"));

        assertEquals("redis.keyPrefix: 'due:call*' (expected 1-64 characters of A-Z a-z 0-9 . _ -)", error.getMessage());
    }
}

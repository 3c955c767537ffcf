package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.SlotCounts;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.HabitStore;
import io.duecall.port.HabitStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisHabitStoreTest extends HabitStoreContract {
    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    @Override
    protected HabitStore newStore() {
        return new RedisHabitStore(redis.jedis(), redis.keys());
    }

    @Override
    protected HabitStore sameStorage() {
        return new RedisHabitStore(redis.jedis(), redis.keys());
    }

    @Test
    void aSegmentThatCouldBreakTheFieldFormatIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> store.record(new CampaignId("reminders"),
                "MOBILE|1", ContactSlot.ofIndex(10), true, true));
        assertEquals("segment: 'MOBILE|1' (expected 1-40 of A-Z a-z 0-9 _ / -)", e.getMessage());
    }

    @Test
    void aHandEditedHashIsReadOnlyAsFarAsItCanBeTrue() {
        var campaign = new CampaignId("reminders");
        var key = redis.keys().habits(campaign);
        redis.jedis().hset(key, "*|10|d", "2");
        redis.jedis().hset(key, "*|10|a", "5");
        redis.jedis().hset(key, "*|10|r", "x");
        redis.jedis().hset(key, "*|999|d", "4");

        var tally = store.campaign(campaign);

        assertEquals(new SlotCounts(2, 2, 0), tally.get(ContactSlot.ofIndex(10)));
        assertEquals(1, tally.dialed().size());
    }

    @Test
    void aCampaignsHabitsStayAFewKilobytes() {
        var campaign = new CampaignId("reminders");
        for (int slot = 0; slot < ContactSlot.COUNT; slot++) {
            for (var segment : new String[] {"MOBILE/EARLY", "HOME/MIDDLE", "WORK/LATE"}) {
                store.record(campaign, segment, ContactSlot.ofIndex(slot), true, true);
            }
        }
        long bytes = redis.jedis().memoryUsage(redis.keys().habits(campaign));
        assertTrue(bytes < 64 * 1024, "every slot of a campaign and three segments: " + bytes + " bytes");
    }
}

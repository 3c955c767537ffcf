package io.duecall.adapter.redis;

import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.SlotCounts;
import io.duecall.domain.besttime.SlotTally;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.HabitStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link HabitStore} on Redis: one hash per campaign ({@link RedisKeys#habits}), counted with HINCRBY in one script
 * per written call, so every node learns from every node's calls. A campaign has at most 72 slots for itself and for
 * each of its handful of segments, three fields each: a few kilobytes, however many accounts it dials.
 */
public final class RedisHabitStore implements HabitStore {
    private static final String CAMPAIGN = "*";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_/-]{1,40}");
    private static final LuaScript RECORD = new LuaScript("""
            for i = 1, #ARGV, 2 do
              local by = tonumber(ARGV[i + 1])
              if by > 0 then redis.call('HINCRBY', KEYS[1], ARGV[i], by) end
            end
            return 1
            """);

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisHabitStore(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public void record(CampaignId campaign, String segment, ContactSlot slot, boolean answered, boolean reached) {
        if (!SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException("segment: '" + segment + "' (expected 1-40 of A-Z a-z 0-9 _ / -)");
        }
        var args = new java.util.ArrayList<String>(12);
        for (var level : List.of(CAMPAIGN, segment)) {
            var field = level + "|" + slot.index() + "|";
            args.addAll(List.of(field + "d", "1", field + "a", answered ? "1" : "0", field + "r", reached ? "1" : "0"));
        }
        var key = keys.habits(campaign);
        Redis.call("count contact habits in " + key, () -> RECORD.run(jedis, List.of(key), args));
    }

    @Override
    public SlotTally campaign(CampaignId campaign) {
        return segment(campaign, CAMPAIGN);
    }

    @Override
    public SlotTally segment(CampaignId campaign, String segment) {
        return tally(readAll(campaign), segment);
    }

    /** Both from one read of the campaign's hash. */
    @Override
    public Pooled read(CampaignId campaign, String segment) {
        var all = readAll(campaign);
        return new Pooled(tally(all, CAMPAIGN), tally(all, segment));
    }

    private Map<String, String> readAll(CampaignId campaign) {
        var key = keys.habits(campaign);
        return Redis.call("read contact habits in " + key, () -> jedis.hgetAll(key));
    }

    private static SlotTally tally(Map<String, String> all, String segment) {
        var counts = new HashMap<Integer, int[]>();
        var prefix = segment + "|";
        for (var e : all.entrySet()) {
            var field = e.getKey();
            if (!field.startsWith(prefix)) {
                continue;
            }
            var parts = field.substring(prefix.length()).split("\\|");
            if (parts.length != 2) {
                continue;
            }
            int index;
            long value;
            try {
                index = Integer.parseInt(parts[0]);
                value = Long.parseLong(e.getValue());
            } catch (NumberFormatException unreadable) {
                continue;
            }
            if (index < 0 || index >= ContactSlot.COUNT || value < 0) {
                continue;
            }
            int column = switch (parts[1]) {
                case "d" -> 0;
                case "a" -> 1;
                case "r" -> 2;
                default -> -1;
            };
            if (column >= 0) {
                counts.computeIfAbsent(index, i -> new int[3])[column] = (int) Math.min(Integer.MAX_VALUE, value);
            }
        }
        var tally = new HashMap<ContactSlot, SlotCounts>();
        counts.forEach((index, c) -> {
            // Counted by three separate increments of one script, so always consistent; a hand-edited hash is not
            // trusted beyond what can be true.
            int dials = c[0];
            int answered = Math.min(c[1], dials);
            int reached = Math.min(c[2], answered);
            tally.put(ContactSlot.ofIndex(index), new SlotCounts(dials, answered, reached));
        });
        return SlotTally.of(tally);
    }
}

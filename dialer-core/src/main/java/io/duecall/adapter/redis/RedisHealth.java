package io.duecall.adapter.redis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What the engine needs to know about the Redis it keeps the queue and ledger in, read with INFO and TIME (which a
 * managed Redis allows even where CONFIG is disabled). On a Redis Cluster the node holding {@code routingKey}
 * answers.
 */
public final class RedisHealth {
    private final UnifiedJedis jedis;
    private final String routingKey;

    public RedisHealth(UnifiedJedis jedis, String routingKey) {
        this.jedis = jedis;
        this.routingKey = routingKey;
    }

    /** Round trip of a PING, in nanoseconds. */
    public long pingNanos() {
        long start = System.nanoTime();
        jedis.sendCommand(routingKey, Protocol.Command.PING);
        return System.nanoTime() - start;
    }

    /** The fields of one INFO section, such as {@code persistence} or {@code memory}. */
    public Map<String, String> info(String section) {
        var text = SafeEncoder.encode((byte[]) jedis.sendCommand(routingKey, Protocol.Command.INFO, section));
        var fields = new LinkedHashMap<String, String>();
        for (var line : text.split("\r?\n")) {
            var colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** Redis's own clock (TIME). */
    public Instant time() {
        var reply = (List<?>) jedis.sendCommand(routingKey, Protocol.Command.TIME);
        long seconds = Long.parseLong(SafeEncoder.encode((byte[]) reply.get(0)));
        long micros = Long.parseLong(SafeEncoder.encode((byte[]) reply.get(1)));
        return Instant.ofEpochSecond(seconds, micros * 1_000);
    }
}

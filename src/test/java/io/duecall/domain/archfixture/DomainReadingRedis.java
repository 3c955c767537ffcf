package io.duecall.domain.archfixture;

import redis.clients.jedis.UnifiedJedis;

/** Deliberately wrong, for {@code LayersTest}: the domain naming a Redis client. */
public class DomainReadingRedis {
    UnifiedJedis jedis;
}

package io.duecall.engine.config;

/** One seed node of a Redis Cluster, as {@code redis.cluster} names it: {@code host:port}. */
public record RedisNode(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}

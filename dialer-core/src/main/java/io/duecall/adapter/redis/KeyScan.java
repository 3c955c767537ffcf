package io.duecall.adapter.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * SCAN over a whole key space in pages: on one Redis with its own cursor, on a Redis Cluster over every master in
 * turn (a cluster client refuses a SCAN whose pattern has no hash tag, and each master holds only its own slots).
 */
public final class KeyScan {
    private KeyScan() {}

    /** Hands every key matching the glob {@code pattern} to {@code page}, a page of about {@code count} at a time. */
    public static void forEachPage(UnifiedJedis jedis, String pattern, int count, Consumer<List<String>> page) {
        var params = new ScanParams().match(pattern).count(count);
        if (!(jedis instanceof JedisCluster cluster)) {
            scan(jedis::scan, params, page);
            return;
        }
        for (var pool : cluster.getClusterNodes().values()) {
            try (var connection = pool.getResource()) {
                var node = new Jedis(connection);
                if ("master".equals(node.role().getFirst())) {
                    scan(node::scan, params, page);
                }
            }
        }
    }

    /** Every key matching the glob {@code pattern}; for tests and small key spaces. */
    public static List<String> matching(UnifiedJedis jedis, String pattern) {
        var found = new ArrayList<String>();
        forEachPage(jedis, pattern, 1_000, found::addAll);
        return found;
    }

    private static void scan(BiFunction<String, ScanParams, ScanResult<String>> command, ScanParams params,
            Consumer<List<String>> page) {
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var result = command.apply(cursor, params);
            if (!result.getResult().isEmpty()) {
                page.accept(result.getResult());
            }
            cursor = result.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}

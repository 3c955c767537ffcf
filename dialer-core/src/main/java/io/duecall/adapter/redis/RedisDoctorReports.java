package io.duecall.adapter.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a running engine's FastAGI server found on {@code doctor}'s loop-back call, handed to the doctor through
 * Redis: the doctor cannot listen on the FastAGI port while the engine holds it. Each report expires after {@link
 * #KEPT}.
 */
public final class RedisDoctorReports {
    public static final Duration KEPT = Duration.ofMinutes(10);

    /**
     * The PBX's address as the server saw it once the session arrived, and once the check is done ({@code done}) the
     * prompt files it found and did not find.
     */
    public record Report(String peer, boolean done, List<String> present, List<String> missing) {
        public Report {
            present = List.copyOf(present);
            missing = List.copyOf(missing);
        }
    }

    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisDoctorReports(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    /** The loop-back call's FastAGI session arrived from {@code peer}. */
    public void arrived(String callId, String peer) {
        var key = keys.doctorReport(callId);
        jedis.hset(key, "peer", peer);
        jedis.expire(key, KEPT.toSeconds());
    }

    /** The session checked every prompt file. */
    public void done(String callId, String peer, List<String> present, List<String> missing) {
        var key = keys.doctorReport(callId);
        jedis.hset(key, Map.of("peer", peer, "present", String.join(" ", present), "missing",
                String.join(" ", missing), "done", "true"));
        jedis.expire(key, KEPT.toSeconds());
    }

    public Optional<Report> find(String callId) {
        var fields = jedis.hgetAll(keys.doctorReport(callId));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Report(fields.getOrDefault("peer", "?"), "true".equals(fields.get("done")),
                words(fields.get("present")), words(fields.get("missing"))));
    }

    private static List<String> words(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}

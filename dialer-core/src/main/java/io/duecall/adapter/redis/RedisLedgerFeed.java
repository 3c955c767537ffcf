package io.duecall.adapter.redis;

import io.duecall.port.LedgerFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link LedgerFeed} over the ledger's streams through one consumer group, {@value #GROUP}, every node's shipper a
 * consumer of it: XREADGROUP hands each entry to one shipper, XACK says it is shipped, XAUTOCLAIM gives the entries a
 * silent shipper holds to another, and XTRIM MINID removes old entries up to the oldest one the group has not acked.
 */
public final class RedisLedgerFeed implements LedgerFeed {
    static final String GROUP = "ledger-shipper";

    private final UnifiedJedis jedis;
    private final List<String> streams;
    private final Set<String> grouped = new HashSet<>();

    public RedisLedgerFeed(UnifiedJedis jedis, RedisAttemptLedger ledger) {
        this.jedis = jedis;
        this.streams = ledger.streams();
    }

    @Override
    public List<Line> take(String shipper, int max, Duration claimAfter) {
        if (max <= 0) {
            throw new IllegalArgumentException("max: " + max + " (expected > 0)");
        }
        var lines = new ArrayList<Line>();
        for (var stream : streams) {
            ensureGroup(stream);
            // Its own unacked entries first (a failed store, or a restart under the same name), then those a silent
            // shipper holds, then new ones.
            var own = new ArrayList<>(read(stream, shipper, max, new StreamEntryID()));
            if (own.size() < max) {
                var room = max - own.size();
                var claimed = Redis.call("claim from " + stream, () -> jedis.xautoclaim(stream, GROUP, shipper,
                        claimAfter.toMillis(), new StreamEntryID(), XAutoClaimParams.xAutoClaimParams().count(room)));
                var ownIds = own.stream().map(StreamEntry::getID).collect(java.util.stream.Collectors.toSet());
                claimed.getValue().stream().filter(e -> !ownIds.contains(e.getID())).forEach(own::add);
            }
            if (own.size() < max) {
                own.addAll(read(stream, shipper, max - own.size(), StreamEntryID.UNRECEIVED_ENTRY));
            }
            for (var entry : own) {
                lines.add(line(stream, entry));
            }
        }
        return lines;
    }

    private List<StreamEntry> read(String stream, String shipper, int max, StreamEntryID from) {
        var read = Redis.call("read " + stream + " as " + shipper, () -> jedis.xreadGroup(GROUP, shipper,
                XReadGroupParams.xReadGroupParams().count(max), Map.of(stream, from)));
        if (read == null || read.isEmpty()) {
            return List.of();
        }
        // An entry trimmed while pending comes back without fields; it has nothing left to ship.
        var entries = new ArrayList<StreamEntry>();
        for (var entry : read.getFirst().getValue()) {
            if (entry.getFields() == null || entry.getFields().isEmpty()) {
                Redis.call("ack " + stream, () -> jedis.xack(stream, GROUP, entry.getID()));
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Line line(String stream, StreamEntry entry) {
        try {
            return new Line(stream, entry.getID().toString(),
                    AttemptCodec.decode(stream + " entry " + entry.getID(), entry.getFields()), null);
        } catch (IllegalStateException e) {
            return new Line(stream, entry.getID().toString(), null, e.getMessage());
        }
    }

    private void ensureGroup(String stream) {
        if (grouped.contains(stream)) {
            return;
        }
        try {
            // From the stream's first entry: lines appended before any shipper ran are shipped too.
            Redis.call("create group on " + stream, () -> jedis.xgroupCreate(stream, GROUP, new StreamEntryID(), true));
        } catch (io.duecall.port.StoreUnavailableException e) {
            if (!(e.getCause() instanceof JedisDataException) || !e.getCause().getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        grouped.add(stream);
    }

    @Override
    public void shipped(List<Line> lines) {
        for (var stream : streams) {
            var ids = lines.stream().filter(l -> l.stream().equals(stream)).map(l -> new StreamEntryID(l.id()))
                    .toArray(StreamEntryID[]::new);
            if (ids.length > 0) {
                Redis.call("ack " + stream, () -> jedis.xack(stream, GROUP, ids));
            }
        }
    }

    @Override
    public long trim(Duration keep) {
        long removed = 0;
        for (var stream : streams) {
            // Entry ids are the milliseconds of the Redis holding the stream, so the window is measured on its clock
            // (TIME routed by the stream's key, to that node on a cluster).
            var time = Redis.call("read the time of " + stream,
                    () -> jedis.sendCommand(stream, redis.clients.jedis.Protocol.Command.TIME));
            var cutoff = new StreamEntryID(Math.max(0, redisMillis(time) - keep.toMillis()), 0);
            var from = oldestUnshipped(stream).filter(id -> id.compareTo(cutoff) < 0).orElse(cutoff);
            removed += Redis.call("trim " + stream,
                    () -> jedis.xtrim(stream, XTrimParams.xTrimParams().minId(from.toString()).exactTrimming()));
        }
        return removed;
    }

    private static long redisMillis(Object time) {
        var parts = (java.util.List<?>) time;
        long seconds = Long.parseLong(new String((byte[]) parts.get(0), java.nio.charset.StandardCharsets.US_ASCII));
        long micros = Long.parseLong(new String((byte[]) parts.get(1), java.nio.charset.StandardCharsets.US_ASCII));
        return seconds * 1000 + micros / 1000;
    }

    /**
     * The oldest entry the group has not acked: the oldest pending one, else the one after the last delivered. None
     * when no group ships the stream (the ledger is kept in Redis only).
     */
    private java.util.Optional<StreamEntryID> oldestUnshipped(String stream) {
        if (!Redis.call("check " + stream, () -> jedis.exists(stream))) {
            return java.util.Optional.empty();
        }
        var group = Redis.call("describe " + stream, () -> jedis.xinfoGroups(stream)).stream()
                .filter(g -> g.getName().equals(GROUP)).findFirst();
        if (group.isEmpty()) {
            return java.util.Optional.empty();
        }
        var delivered = group.get().getLastDeliveredId();
        var next = new StreamEntryID(delivered.getTime(), delivered.getSequence() + 1);
        if (group.get().getPending() == 0) {
            return java.util.Optional.of(next);
        }
        var pending = Redis.call("pending of " + stream, () -> jedis.xpending(stream, GROUP));
        var min = pending.getMinId();
        return java.util.Optional.of(min != null && min.compareTo(next) < 0 ? min : next);
    }

    /** How many lines {@code shipper} has taken and not yet shipped, over every stream. */
    public long heldBy(String shipper) {
        long held = 0;
        for (var stream : streams) {
            if (!Redis.call("check " + stream, () -> jedis.exists(stream))) {
                continue;
            }
            var group = Redis.call("describe " + stream, () -> jedis.xinfoGroups(stream)).stream()
                    .anyMatch(g -> g.getName().equals(GROUP));
            if (group) {
                var pending = Redis.call("pending of " + stream, () -> jedis.xpending(stream, GROUP));
                held += pending.getConsumerMessageCount() == null ? 0
                        : pending.getConsumerMessageCount().getOrDefault(shipper, 0L);
            }
        }
        return held;
    }

    @Override
    public long retained() {
        long lines = 0;
        for (var stream : streams) {
            lines += Redis.call("count " + stream, () -> jedis.xlen(stream));
        }
        return lines;
    }

    @Override
    public long unshipped() {
        long lines = 0;
        for (var stream : streams) {
            if (!Redis.call("check " + stream, () -> jedis.exists(stream))) {
                continue;
            }
            var group = Redis.call("describe " + stream, () -> jedis.xinfoGroups(stream)).stream()
                    .filter(g -> g.getName().equals(GROUP)).findFirst();
            if (group.isPresent()) {
                // Redis 7 counts the entries not yet delivered to the group (its lag); pending ones are delivered.
                var lag = group.get().getGroupInfo().get("lag");
                lines += group.get().getPending() + (lag instanceof Long l ? l : unread(stream, group.get()));
            }
        }
        return lines;
    }

    /** Entries after the group's last delivered one, counted when Redis does not say (before Redis 7). */
    private long unread(String stream, redis.clients.jedis.resps.StreamGroupInfo group) {
        var after = "(" + group.getLastDeliveredId();
        return Redis.call("count " + stream, () -> jedis.xrange(stream, after, "+")).size();
    }
}

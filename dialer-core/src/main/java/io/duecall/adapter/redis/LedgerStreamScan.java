package io.duecall.adapter.redis;

import io.duecall.domain.attempt.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads the ledger's streams whole or back to an instant, a page at a time, and merges the streams' lines by entry id
 * into the order they were appended: what the abandon refill, the exports and the audits read.
 */
final class LedgerStreamScan {
    private static final int PAGE = 500;
    private static final Duration APPEND_DELAY_LIMIT = Duration.ofDays(1);

    private final UnifiedJedis jedis;
    private final List<String> streams;

    LedgerStreamScan(UnifiedJedis jedis, List<String> streams) {
        this.jedis = jedis;
        this.streams = streams;
    }

    /** Every line whose call ended at or after {@code since}, in append order. */
    List<Attempt> endedSince(Instant since) {
        // A line can be appended later than its call ended (it waited in the outbox), never a day later.
        var stopBefore = since.minus(APPEND_DELAY_LIMIT);
        var lines = new ArrayList<Line>();
        for (var key : streams) {
            lines.addAll(endedSince(key, since, stopBefore));
        }
        return inAppendOrder(lines);
    }

    private List<Line> endedSince(String key, Instant since, Instant stopBefore) {
        var lines = new ArrayList<Line>();
        scanBack(key, since, stopBefore, (id, attempt) -> lines.add(new Line(id, attempt)));
        return lines;
    }

    /** Every line whose call ended at or after {@code since}, handed to {@code sink} a page at a time, newest first. */
    void forEachEndedSince(Instant since, java.util.function.Consumer<Attempt> sink) {
        var stopBefore = since.minus(APPEND_DELAY_LIMIT);
        for (var key : streams) {
            scanBack(key, since, stopBefore, (id, attempt) -> sink.accept(attempt));
        }
    }

    private void scanBack(String key, Instant since, Instant stopBefore,
            java.util.function.BiConsumer<StreamEntryID, Attempt> sink) {
        var end = "+";
        while (true) {
            var to = end;
            var page = Redis.call("read " + key, () -> jedis.xrevrange(key, to, "-", PAGE));
            for (var entry : page) {
                var attempt = AttemptCodec.decode(key + " entry " + entry.getID(), entry.getFields());
                if (attempt.endedAt().isBefore(stopBefore)) {
                    return;
                }
                if (!attempt.endedAt().isBefore(since)) {
                    sink.accept(entry.getID(), attempt);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            end = "(" + page.get(page.size() - 1).getID();
        }
    }

    /** A line and its entry id, by which the streams' lines are merged into append order. */
    private record Line(StreamEntryID id, Attempt attempt) {}

    private static List<Attempt> inAppendOrder(List<Line> lines) {
        lines.sort(Comparator.comparing(Line::id));
        return lines.stream().map(Line::attempt).toList();
    }

    /** Every line, in append order. */
    List<Attempt> readAll() {
        var lines = new ArrayList<Line>();
        for (var key : streams) {
            var start = "-";
            while (true) {
                var from = start;
                var page = Redis.call("read " + key, () -> jedis.xrange(key, from, "+", PAGE));
                for (var entry : page) {
                    lines.add(new Line(entry.getID(), AttemptCodec.decode(key + " entry " + entry.getID(), entry.getFields())));
                }
                if (page.size() < PAGE) {
                    break;
                }
                start = "(" + page.get(page.size() - 1).getID();
            }
        }
        return streams.size() == 1 ? lines.stream().map(Line::attempt).toList() : inAppendOrder(lines);
    }

    long size() {
        long lines = 0;
        for (var key : streams) {
            lines += Redis.call("count " + key, () -> jedis.xlen(key));
        }
        return lines;
    }
}

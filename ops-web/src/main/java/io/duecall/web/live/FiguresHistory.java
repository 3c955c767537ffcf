package io.duecall.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The day's samples per campaign for the dashboard's chart: at most one per {@code interval} of engine time and the
 * last {@code limit} per campaign, however often the figures are read. Each sample has a sequence number, so an
 * event stream can send only the samples its client has not seen. Not thread-safe: {@link LiveFigures} guards it.
 */
final class FiguresHistory {
    private final Duration interval;
    private final int limit;
    private final Map<String, Deque<Numbered>> byCampaign = new HashMap<>();
    private Instant last;
    private long sequence;

    /** A sample and its place in the order samples were taken. */
    record Numbered(long number, LiveFigures.Sample sample) {}

    FiguresHistory(Duration interval, int limit) {
        this.interval = interval;
        this.limit = limit;
    }

    /** Records the samples of one moment if the interval has passed since the last; forgets campaigns no longer run. */
    void offer(Instant now, List<LiveFigures.Sample> samples) {
        var current = Set.copyOf(samples.stream().map(LiveFigures.Sample::campaign).toList());
        byCampaign.keySet().retainAll(current);
        if (last != null && now.isBefore(last.plus(interval))) {
            return;
        }
        last = now;
        for (var sample : samples) {
            var deque = byCampaign.computeIfAbsent(sample.campaign(), c -> new ArrayDeque<>());
            deque.addLast(new Numbered(++sequence, sample));
            while (deque.size() > limit) {
                deque.removeFirst();
            }
        }
    }

    /** Samples numbered after {@code after} (0: all), in the order they were taken. */
    List<Numbered> after(long after) {
        var list = new ArrayList<Numbered>();
        for (var deque : byCampaign.values()) {
            for (var it = deque.descendingIterator(); it.hasNext(); ) {
                var numbered = it.next();
                if (numbered.number() <= after) {
                    break;
                }
                list.add(numbered);
            }
        }
        list.sort(Comparator.comparingLong(Numbered::number));
        return list;
    }

    long latest() {
        return sequence;
    }

    int limit() {
        return limit;
    }
}

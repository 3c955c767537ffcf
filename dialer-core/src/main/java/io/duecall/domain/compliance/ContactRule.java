package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One rule about when a number may be dialed. A rule that blocks at {@code t} names a later instant before which
 * it permits nothing, so the policy can step from one rule's answer to the next until all of them agree.
 */
interface ContactRule {

    String name();

    /** Empty when the rule permits a dial at {@code t}; otherwise why not and until when. */
    Optional<Block> check(DialContext context, Instant t);

    /**
     * Permits when every instant in {@code waits} is {@code t} or earlier (each the earliest instant one zone the
     * debtor may be in permits), else blocks until the latest of them, as {@code block} describes it.
     */
    static Optional<Block> untilTheLatest(Instant t, Stream<Instant> waits, Function<Instant, Block> block) {
        var latest = waits.reduce(t, (a, b) -> b.isAfter(a) ? b : a);
        return latest.equals(t) ? Optional.empty() : Optional.of(block.apply(latest));
    }

    /** What an explanation says of this rule when it permits a dial at {@code t}: "permits", or how it does. */
    default String permits(DialContext context, Instant t) {
        return "permits";
    }

    /** Why a rule blocks: {@code until} is after the instant checked, or null when it never permits this number. */
    record Block(SkipReason reason, Instant until, String detail) {}
}

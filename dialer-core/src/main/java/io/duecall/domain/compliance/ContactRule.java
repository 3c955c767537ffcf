package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;

/**
 * One rule about when a number may be dialed. A rule that blocks at {@code t} names a later instant before which
 * it permits nothing, so the policy can step from one rule's answer to the next until all of them agree.
 */
interface ContactRule {

    String name();

    /** Empty when the rule permits a dial at {@code t}; otherwise why not and until when. */
    Optional<Block> check(DialContext context, Instant t);

    /** Why a rule blocks: {@code until} is after the instant checked, or null when it never permits this number. */
    record Block(SkipReason reason, Instant until, String detail) {}
}

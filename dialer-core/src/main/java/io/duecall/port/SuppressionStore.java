package io.duecall.port;

import io.duecall.domain.account.E164;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Numbers that must never be called again, shared by every dialer and campaign. An opt-out is effective as soon as
 * {@link #optOut} returns; the first opt-out of a number is the one kept.
 */
public interface SuppressionStore {
    /** Records that {@code number} asked not to be called, at {@code at}, from {@code source} (e.g. {@code ivr:c-123}). */
    void optOut(E164 number, Instant at, String source);

    boolean isOptedOut(E164 number);

    /** Those of {@code numbers} that have opted out. */
    Set<E164> optedOut(Collection<E164> numbers);
}

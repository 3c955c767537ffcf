package io.duecall.app;

import io.duecall.domain.account.E164;
import io.duecall.port.SuppressionStore;
import java.time.Clock;
import java.util.Collection;

/**
 * Puts a do-not-call list on the shared suppression list, for the command line's {@code suppress} and the lists
 * page alike. The list is read and validated whole before this is called, so a file with a bad line stores nothing;
 * from here every number is listed, each effective for every dialer as soon as it is stored.
 */
public final class ListDoNotCall {
    private final SuppressionStore store;
    private final Clock clock;

    /** How many numbers were new to the list and how many were on it already. */
    public record Result(int listed, int alreadyListed) {}

    public ListDoNotCall(SuppressionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Lists every number for {@code reason} ({@link SuppressionStore#REASON}, checked before any is stored), noting
     * {@code source} (such as {@code file:dnc.csv}) with each.
     */
    public Result list(Collection<E164> numbers, String reason, String source) {
        return list(numbers, reason, source, ProgressListener.NONE);
    }

    /** As above, telling {@code progress} of each number stored. */
    public Result list(Collection<E164> numbers, String reason, String source, ProgressListener progress) {
        SuppressionStore.checkReason(reason);
        var now = clock.instant();
        int added = 0;
        long done = 0;
        for (var number : numbers) {
            added += store.doNotCall(number, now, reason, source) ? 1 : 0;
            progress.progressed(++done, numbers.size());
        }
        return new Result(added, numbers.size() - added);
    }
}

package io.duecall.port;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.promise.PromiseToPay;
import java.util.List;

/**
 * A durable local record of what the dialer must not lose while its store cannot take it: a promise a caller keyed,
 * the ledger line of a call that ended. An entry is on the device when {@link #append} returns; it stays pending, in
 * order, until it is {@link #applied}. Applying an entry twice is harmless: the store recognises each entry by its
 * {@link Entry#key() key} (the call id and what it is) and keeps it once.
 */
public interface Journal extends AutoCloseable {

    /** Something the store must end up holding exactly once. */
    sealed interface Entry permits LedgerLine, Promise {
        /** The idempotency key: call id and step. */
        String key();
    }

    /** An ended call's ledger line. */
    record LedgerLine(Attempt attempt) implements Entry {
        @Override
        public String key() {
            return attempt.callId() + "/line";
        }
    }

    /** A promise to pay a caller keyed and was told is recorded. */
    record Promise(PromiseToPay promise) implements Entry {
        @Override
        public String key() {
            return promise.callId() + "/promise";
        }
    }

    /** An entry appended and not yet applied to the store; {@code seq} orders entries across restarts. */
    record Pending(long seq, Entry entry) {}

    /**
     * Appends the entry and forces it to the storage device before returning.
     *
     * @throws JournalUnavailableException when it could not be made durable (full disk, I/O error, closed journal);
     *     the entry is then not pending
     */
    Pending append(Entry entry);

    /** Entries appended and not yet applied, oldest first (after a restart: those the last run left). */
    List<Pending> pending();

    /** The entry is in the store; it is not replayed again (should this mark be lost, replaying it is harmless). */
    void applied(Pending pending);

    @Override
    void close();

    /** No journal: every append is refused, so what the store cannot take waits in memory only. */
    static Journal none() {
        return new Journal() {
            @Override
            public Pending append(Entry entry) {
                throw new JournalUnavailableException("no journal is configured", null);
            }

            @Override
            public List<Pending> pending() {
                return List.of();
            }

            @Override
            public void applied(Pending pending) {}

            @Override
            public void close() {}
        };
    }
}

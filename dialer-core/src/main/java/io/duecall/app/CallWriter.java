package io.duecall.app;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.port.AttemptLedger;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import io.duecall.port.PromiseStore;
import io.duecall.port.StoreUnavailableException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each ended call's ledger line and returns its account. While the store is away the line goes to the
 * journal and waits, with the account's return, in the {@link LedgerOutbox}; both are applied in order once it
 * answers. Until its account is back (or its line waits in the outbox) a call counts as in flight.
 */
final class CallWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CallWriter.class);
    private static final int OUTBOX_LIMIT = 10_000;

    private final AttemptLedger ledger;
    private final PromiseStore promises;
    private final Journal journal;
    private final Executor writer;
    private final CallsInFlight calls;
    private final AccountReturn returns;
    private final Outages outages;
    private final LedgerOutbox outbox = new LedgerOutbox(OUTBOX_LIMIT);

    /**
     * Lines are written on {@code writer} rather than on the thread that closed the call (the AMI event thread, an IVR
     * session or the tick): those writes are store round trips, and on the event thread they would hold back every
     * later event. A writer that refuses the work (it is shutting down) leaves it to the closing thread.
     */
    CallWriter(AttemptLedger ledger, PromiseStore promises, Journal journal, Executor writer, CallsInFlight calls,
            AccountReturn returns, Outages outages) {
        this.ledger = ledger;
        this.promises = promises;
        this.journal = journal;
        this.writer = writer;
        this.calls = calls;
        this.returns = returns;
        this.outages = outages;
    }

    void submit(LiveCall call, Attempt attempt) {
        Runnable write = () -> write(call, attempt);
        try {
            writer.execute(write);
        } catch (RejectedExecutionException e) {
            write.run();
        }
    }

    /**
     * Applies, in order, what waits for the store: the journal's entries (those of an earlier run first), then the
     * ended calls of the outbox, whose accounts go back to the queue once their line is in. Each append and record
     * keeps its entry once however often it is replayed.
     */
    void flush() {
        for (var entry : journal.pending()) {
            switch (entry.entry()) {
                case Journal.LedgerLine line -> ledger.append(line.attempt());
                case Journal.Promise promise -> promises.record(promise.promise());
            }
            journal.applied(entry);
        }
        for (var head = outbox.head(); head.isPresent(); head = outbox.head()) {
            var pending = head.get();
            if (!pending.appended) {
                ledger.append(pending.attempt);
                pending.appended = true;
            }
            returns.returnAccount(pending.call, pending.attempt);
            outbox.removeHead(pending);
        }
    }

    int linesWaiting() {
        return outbox.size();
    }

    int journalEntriesWaiting() {
        return journal.pending().size();
    }

    private void write(LiveCall call, Attempt attempt) {
        var pending = new LedgerOutbox.Pending(call, attempt, false);
        try {
            if (outbox.size() == 0) {
                try {
                    ledger.append(attempt);
                    pending.appended = true;
                    returns.returnAccount(call, attempt);
                    return;
                } catch (StoreUnavailableException e) {
                    outages.storeLost(e);
                }
            }
            try {
                journal.append(new Journal.LedgerLine(attempt));
            } catch (JournalUnavailableException e) {
                LOG.warn("call {}: its ledger line waits in memory only: {}", call.callId, e.getMessage());
            }
            if (!outbox.add(pending)) {
                LOG.error("ledger outbox full ({} lines); this line is lost unless copied from here: {}", OUTBOX_LIMIT,
                        E164.maskNumbers(String.valueOf(attempt)));
            }
        } finally {
            calls.remove(call.callId);
        }
    }
}

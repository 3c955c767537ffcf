package io.duecall.engine;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.AttemptLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ledger as a test call's dialer sees it: every line it writes is marked {@code test} and handed to {@code
 * written} once stored; everything else is the deployment's ledger. The test account's history in it is its own,
 * so a test call counts toward no debtor's caps.
 */
final class TestCallLedger implements AttemptLedger {
    private final AttemptLedger ledger;
    private final Consumer<Attempt> written;

    TestCallLedger(AttemptLedger ledger, Consumer<Attempt> written) {
        this.ledger = ledger;
        this.written = written;
    }

    @Override
    public void append(Attempt attempt) {
        var line = attempt.asTest();
        ledger.append(line);
        written.accept(line);
    }

    @Override
    public void placed(Attempt ifInterrupted) {
        ledger.placed(ifInterrupted.asTest());
    }

    @Override
    public void notPlaced(AccountId account, String callId) {
        ledger.notPlaced(account, callId);
    }

    @Override
    public List<Attempt> unwritten(AccountId account) {
        return ledger.unwritten(account);
    }

    @Override
    public List<PastAttempt> history(AccountId account, Instant since) {
        return ledger.history(account, since);
    }

    @Override
    public List<PastAttempt> latest(AccountId account, int max) {
        return ledger.latest(account, max);
    }

    @Override
    public Map<E164, Integer> locationCalls(AccountId account) {
        return ledger.locationCalls(account);
    }

    @Override
    public List<Attempt> endedSince(Instant since) {
        return ledger.endedSince(since);
    }

    @Override
    public void forEachEndedSince(Instant since, java.util.function.Consumer<Attempt> sink) {
        ledger.forEachEndedSince(since, sink);
    }

    @Override
    public List<Attempt> readAll() {
        return ledger.readAll();
    }

    @Override
    public long size() {
        return ledger.size();
    }
}

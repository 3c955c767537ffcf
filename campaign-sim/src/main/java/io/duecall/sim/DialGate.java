package io.duecall.sim;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.DebtorZones;
import java.time.Instant;

/** Whether a number may be dialed now: the hook through which compliance rules join the simulated campaign. */
@FunctionalInterface
public interface DialGate {
    DialDecision decide(Account account, Phone phone, Instant now);

    /** The campaign's calling window in the debtor's own zones, as the live engine checks it. */
    static DialGate window(CallingWindow window) {
        return (account, phone, now) -> window.decide(DebtorZones.of(account, phone.number()), now);
    }
}

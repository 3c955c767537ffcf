package io.duecall.app;

import io.duecall.domain.account.E164;
import io.duecall.port.SuppressionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** For engines built without a suppression list: nothing is opted out, and recording an opt-out fails. */
final class NoSuppressionList implements SuppressionStore {
    static final NoSuppressionList INSTANCE = new NoSuppressionList();

    private NoSuppressionList() {}

    @Override
    public void optOut(E164 number, Instant at, String source) {
        throw new IllegalStateException("no suppression list");
    }

    @Override
    public boolean isOptedOut(E164 number) {
        return false;
    }

    @Override
    public Set<E164> optedOut(Collection<E164> numbers) {
        return Set.of();
    }

    @Override
    public boolean doNotCall(E164 number, Instant at, String reason, String source) {
        throw new IllegalStateException("no suppression list");
    }

    @Override
    public Set<E164> onDoNotCallList(Collection<E164> numbers) {
        return Set.of();
    }
}

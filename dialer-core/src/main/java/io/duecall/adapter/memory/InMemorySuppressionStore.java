package io.duecall.adapter.memory;

import io.duecall.domain.account.E164;
import io.duecall.port.SuppressionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link SuppressionStore} in memory: the first opt-out or listing of a number is kept; safe to use from several threads. */
public final class InMemorySuppressionStore implements SuppressionStore {
    private final Map<E164, String> optOuts = new ConcurrentHashMap<>();
    private final Map<E164, String> doNotCall = new ConcurrentHashMap<>();

    @Override
    public void optOut(E164 number, Instant at, String source) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
        optOuts.putIfAbsent(number, at + " " + Objects.requireNonNull(source, "source"));
    }

    @Override
    public boolean isOptedOut(E164 number) {
        return optOuts.containsKey(number);
    }

    @Override
    public Set<E164> optedOut(Collection<E164> numbers) {
        return numbers.stream().filter(optOuts::containsKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean doNotCall(E164 number, Instant at, String reason, String source) {
        Objects.requireNonNull(number, "number");
        var value = Objects.requireNonNull(at, "at") + " " + SuppressionStore.checkReason(reason) + " "
                + Objects.requireNonNull(source, "source");
        return doNotCall.putIfAbsent(number, value) == null;
    }

    @Override
    public Set<E164> onDoNotCallList(Collection<E164> numbers) {
        return numbers.stream().filter(doNotCall::containsKey).collect(Collectors.toUnmodifiableSet());
    }
}

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

/** {@link SuppressionStore} in memory: the first opt-out of a number is kept; safe to use from several threads. */
public final class InMemorySuppressionStore implements SuppressionStore {
    private final Map<E164, String> optOuts = new ConcurrentHashMap<>();

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
}

package io.duecall.adapter.redis;

import io.duecall.domain.account.E164;
import io.duecall.port.SuppressionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link SuppressionStore} on Redis: a hash of opt-outs from E.164 number to "instant source" and one of the
 * do-not-call list to "instant reason source", written with HSETNX so the first record is kept. The number is
 * validated by {@link E164} before it becomes a hash field.
 */
public final class RedisSuppressionStore implements SuppressionStore {
    private final UnifiedJedis jedis;
    private final RedisKeys keys;

    public RedisSuppressionStore(UnifiedJedis jedis, RedisKeys keys) {
        this.jedis = jedis;
        this.keys = keys;
    }

    @Override
    public void optOut(E164 number, Instant at, String source) {
        Objects.requireNonNull(number, "number");
        var value = Objects.requireNonNull(at, "at") + " " + Objects.requireNonNull(source, "source");
        Redis.call("record opt-out in " + keys.optOuts(), () -> jedis.hsetnx(keys.optOuts(), number.value(), value));
    }

    @Override
    public boolean isOptedOut(E164 number) {
        return Redis.call("read " + keys.optOuts(), () -> jedis.hexists(keys.optOuts(), number.value()));
    }

    @Override
    public Set<E164> optedOut(Collection<E164> numbers) {
        return present(keys.optOuts(), numbers);
    }

    @Override
    public boolean doNotCall(E164 number, Instant at, String reason, String source) {
        Objects.requireNonNull(number, "number");
        var value = Objects.requireNonNull(at, "at") + " " + SuppressionStore.checkReason(reason) + " "
                + Objects.requireNonNull(source, "source");
        return Redis.call("record do-not-call in " + keys.doNotCall(),
                () -> jedis.hsetnx(keys.doNotCall(), number.value(), value)) == 1L;
    }

    @Override
    public Set<E164> onDoNotCallList(Collection<E164> numbers) {
        return present(keys.doNotCall(), numbers);
    }

    private Set<E164> present(String key, Collection<E164> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        var asked = List.copyOf(numbers);
        var fields = asked.stream().map(E164::value).toArray(String[]::new);
        var values = Redis.call("read " + key, () -> jedis.hmget(key, fields));
        var found = new HashSet<E164>();
        for (int i = 0; i < asked.size(); i++) {
            if (values.get(i) != null) {
                found.add(asked.get(i));
            }
        }
        return Set.copyOf(found);
    }
}

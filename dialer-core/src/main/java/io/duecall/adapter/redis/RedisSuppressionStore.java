package io.duecall.adapter.redis;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.compliance.AccountFlag;
import java.util.EnumSet;
import io.duecall.port.SuppressionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link SuppressionStore} on Redis: one hash from E.164 number to "instant source", and one hash per flagged account
 * from flag to "instant source", both written with HSETNX so the first record is kept. The number is validated by
 * {@link E164} before it becomes a hash field.
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
        if (numbers.isEmpty()) {
            return Set.of();
        }
        var asked = List.copyOf(numbers);
        var fields = asked.stream().map(E164::value).toArray(String[]::new);
        var values = Redis.call("read " + keys.optOuts(), () -> jedis.hmget(keys.optOuts(), fields));
        var found = new HashSet<E164>();
        for (int i = 0; i < asked.size(); i++) {
            if (values.get(i) != null) {
                found.add(asked.get(i));
            }
        }
        return Set.copyOf(found);
    }

    @Override
    public void flag(AccountId account, AccountFlag flag, Instant at, String source) {
        Objects.requireNonNull(flag, "flag");
        var value = Objects.requireNonNull(at, "at") + " " + Objects.requireNonNull(source, "source");
        var key = keys.flags(Objects.requireNonNull(account, "account"));
        Redis.call("record flag in " + key, () -> jedis.hsetnx(key, flag.name(), value));
    }

    @Override
    public Set<AccountFlag> flags(AccountId account) {
        var key = keys.flags(account);
        var names = Redis.call("read " + key, () -> jedis.hkeys(key));
        var found = EnumSet.noneOf(AccountFlag.class);
        for (var name : names) {
            try {
                found.add(AccountFlag.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + " holds an unknown flag '" + name + "'", e);
            }
        }
        return Set.copyOf(found);
    }
}

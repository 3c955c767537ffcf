package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** The Redis figures of one run beside their limits. */
final class RedisFigures {
    static final double IMPORT_LIMIT_SECONDS = 60;

    private RedisFigures() {}

    static List<Figure> of(RedisThroughput.Result r, BenchOptions options) {
        double half = r.limit().zpopmin() / 2;
        var claims = Double.isNaN(half)
                ? Figure.report("account claims/s (batch " + options.claimBatch() + ")", r.claimsPerSecond(), "claims/s",
                        "limit unknown: " + r.limit().note())
                : Figure.atLeast("account claims/s (batch " + options.claimBatch() + ")", r.claimsPerSecond(), "claims/s",
                        half, String.format(Locale.ROOT, "target >= %,.0f (half of redis-benchmark ZPOPMIN %,.0f/s; ZADD %,.0f/s)",
                                half, r.limit().zpopmin(), r.limit().zadd()));
        return List.of(
                Figure.atMost(String.format(Locale.ROOT, "import of %,d accounts", r.accounts()), r.importSeconds(), "s",
                        IMPORT_LIMIT_SECONDS, "target < 60 s (CSV read, validated, written all or nothing)"),
                Figure.report("Redis memory per account", r.bytesPerAccount(), "bytes",
                        "INFO used_memory delta / accounts (hash + queue entry)"),
                claims,
                Figure.atMost("claim errors (claimed twice or never)", r.claimErrors(), "accounts", 0,
                        String.format(Locale.ROOT, "must be 0 (%,d of %,d claimed)", r.claimed(), r.accounts())));
    }
}

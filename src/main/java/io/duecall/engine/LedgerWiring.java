package io.duecall.engine;

import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.quartz.QuartzLedgerRetention;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.ArchivedLedger;
import io.duecall.app.LedgerRetention;
import io.duecall.app.LedgerShipper;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.EngineConfig;
import io.duecall.port.AttemptLedger;
import io.duecall.port.StoreUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * The engine's attempt ledger: in Redis, and with {@code ledger.postgres} in PostgreSQL too (migrated at start-up;
 * the engine does not start without it), shipped there by every node and dropped after {@code ledger.retention};
 * Redis keeps {@code ledger.redisRetention} of recent lines either way.
 *
 * @param ledger the ledger as the engine reads it: Redis, and PostgreSQL when configured
 * @param archive the PostgreSQL side, or null when the ledger is kept in Redis only
 * @param retention the daily retention run, or null when the ledger is kept in Redis only
 */
record LedgerWiring(AttemptLedger ledger, RedisAttemptLedger redis, PostgresLedgerArchive archive,
        LedgerUpkeep upkeep, QuartzLedgerRetention retention) {
    /** Lines a shipper takes from each ledger stream per round. */
    static final int SHIP_BATCH = 1_000;
    /** How long a shipper's lines wait, unshipped, before another node's shipper takes them: it has surely died. */
    static final Duration CLAIM_AFTER = Duration.ofSeconds(30);

    /**
     * Opens the ledger and starts its upkeep, adding each part to {@code parts} as it is opened (so the engine closes
     * them in reverse, also when a later one fails); the gauges of shipping go to {@code registry}.
     */
    static LedgerWiring open(EngineConfig.Resolved config, Clock clock, UnifiedJedis jedis, RedisKeys keys,
            String nodeName, MeterRegistry registry, Parts parts) {
        var redisLedger = new RedisAttemptLedger(jedis, keys);
        var feed = new RedisLedgerFeed(jedis, redisLedger);
        var settings = config.ledger();
        if (config.ledgerDatabase() == null) {
            System.err.println("duecall: the attempt ledger is kept in Redis only, for ledger.redisRetention ("
                    + settings.redisRetention() + "); older lines are removed. Configure ledger.postgres to keep it for"
                    + " ledger.retention (" + settings.retention() + ").");
            var upkeep = parts.add(LedgerUpkeep.trimming(feed, settings.redisRetention()));
            return new LedgerWiring(redisLedger, redisLedger, null, upkeep, null);
        }
        var archive = parts.add(PostgresLedgerArchive.open(config.ledgerDatabase(), clock));
        try {
            archive.migrate();
        } catch (StoreUnavailableException e) {
            throw new ConfigException("ledger.postgres: " + e.getMessage() + " (the engine starts only once the"
                    + " ledger's database answers; while it runs, an outage only delays shipping)");
        }
        var shipper = new LedgerShipper(feed, archive, shipperName(nodeName), SHIP_BATCH, CLAIM_AFTER,
                settings.redisRetention());
        meters(registry, feed);
        var upkeep = parts.add(LedgerUpkeep.shipping(shipper));
        var retention = parts.add(new QuartzLedgerRetention(new LedgerRetention(archive, settings.retention()),
                clock, config.clustered()));
        return new LedgerWiring(new ArchivedLedger(redisLedger, archive), redisLedger, archive, upkeep, retention);
    }

    /** The node's ledger shipper, or null when the ledger is kept in Redis only. */
    LedgerShipper shipper() {
        return upkeep.shipper();
    }

    /** A figure read from a store, NaN while the store cannot be read. */
    /** Read at each scrape: how far shipping is behind, and how much of the ledger Redis holds. */
    static void meters(MeterRegistry registry, RedisLedgerFeed feed) {
        Gauge.builder("duecall.ledger.unshipped", feed, f -> orNaN(f::unshipped))
                .description("ledger lines in Redis not yet stored in PostgreSQL").register(registry);
        Gauge.builder("duecall.ledger.redis.lines", feed, f -> orNaN(f::retained))
                .description("ledger lines kept in Redis, shipped or not").register(registry);
    }

    private static double orNaN(LongSupplier figure) {
        try {
            return figure.getAsLong();
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }

    /** The node's name among the shippers: its cluster name, else the host's. */
    private static String shipperName(String nodeName) {
        if (!nodeName.isEmpty()) {
            return nodeName;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "duecall";
        }
    }
}

package io.duecall.adapter.redis;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.app.ImportAccounts;
import io.duecall.domain.campaign.CampaignId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import redis.clients.jedis.JedisPooled;

/**
 * An operator's import in a process of its own, for tests that kill it or bound its heap:
 * {@code ImportChild <redis uri> <key prefix> <campaign> <accounts file>}. Prints how many accounts it imported.
 */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        try (var jedis = new JedisPooled(URI.create(args[0]))) {
            var store = new RedisAccountStore(jedis, new RedisKeys(args[1]));
            int imported = new ImportAccounts(new AccountCsvReader("US"), store, Clock.systemUTC())
                    .fromFile(new CampaignId(args[2]), Path.of(args[3]));
            System.out.println("imported " + imported);
        }
    }

    /** Starts the import in a child JVM with the given heap, sharing this JVM's class path; its output goes to {@code log}. */
    static Process start(String heap, URI redis, String prefix, String campaign, Path file, Path log) throws java.io.IOException {
        var java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
                redis.toString(), prefix, campaign, file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A file of {@code count} valid accounts, ... named {@code name}. */
    static void writeAccounts(Path file, int count, String name) throws java.io.IOException {
        try (var out = java.nio.file.Files.newBufferedWriter(file)) {
            out.write("account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n");
            for (int i = 0; i < count; i++) {
                out.write("A-" + i + "," + name + ",mobile:+12125550123;home:+12125550124,America/New_York,125.50,USD,"
                        + "2026-11-01,22\n");
            }
        }
    }
}

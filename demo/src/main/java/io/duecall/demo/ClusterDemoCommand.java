package io.duecall.demo;

import io.duecall.engine.PluggedCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./duecall cluster-demo}: {@link ClusterDemo} with the command line's options; exits 1 when the audit fails. */
@Command(name = "cluster-demo", description = "three dialer node processes, two simulated PBXs, a Redis with an append-only "
                + "file and a PostgreSQL for clustered Quartz; kills the dialing node mid-campaign "
                + "and audits the ledger and the PBXs")
public final class ClusterDemoCommand implements PluggedCommand {
    private static final ClusterDemo.Options DEFAULTS = ClusterDemo.Options.defaults();
    private PrintStream out = System.out;
    @Option(names = "--accounts", paramLabel = "N", description = "accounts to generate (default: 900)")
    int accounts = DEFAULTS.accounts();
    @Option(names = "--before-kill", paramLabel = "S", description = "real seconds before the kill (default: 25)")
    int beforeKill = (int) DEFAULTS.beforeKill().toSeconds();
    @Option(names = "--after-kill", paramLabel = "S", description = "real seconds after it (default: 25)")
    int afterKill = (int) DEFAULTS.afterKill().toSeconds();
    @Option(names = "--speed", paramLabel = "X", description = "times real time, 1 to 60 (default: 30)")
    double speed = DEFAULTS.speed();
    @Option(names = "--seed", paramLabel = "N", description = "the simulated callers' seed (default: 11)")
    int seed = (int) DEFAULTS.seed();
    @Option(names = "--out", paramLabel = "DIR", description = "where the logs and the audit go (default: run/cluster)")
    Path outDir = DEFAULTS.outDir();

    @Override
    public void printTo(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        var options = new ClusterDemo.Options(accounts, Duration.ofSeconds(beforeKill), Duration.ofSeconds(afterKill),
                speed, seed, DEFAULTS.start(), outDir);
        return ClusterDemo.run(options, out).passed() ? 0 : 1;
    }
}

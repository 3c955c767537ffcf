package io.duecall.demo;

import io.duecall.engine.PluggedCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./duecall demo}: {@link Demo} with the command line's options; exits 1 when the run was not healthy. */
@Command(name = "demo", description = "run two campaigns on the embedded PBX simulator and print a summary (3000 "
                + "accounts, 60 s at 30x speed from 2026-11-24T17:45:00Z, output in ./run by "
                + "default)")
public final class DemoCommand implements PluggedCommand {
    private static final Demo.Options DEFAULTS = Demo.Options.defaults();
    private PrintStream out = System.out;
    @Option(names = "--accounts", paramLabel = "N", description = "accounts to generate (default: 3000)")
    int accounts = DEFAULTS.accounts();
    @Option(names = "--seconds", paramLabel = "S", description = "how long to run, in real seconds (default: 60)")
    int seconds = (int) DEFAULTS.duration().toSeconds();
    @Option(names = "--speed", paramLabel = "X", description = "times real time, 1 to 120 (default: 30)")
    double speed = DEFAULTS.speed();
    @Option(names = "--seed", paramLabel = "N", description = "the simulated callers' seed (default: 7)")
    int seed = (int) DEFAULTS.seed();
    @Option(names = "--start", paramLabel = "INSTANT", description = "campaign time at the start (default: 2026-11-24T17:45:00Z)")
    Instant start = DEFAULTS.start();
    @Option(names = "--out", paramLabel = "DIR", description = "where the accounts, ledger and promises go (default: run)")
    Path outDir = DEFAULTS.outDir();
    @Option(names = "--http-port", paramLabel = "P", description = "the dashboard's port on 127.0.0.1 (default: any free)")
    int httpPort;
    @Option(names = "--console", description = "import nothing and start nothing: serve the operations pages for "
            + "--seconds with the simulated agents logged in, to run a campaign from the browser (writes "
            + "console-accounts.csv to upload)")
    boolean console;

    @Override
    public void printTo(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        var options = new Demo.Options(accounts, Duration.ofSeconds(seconds), speed, seed, start, outDir,
                DEFAULTS.keyPrefix());
        if (console) {
            Demo.console(options, httpPort, out);
            return 0;
        }
        return Demo.run(options, httpPort, out).healthy() ? 0 : 1;
    }
}

package io.duecall.demo;

import io.duecall.engine.Options;
import io.duecall.engine.PluggedCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** {@code ./duecall cluster-demo}: {@link ClusterDemo} with the command line's options; exits 1 when the audit fails. */
public final class ClusterDemoCommand implements PluggedCommand {
    @Override
    public String name() {
        return "cluster-demo";
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        var d = ClusterDemo.Options.defaults();
        var options = new ClusterDemo.Options(
                o.integer("accounts", d.accounts()),
                Duration.ofSeconds(o.integer("before-kill", (int) d.beforeKill().toSeconds())),
                Duration.ofSeconds(o.integer("after-kill", (int) d.afterKill().toSeconds())),
                o.decimal("speed", d.speed()),
                o.integer("seed", (int) d.seed()),
                d.start(),
                Path.of(o.text("out", d.outDir().toString())));
        o.rejectUnknown();
        return ClusterDemo.run(options, out).passed() ? 0 : 1;
    }
}

package io.duecall.demo;

import io.duecall.engine.Options;
import io.duecall.engine.PluggedCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** {@code ./duecall demo}: {@link Demo} with the command line's options; exits 1 when the run was not healthy. */
public final class DemoCommand implements PluggedCommand {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        var d = Demo.Options.defaults();
        var options = new Demo.Options(
                o.integer("accounts", d.accounts()),
                Duration.ofSeconds(o.integer("seconds", (int) d.duration().toSeconds())),
                o.decimal("speed", d.speed()),
                o.integer("seed", (int) d.seed()),
                o.has("start") ? o.instant("start") : d.start(),
                Path.of(o.text("out", d.outDir().toString())),
                d.keyPrefix());
        int httpPort = o.integer("http-port", 0);
        o.rejectUnknown();
        return Demo.run(options, httpPort, out).healthy() ? 0 : 1;
    }
}

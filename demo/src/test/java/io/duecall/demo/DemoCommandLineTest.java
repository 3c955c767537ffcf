package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.engine.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the demo module on the class path, Main finds its commands: their help, and their options' errors. */
class DemoCommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesTheDemosCommandsAndTheirOptions() {
        assertEquals(0, run("help"));
        var help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("demo             run two campaigns on the embedded PBX simulator"), help);
        assertTrue(help.contains("cluster-demo     three dialer node processes"), help);
        assertTrue(!help.contains("needs the demo module"), help);

        for (var command : List.of(List.of("demo", "--accounts", "--seconds", "--speed", "--seed", "--start", "--out",
                "--http-port"), List.of("cluster-demo", "--before-kill", "--after-kill"),
                List.of("simulate", "--config", "--accounts", "--start", "--days", "--suppress-after-days",
                        "--population", "--out"))) {
            assertEquals(0, run(command.getFirst(), "--help"), command.getFirst());
            for (var option : command.subList(1, command.size())) {
                assertTrue(out.toString(StandardCharsets.UTF_8).contains(option), command.getFirst() + " " + option);
            }
        }
    }

    @Test
    void aBadValueOrUnknownOptionOfADemoIsAUsageErrorNamingIt() {
        assertEquals(2, run("demo", "--speed", "fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid value for option '--speed': 'fast'"),
                err.toString(StandardCharsets.UTF_8));

        assertEquals(2, run("cluster-demo", "--acounts", "10"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown options: '--acounts'"),
                err.toString(StandardCharsets.UTF_8));

        assertEquals(2, run("demo", "--speed", "500"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("speed: 500.0 (expected 1 to 120)"),
                err.toString(StandardCharsets.UTF_8));
    }
}

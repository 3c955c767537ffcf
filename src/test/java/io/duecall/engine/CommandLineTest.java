package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's help, errors and completion, without running any command's work. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every command and subcommand, as typed: "import", "prompts check". */
    private static List<List<String>> commands() {
        var all = new ArrayList<List<String>>();
        var cli = Main.commandLine(System.out, System.err);
        cli.getSubcommands().forEach((name, command) -> {
            all.add(List.of(name));
            command.getSubcommands().keySet().forEach(sub -> all.add(List.of(name, sub)));
        });
        return all;
    }

    @Test
    void everyCommandHasHelpListingEachOfItsOptions() {
        var cli = Main.commandLine(System.out, System.err);
        var commands = commands();
        assertTrue(commands.containsAll(List.of(List.of("run"), List.of("import"), List.of("suppress"),
                List.of("export-ledger"), List.of("migrate"), List.of("explain"), List.of("payments"),
                List.of("promises-sweep"), List.of("promises-report"), List.of("dialplan"), List.of("render"),
                List.of("doctor"), List.of("test-call"), List.of("prompts", "list"), List.of("prompts", "generate"),
                List.of("prompts", "check"), List.of("completion"), List.of("demo"), List.of("cluster-demo"),
                List.of("simulate"))), commands.toString());
        for (var command : commands) {
            var args = new ArrayList<>(command);
            args.add("--help");

            int status = run(args.toArray(String[]::new));

            assertEquals(0, status, command + ": " + err());
            assertTrue(out().contains("Usage: duecall " + String.join(" ", command)), command + ": " + out());
            CommandLine spec = cli;
            for (var name : command) {
                spec = spec.getSubcommands().get(name);
            }
            for (var option : spec.getCommandSpec().options()) {
                assertTrue(out().contains(option.longestName()), command + " help misses " + option.longestName());
            }
        }
    }

    @Test
    void helpListsEveryCommandWithItsSummary() {
        assertEquals(0, run("help"));
        assertTrue(out().contains("usage: ./duecall <command> [options]"), out());
        assertTrue(out().contains("import           validate and import an accounts CSV"), out());
        assertTrue(out().contains("throughput-benchmark"), out());

        assertEquals(0, run());
        assertTrue(out().contains("usage: ./duecall <command> [options]"), out());

        assertEquals(0, run("help", "payments"));
        assertTrue(out().contains("Usage: duecall payments"), out());
    }

    @Test
    void anUnknownOptionIsNamedAndIsAUsageError() {
        int status = run("promises-sweep", "--config", "duecall.yaml", "--dry-run");

        assertEquals(2, status);
        assertTrue(err().contains("promises-sweep: Unknown option: '--dry-run'"), err());
        assertTrue(err().contains("./duecall promises-sweep --help"), err());
    }

    @Test
    void aBadTypedValueNamesTheOptionAndWhatWasExpected() {
        assertEquals(2, run("explain", "--config", "duecall.yaml", "--campaign", "reminders", "--account", "a-1",
                "--at", "tomorrow"));
        assertTrue(err().contains("Invalid value for option '--at': 'tomorrow' (expected an instant such as"), err());

        assertEquals(2, run("prompts", "check", "recordings", "--max-seconds", "half"));
        assertTrue(err().contains("Invalid value for option '--max-seconds': 'half' is not an int"), err());

        assertEquals(2, run("test-call", "--config", "duecall.yaml", "--campaign", "reminders", "--number", "12"));
        assertTrue(err().contains("Invalid value for option '--number': '12'"), err());
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertEquals(2, run("import", "--config", "duecall.yaml", "--campaign", "reminders"));
        assertTrue(err().contains("Missing required option: '--file=CSV'"), err());
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertEquals(2, run("payments", "--config", "a.yaml", "--config", "b.yaml", "--file", "p.csv"));
        assertTrue(err().contains("--config"), err());
    }

    @Test
    void completionIsABashScriptForEveryCommandAndOption() {
        assertEquals(0, run("completion"));

        var script = out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 80));
        assertTrue(script.contains("complete -F _complete_duecall -o default ./duecall"), script);
        for (var command : commands()) {
            assertTrue(script.contains(command.getLast()), "completion misses " + command);
        }
        assertTrue(script.contains("--campaign") && script.contains("--strict") && script.contains("--max-seconds"),
                script);
    }

    @Test
    void theDemosCommandsWithoutTheDemoModuleSaySo() {
        assertEquals(2, run("cluster-demo", "--speed", "10"));
        assertTrue(err().contains("command 'cluster-demo' needs the demo module on the class path"), err());
    }
}

package io.duecall.engine;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.engine.config.ConfigException;
import io.duecall.port.ImportRejectedException;
import io.duecall.sipconfig.InvalidDeploymentException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, on picocli: one class per command or small group ({@link DeploymentCommands},
 * {@link LedgerCommands}, {@link PromptsCommand}, {@link CompletionCommand}) and the demos' commands found on the
 * class path ({@link PluggedCommand}). Exit codes: 0 done, 1 failed, 2 a usage or configuration error.
 */
@Command(name = "duecall", customSynopsis = "usage: ./duecall <command> [options]", synopsisHeading = "",
        description = "DueCall: a dialer and IVR reminder engine for loan collections. ./duecall <command> --help"
                + " describes a command's options.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run by ./duecall itself, not by this program:",
                "  test                 build and run every test",
                "  simulate-year        simulate's preset: a generated year-long portfolio, audited rule by rule",
                "  pacing-benchmark     pacers side by side in virtual time (docs/pacing.md)",
                "  strategy-benchmark   when to call debtors not reached: peaks, learned best time, an oracle",
                "  throughput-benchmark one node's throughput on loopback (docs/throughput.md)"},
        subcommands = {HelpCommand.class, DeploymentCommands.Run.class, DeploymentCommands.Import.class,
                DeploymentCommands.Suppress.class, LedgerCommands.ExportLedger.class, LedgerCommands.Migrate.class,
                DeploymentCommands.Explain.class, LedgerCommands.Payments.class, LedgerCommands.PromisesSweep.class,
                LedgerCommands.PromisesReport.class, DeploymentCommands.Dialplan.class, DeploymentCommands.Render.class,
                DeploymentCommands.Doctor.class, DeploymentCommands.TestCall.class, PromptsCommand.class,
                DeploymentCommands.Node.class, CompletionCommand.class})
public final class Main {
    /** The demos' commands, which module {@code demo} plugs in. */
    static final List<String> DEMO_COMMANDS = List.of("demo", "cluster-demo", "simulate");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        var cli = commandLine(out, err);
        try {
            return cli.execute(args.isEmpty() ? new String[] {"help"} : args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Every command, its help option, the value types' converters and the error handling, printing to out/err. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        var cli = new CommandLine(new Main(), new CommandFactory(out));
        var missing = new TreeSet<>(DEMO_COMMANDS);
        for (var plugged : ServiceLoader.load(PluggedCommand.class)) {
            plugged.printTo(out);
            var command = new CommandLine(plugged, new CommandFactory(out));
            missing.remove(command.getCommandName());
            cli.addSubcommand(command);
        }
        for (var name : missing) {
            cli.addSubcommand(name, new CommandLine(new MissingDemoCommand(name)));
        }
        addHelpOption(cli);
        cli.registerConverter(java.time.Instant.class, Converters::instant);
        cli.registerConverter(CampaignId.class, raw -> Converters.value(raw, CampaignId::new));
        cli.registerConverter(AccountId.class, raw -> Converters.value(raw, AccountId::new));
        cli.registerConverter(E164.class, raw -> Converters.value(raw, E164::new));
        cli.setUsageHelpWidth(110);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, err));
        return cli;
    }

    /** {@code -h}/{@code --help} on every command that has none of its own. */
    private static void addHelpOption(CommandLine command) {
        if (command.getCommandSpec().findOption("--help") == null) {
            command.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this command's options and exit").build());
        }
        command.getSubcommands().values().forEach(Main::addHelpOption);
    }

    private static int usageError(ParameterException e, String[] args) {
        var command = e.getCommandLine();
        var err = command.getErr();
        if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            var name = unmatched.getUnmatched().getFirst();
            if (command.getParent() == null) {
                err.println("duecall: unknown command '" + name + "'");
                command.usage(err);
            } else {
                var known = List.copyOf(command.getSubcommands().keySet());
                err.println("duecall: " + command.getCommandName() + ": unknown command '" + name + "' (expected "
                        + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.getLast() + ")");
            }
            return CommandLine.ExitCode.USAGE;
        }
        err.println("duecall: " + command.getCommandName() + ": " + e.getMessage());
        err.println("(./duecall " + qualifiedName(command) + " --help lists its options)");
        return CommandLine.ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine command, PrintStream err) {
        if (e instanceof CsvOutput.OutputFailedException) {
            err.println("duecall: " + command.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        if (e instanceof UsageException || e instanceof ConfigException || e instanceof InvalidDeploymentException
                || e instanceof ImportRejectedException || e instanceof IllegalArgumentException) {
            err.println("duecall: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        err.println("duecall: " + command.getCommandName() + " failed: " + e.getMessage());
        e.printStackTrace(err);
        return 1;
    }

    private static String qualifiedName(CommandLine command) {
        var parent = command.getParent();
        return parent == null || parent.getParent() == null ? command.getCommandName()
                : qualifiedName(parent) + " " + command.getCommandName();
    }

    /** A command line that cannot be understood; the message says which option. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}

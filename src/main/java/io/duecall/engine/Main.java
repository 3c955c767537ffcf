package io.duecall.engine;

import io.duecall.engine.config.ConfigException;
import io.duecall.port.ImportRejectedException;
import io.duecall.sipconfig.InvalidDeploymentException;
import io.duecall.sipconfig.Secrets;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The command line: {@code demo}, {@code run}, {@code import}, {@code suppress}, {@code export-ledger}, {@code explain},
 * {@code payments}, {@code promises-sweep}, {@code promises-report}, {@code dialplan}, {@code render}.
 */
public final class Main {
    private static final String USAGE = """
            usage: ./duecall <command> [options]
              demo [--accounts N] [--seconds S] [--speed X] [--seed N] [--start INSTANT] [--out DIR] [--http-port P]
                   run two campaigns on the embedded PBX simulator and print a summary (default: 3000 accounts,
                   60 s at 30x speed from 2026-11-24T17:45:00Z, output in ./run)
              run --config FILE        run the configured campaigns against the configured PBX until stopped
              import --config FILE --campaign ID --file CSV [--region CC] [--strict]
                                       validate and import an accounts CSV (all or nothing); warns of numbers
                                       that can never be dialed (no zone, no hour open in all their zones),
                                       which --strict refuses
              suppress --config FILE --file CSV [--reason dnc] [--region CC]
                                       put the numbers of a CSV (column number) on the do-not-call list
              export-ledger --config FILE --out CSV [--from INSTANT] [--to INSTANT]
                                       write the attempt ledger's calls originated in [from, to) as CSV
                                       (from PostgreSQL with ledger.postgres, streamed)
              migrate --config FILE    create or upgrade the ledger's tables in ledger.postgres and its
                                       months' partitions ahead (the engine also does so at start-up)
              explain --config FILE --campaign ID --account ID [--at INSTANT]
                                       why an account is or is not called now (or at INSTANT), rule by rule,
                                       and when it next may be
              simulate --config FILE --accounts CSV --start INSTANT [--days N] [--suppress CSV]
                       [--suppress-after-days N] [--population YAML] [--campaign ID] [--region CC] --out DIR
                                       run the portfolio through the real engine in virtual time against the
                                       simulated PBX (the configuration's rules and holidays; 60 days by default),
                                       write ledger.csv, promises.csv and audit.txt, and print the audit
              payments --config FILE --file CSV
                                       record a payment feed (all or nothing; each reference once) and settle
                                       the promises it pays
              promises-sweep --config FILE
                                       break the unpaid promises whose date is over and queue their accounts
                                       again now, as the engine's daily sweep does
              promises-report --config FILE [--out CSV]
                                       promises made, kept, broken and paid by campaign and day
              dialplan [--config FILE] print the extensions.conf contexts the engine expects
              render --deployment FILE --out DIR
                                       write pjsip.conf, extensions.conf, manager.conf (and amd.conf) for
                                       Asterisk from a deployment file, readable by their owner only
              doctor --config FILE     check Redis, the clocks, each PBX's AMI login, dialplan, modules and agent
                                       phones, and place a loop-back call that proves FastAGI and the prompts,
                                       one line each with the fix; exit 1 when any check fails
              test-call --config FILE --campaign ID --number +E164 [--as-account ID] [--ignore-window]
                                       ring one number through the campaign's window, rules and flow for a test
                                       account, printing the flow's steps; exit 0 answered, 1 not, 3 not dialed
              prompts list [--config FILE] [--out CSV]
                                       every prompt to record: file, language, words, where the flows play it
              prompts generate [--config FILE] --out DIR [--tts espeak-ng]
                                       placeholder speech for every prompt (8 kHz mono WAV under DIR/duecall/)
              prompts check DIR [--config FILE] [--max-seconds 30]
                                       a recordings folder against the list: missing, extra, format, rate, length
              cluster-demo [--accounts N] [--before-kill S] [--after-kill S] [--speed X] [--seed N] [--out DIR]
                                       three dialer node processes, two simulated PBXs, a Redis with an
                                       append-only file and a PostgreSQL for clustered Quartz; kills the
                                       dialing node mid-campaign and audits the ledger and the PBXs
              test                     build and run every test (handled by ./duecall)
              simulate-year [--days N] [--seed N]
                                       the preset of simulate over a generated year-long portfolio, audited rule by
                                       rule (handled by ./duecall)
              pacing-benchmark [--agents ...] [--live ...] [--talk ...] [--seeds N] [--out DIR] [--exponential]
                                       pacers side by side in virtual time (handled by ./duecall)
              strategy-benchmark [--days N] [--seeds N] [--accounts N] [--out DIR]
                                       when to call debtors not reached: first permitted instant, fixed peaks,
                                       learned best time and an oracle, on hidden habits (handled by ./duecall)
              throughput-benchmark [--accounts N] [--sessions N] [--originate-seconds N]
                                       one node's throughput on loopback (handled by ./duecall)
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        var queue = new ArrayDeque<>(args);
        var command = queue.isEmpty() ? "help" : queue.pop();
        try {
            return switch (command) {
                case "demo", "cluster-demo", "simulate" -> plugged(command, queue, out);
                case "node" -> ClusterNode.run(options(queue), out);
                case "run" -> Commands.run(options(queue), out);
                case "import" -> Commands.importAccounts(options(queue), out);
                case "suppress" -> Commands.suppress(options(queue), out);
                case "export-ledger" -> Commands.exportLedger(options(queue), out);
                case "migrate" -> Commands.migrate(options(queue), out);
                case "explain" -> Commands.explain(options(queue), out);
                case "payments" -> PromiseCommands.payments(options(queue), out);
                case "promises-sweep" -> PromiseCommands.sweep(options(queue), out);
                case "promises-report" -> PromiseCommands.report(options(queue), out);
                case "dialplan" -> Commands.dialplan(options(queue), out);
                case "render" -> Commands.render(options(queue), out, Secrets.fromSystem());
                case "prompts" -> PromptCommands.run(queue, out);
                case "doctor" -> DoctorCommand.run(options(queue), out);
                case "test-call" -> TestCallCommand.run(options(queue), out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("duecall: unknown command '" + command + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (CsvOutput.OutputFailedException e) {
            err.println("duecall: " + command + ": " + e.getMessage());
            return 1;
        } catch (UsageException | ConfigException | InvalidDeploymentException | ImportRejectedException
                | IllegalArgumentException e) {
            err.println("duecall: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("duecall: " + command + " failed: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
    }

    /** A command of module {@code demo}, found on the class path; without the module it says so. */
    private static int plugged(String command, Deque<String> args, PrintStream out) throws Exception {
        for (var plugged : ServiceLoader.load(PluggedCommand.class)) {
            if (plugged.name().equals(command)) {
                return plugged.run(options(args), out);
            }
        }
        throw new UsageException("command '" + command + "' needs the demo module on the class path (duecall-demo.jar"
                + " and its lib/, as ./duecall " + command + " runs it); a deployment's application jar does not ship it");
    }

    static Options options(Deque<String> args) {
        return Options.parse(args);
    }

    /** A command line that cannot be understood; the message says which option. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}

package io.duecall.engine;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.sipconfig.Secrets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands that run or check a configured deployment and load its accounts; the work is in {@link Commands}. */
final class DeploymentCommands {
    private DeploymentCommands() {}

    @Command(name = "run", description = "run the configured campaigns against the configured PBX until stopped")
    static final class Run implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;

        Run(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.run(config.load(), out);
        }
    }

    @Command(name = "import", description = "validate and import an accounts CSV (all or nothing); warns of numbers that can "
                + "never be dialed (no zone, no hour open in all their zones), which --strict "
                + "refuses")
    static final class Import implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "the configured campaign")
        CampaignId campaign;
        @Option(names = "--file", required = true, paramLabel = "CSV", description = "the accounts file")
        Path file;
        @Option(names = "--region", paramLabel = "CC", description = "the country of numbers written without +")
        String region;
        @Option(names = "--strict", description = "refuse the file if any number can never be dialed")
        boolean strict;

        Import(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.importAccounts(config.load(), campaign, file, region, strict, out);
        }
    }

    @Command(name = "suppress", description = "put the numbers of a CSV (column number) on the do-not-call list")
    static final class Suppress implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--file", required = true, paramLabel = "CSV", description = "the numbers (column number)")
        Path file;
        @Option(names = "--reason", defaultValue = "dnc", paramLabel = "WORD", description = "why (default: ${DEFAULT-VALUE})")
        String reason;
        @Option(names = "--region", paramLabel = "CC", description = "the country of numbers written without +")
        String region;

        Suppress(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.suppress(config.load(), file, reason, region, out);
        }
    }

    @Command(name = "explain", description = "why an account is or is not called now (or at --at), rule by rule, and when it "
                + "next may be")
    static final class Explain implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "the configured campaign")
        CampaignId campaign;
        @Option(names = "--account", required = true, paramLabel = "ID", description = "the stored account")
        AccountId account;
        @Option(names = "--at", paramLabel = "INSTANT", description = "when (default: now), such as 2027-03-01T14:00:00Z")
        Instant at;

        Explain(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return AccountExplanation.explain(config.load(), campaign, account, at, out);
        }
    }

    @Command(name = "dialplan", description = "print the extensions.conf contexts the engine expects (without --config, those "
                + "of the demo's configuration)")
    static final class Dialplan implements Callable<Integer> {
        private final PrintStream out;
        @Option(names = "--config", paramLabel = "FILE", description = "the engine's configuration (YAML)")
        Path config;

        Dialplan(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.dialplan(config, out);
        }
    }

    @Command(name = "render", description = "write pjsip.conf, extensions.conf, manager.conf (and amd.conf) for Asterisk from "
                + "a deployment file, readable by their owner only")
    static final class Render implements Callable<Integer> {
        private final PrintStream out;
        @Option(names = "--deployment", required = true, paramLabel = "FILE", description = "the deployment file")
        Path deployment;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the files")
        Path dir;

        Render(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return Commands.render(deployment, dir, out, Secrets.fromSystem());
        }
    }

    @Command(name = "doctor", description = "check Redis, the clocks, each PBX's AMI login, dialplan, modules and agent "
                + "phones, and place a loop-back call that proves FastAGI and the prompts; exit 1 "
                + "when any check fails")
    static final class Doctor implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;

        Doctor(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return DoctorCommand.run(config.load(), out);
        }
    }

    @Command(name = "test-call", description = "ring one number through the campaign's window, rules and flow for a test "
                + "account, printing the flow's steps; exit 0 answered, 1 not, 3 not dialed")
    static final class TestCall implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "the configured campaign")
        CampaignId campaign;
        @Option(names = "--number", required = true, paramLabel = "+E164", description = "the phone to ring")
        E164 number;
        @Option(names = "--as-account", paramLabel = "ID", description = "copy this account's name, amount and language")
        AccountId asAccount;
        @Option(names = "--ignore-window", description = "call even outside the campaign's calling window")
        boolean ignoreWindow;

        TestCall(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return TestCallCommand.call(config.load(), campaign, number, asAccount, ignoreWindow, Clock.systemUTC(), out);
        }
    }

    @Command(name = "node", hidden = true, description = "one dialer node of the cluster demo, as a process of its own")
    static final class Node implements Callable<Integer> {
        private final PrintStream out;
        @Mixin
        ConfigFile config;
        @Option(names = "--name", required = true, description = "the node's name")
        String name;
        @Option(names = "--origin", required = true, description = "the campaign-time instant the clocks start from")
        Instant origin;
        @Option(names = "--anchor", required = true, description = "the real time (epoch ms) the origin stands for")
        long anchor;
        @Option(names = "--speed", defaultValue = "1", description = "times real time (default: ${DEFAULT-VALUE})")
        double speed;

        Node(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return ClusterNode.run(config.load(), name, origin, Instant.ofEpochMilli(anchor), speed, out);
        }
    }
}

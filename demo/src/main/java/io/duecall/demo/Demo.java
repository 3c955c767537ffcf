package io.duecall.demo;

import io.duecall.engine.DemoConfig;
import io.duecall.engine.Engine;
import io.duecall.engine.ScaledClock;
import io.duecall.engine.ScaledPause;
import io.duecall.engine.config.EngineConfig;
import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.redis.KeyspaceCleaner;
import io.duecall.app.ImportAccounts;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.duecall.web.http.OpsWebConfig;
import io.duecall.web.Principal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.JedisPooled;

/**
 * The demo: a few thousand generated accounts in two campaigns (an IVR reminder campaign with agents for callers
 * who press 0, and an agent campaign for later-stage accounts) dialed through the embedded PBX simulator, on a clock
 * that runs {@code speed} times faster than real time, with the same engine wiring a real deployment uses.
 */
public final class Demo {
    static final CampaignId REMINDERS = DemoConfig.REMINDERS;
    static final CampaignId DESK = DemoConfig.DESK;

    /**
     * Demo settings; {@code start} is the campaign-time instant the demo clock starts from, {@code duration} is real
     * time, and everything the demo stores lives under {@code keyPrefix}, which it clears first.
     */
    public record Options(int accounts, Duration duration, double speed, long seed, Instant start, Path outDir,
            String keyPrefix) {
        public Options {
            if (accounts < 6) {
                throw new IllegalArgumentException("accounts: " + accounts + " (expected at least 6)");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("seconds: " + duration.toSeconds() + " (expected > 0)");
            }
            if (!(speed >= 1 && speed <= 120)) {
                throw new IllegalArgumentException("speed: " + speed + " (expected 1 to 120)");
            }
        }

        public static Options defaults() {
            return new Options(3000, Duration.ofSeconds(60), 30, 7, Instant.parse("2026-11-24T17:45:00Z"),
                    Path.of("run"), "duecall-demo");
        }
    }

    private Demo() {}

    public static DemoReport run(Options options, PrintStream out) throws Exception {
        return run(options, 0, out);
    }

    /** Runs the demo with the operations server on {@code httpPort} of 127.0.0.1 (0: a free port). */
    public static DemoReport run(Options options, int httpPort, PrintStream out) throws Exception {
        return withEngine(options, out, (engine, config, simulator) -> {
            importAccounts(engine, options, out);
            startOpsServer(engine, opsConfig(httpPort, config), out);
            return DemoRun.run(engine, options, out, simulator);
        });
    }

    /**
     * The demo's engine, simulator and operations server on a cleared key space with no account imported and no
     * campaign started, to run a campaign from the browser alone: the simulated agents are logged in, and an accounts
     * file to upload ({@code console-accounts.csv}, {@code accounts} of them) is written to the output folder.
     * Serves for the options' duration (real time), then stops every campaign.
     */
    public static void console(Options options, int httpPort, PrintStream out) throws Exception {
        withEngine(options, out, (engine, config, simulator) -> {
            var file = options.outDir().resolve("console-accounts.csv");
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DemoAccounts.write(writer, "console", options.accounts(), 1, 29,
                        options.start().atZone(ZoneOffset.UTC).toLocalDate(), options.seed());
            }
            engine.loginAllAgents();
            startOpsServer(engine, opsConfig(httpPort, config), out);
            out.printf("accounts to upload: %s%nserving for %d s; Ctrl-C stops it%n", file.toAbsolutePath(),
                    options.duration().toSeconds());
            Thread.sleep(options.duration().toMillis());
            engine.stopCampaigns();
            return null;
        });
    }

    /** What runs once the demo's engine, with the simulator as its PBX, is up. */
    @FunctionalInterface
    private interface OnEngine<T> {
        T run(Engine engine, EngineConfig.Resolved config, PbxSimulator simulator) throws Exception;
    }

    /** Starts the simulator and the engine on a cleared key space and a fresh journal, runs {@code body}, stops both. */
    private static <T> T withEngine(Options options, PrintStream out, OnEngine<T> body) throws Exception {
        Files.createDirectories(options.outDir());
        var clock = new ScaledClock(options.start(), options.speed());
        // A fresh journal each run: entries an earlier run left must not replay into this run's cleared keys.
        var journalDir = Files.createTempDirectory("duecall-demo-journal-");
        var config = config(options.keyPrefix()).withJournalDir(journalDir);
        try (var redis = DevRedis.provision()) {
            out.println("redis: " + redis.description());
            try (var jedis = new JedisPooled(redis.uri())) {
                KeyspaceCleaner.deleteAll(jedis, options.keyPrefix());
            }
            var simulator = new AtomicReference<PbxSimulator>();
            try {
                try (var engine = Engine.start(config, clock, new ScaledPause(options.speed()), redis,
                        agiPort -> startSimulator(simulator, agiPort, options, config))) {
                    out.printf("pbx: embedded simulator, AMI on 127.0.0.1:%d, IVR at %s%n",
                            simulator.get().amiPort(), engine.agiUrl());
                    return body.run(engine, config, simulator.get());
                }
            } finally {
                // The engine lets go of the PBX first, so the simulator never sees a client it must keep serving.
                if (simulator.get() != null) {
                    simulator.get().close();
                }
            }
        } finally {
            io.duecall.devsupport.DirectoryTrees.delete(journalDir);
        }
    }

    /** Fresh tokens each run: one for operations staff, one per agent; printed so the pages can be opened. */
    static OpsWebConfig opsConfig(int port, EngineConfig.Resolved config) {
        var random = new SecureRandom();
        var tokens = new LinkedHashMap<String, Principal>();
        tokens.put("ops-" + HexFormat.of().formatHex(bytes(random)),
                Principal.operations());
        for (var seat : config.agents().seats()) {
            tokens.put("agent-" + seat.id() + "-" + HexFormat.of().formatHex(bytes(random)), Principal.agent(seat.id()));
        }
        return new OpsWebConfig("127.0.0.1", port, OpsWebConfig.DEFAULT_MAX_BODY, tokens);
    }

    private static byte[] bytes(SecureRandom random) {
        var b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private static void startOpsServer(Engine engine, OpsWebConfig http, PrintStream out) {
        var server = engine.startOpsServer(http);
        var base = "http://127.0.0.1:" + server.port() + "/";
        http.tokens().forEach((token, who) -> {
            if (who.role() == Principal.Role.OPERATIONS) {
                out.println("dashboard: " + base + "#token=" + token);
                out.println("campaigns, lists, board, promises, reports: " + base + "campaigns.html#token=" + token);
            }
        });
        var agents = new StringBuilder();
        http.tokens().forEach((token, who) -> {
            if (who.role() == Principal.Role.AGENT) {
                agents.append(agents.isEmpty() ? "" : ", ").append(who.agent()).append(' ').append(token);
            }
        });
        out.println("agent desk: " + base + "agent.html (tokens: " + agents + ")");
    }

    static AmiConfig startSimulator(AtomicReference<PbxSimulator> holder, int agiPort, Options options,
            EngineConfig.Resolved config) {
        return startSimulator(holder, agiPort, options, config, Population.defaults());
    }

    /** As above with {@code population} instead of the bundled one. */
    static AmiConfig startSimulator(AtomicReference<PbxSimulator> holder, int agiPort, Options options,
            EngineConfig.Resolved config, Population population) {
        var agents = config.agents().seats().stream().map(s -> s.id().value()).toList();
        var agi = URI.create("agi://127.0.0.1:" + agiPort + "/reminder");
        var outbound = config.ami().outboundContext();
        var simulatorConfig = new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", Map.of(outbound, agi),
                Set.of(outbound), config.ami().agentContext(), agents, population, 1 / options.speed(),
                options.seed(), config.ami().abandonContext());
        var simulator = PbxSimulator.start(simulatorConfig);
        holder.set(simulator);
        return config.ami().withEndpoint("127.0.0.1", simulator.amiPort())
                .withCredentials(simulatorConfig.amiUsername(), simulatorConfig.amiSecret());
    }

    static void importAccounts(Engine engine, Options options, PrintStream out) throws IOException {
        int desk = options.accounts() / 6;
        int reminders = options.accounts() - desk;
        var today = options.start().atZone(ZoneOffset.UTC).toLocalDate();
        var importer = new ImportAccounts(new AccountCsvReader(null), engine.accounts(), engine.clock());
        for (var part : List.of(new Object[] {REMINDERS, reminders, 1, 29}, new Object[] {DESK, desk, 30, 90})) {
            var campaign = (CampaignId) part[0];
            var file = options.outDir().resolve("demo-accounts-" + campaign + ".csv");
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DemoAccounts.write(writer, campaign.value(), (int) part[1], (int) part[2], (int) part[3], today,
                        options.seed() + campaign.hashCode());
            }
            int imported = importer.fromFile(campaign, file);
            out.printf("imported %d accounts into %s from %s%n", imported, campaign, file);
        }
    }

    static EngineConfig.Resolved config(String keyPrefix) {
        return DemoConfig.of(keyPrefix);
    }
}

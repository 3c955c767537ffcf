package io.duecall.engine;

import redis.clients.jedis.HostAndPort;
import io.duecall.engine.config.EngineConfig;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.AttemptCsvWriter;
import io.duecall.adapter.csv.NumberListCsvReader;
import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.app.ArchivedLedger;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisProvisioner;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.ImportAccounts;
import io.duecall.app.ListDoNotCall;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.SuppressionStore;
import io.duecall.sipconfig.AsteriskFiles;
import io.duecall.sipconfig.Deployment;
import io.duecall.sipconfig.DeploymentLoader;
import io.duecall.sipconfig.ExtensionsRenderer;
import io.duecall.sipconfig.Secrets;
import io.duecall.sipconfig.DialplanSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import io.duecall.common.ProgressReporter;
import io.duecall.app.GracefulStop;

/** The commands that work on a configured deployment rather than the demo. */
final class Commands {
    private Commands() {}

    /** {@code host:port} for a single PBX; each PBX's name and endpoint for a pool. */
    static String amiEndpoints(EngineConfig.Resolved config) {
        if (config.pbxs().size() == 1) {
            return config.ami().host() + ":" + config.ami().port();
        }
        return String.join(", ", config.pbxs().stream()
                .map(p -> p.name() + " " + p.ami().host() + ":" + p.ami().port()).toList());
    }

    static int run(EngineConfig.Resolved config, PrintStream out) throws Exception {
        var http = config.http();
        var clock = Clock.systemUTC();
        var signals = StopSignals.install();
        try (var redis = redis(config);
                var engine = Engine.start(config, clock, d -> Thread.sleep(d), redis, "")) {
            out.printf("duecall: redis %s; AMI %s; IVR at %s%n", redis.description(), amiEndpoints(config),
                    engine.agiUrl());
            var checks = engine.checkAtStartUp();
            var failed = checks.stream().filter(check -> !check.ok()).count();
            out.printf("duecall: start-up checks: %d, %s%n", checks.size(), failed == 0 ? "all OK"
                    : failed + " failed (the WARN lines above; /readyz lists them; ./duecall doctor checks everything)");
            if (http != null) {
                var server = engine.startOpsServer(http);
                out.printf("duecall: dashboard at http://%s:%d/ and agent desk at /agent.html%n", http.bindHost(), server.port());
            }
            engine.loginAllAgents();
            engine.startCampaigns();
            signals.awaitFirst();
            var grace = GracefulStop.graceFor(engine.dialer());
            out.printf("duecall: stopping: no new calls; the %d call(s) in flight get up to %d s to finish "
                    + "(a second Ctrl-C hangs them up)%n", engine.dialer().callsInFlight(), grace.toSeconds());
            out.flush();
            var report = new GracefulStop(engine.dialer(), clock, d -> Thread.sleep(d)).stop(grace, signals::hurried);
            engine.stopCampaigns();
            out.println("duecall: " + report.describe());
            out.flush();
        } finally {
            signals.stopped();
        }
        return 0;
    }

    static int importAccounts(EngineConfig.Resolved config, CampaignId campaign, Path file, String region,
            boolean strict, PrintStream out) throws Exception {
        if (config.campaigns().list().stream().noneMatch(c -> c.id().equals(campaign))) {
            throw new Main.UsageException("campaign '" + campaign + "' is not in the configuration");
        }
        var configured = config.campaigns().list().stream().filter(c -> c.id().equals(campaign)).findFirst().orElseThrow();
        var rules = config.campaigns().rules().get(campaign);
        var window = rules != null ? rules.window() : io.duecall.domain.window.WeeklyWindows.every(configured.window());
        try (var redis = redis(config); var jedis = redis.connect()) {
            var store = new RedisAccountStore(jedis, new RedisKeys(config.redis().keyPrefix()));
            ImportAccounts.Summary summary;
            try (var progress = ProgressReporter.on(out, "import " + file.getFileName(), dataLines(file))) {
                summary = new ImportAccounts(new AccountCsvReader(region, config.imports()), store, Clock.systemUTC(),
                        window, strict).withProgress(progress::update).importFile(campaign, file);
            }
            out.printf("imported %d accounts into %s%n", summary.imported(), campaign);
            summary.warnings().forEach(out::println);
        }
        return 0;
    }

    /** Puts every number of a file on the do-not-call list; the contact rules never dial them from then on. */
    static int suppress(EngineConfig.Resolved config, Path file, String reason, String region, PrintStream out)
            throws Exception {
        SuppressionStore.checkReason(reason);
        var numbers = new NumberListCsvReader(region).read(file);
        try (var redis = redis(config); var jedis = redis.connect()) {
            var store = new RedisSuppressionStore(jedis, new RedisKeys(config.redis().keyPrefix()));
            ListDoNotCall.Result result;
            try (var progress = ProgressReporter.on(out, "suppress " + file.getFileName(), numbers.size())) {
                result = new ListDoNotCall(store, Clock.systemUTC()).list(numbers, reason, "file:" + file.getFileName(),
                        progress::update);
            }
            out.printf("listed %d numbers as %s (%d already listed)%n", result.listed(), reason, result.alreadyListed());
        }
        return 0;
    }

    /** The lines of a CSV file after its header: what a progress bar counts an import against (quoted line breaks aside). */
    private static long dataLines(Path file) throws java.io.IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return Math.max(0, lines.count() - 1);
        }
    }

    /**
     * Writes the ledger's lines of the calls originated in [--from, --to) (by default all of them) as CSV. With
     * {@code ledger.postgres} they are read from PostgreSQL with a cursor and written as they come, the recent lines
     * not yet shipped there read from Redis; without, from the Redis ledger.
     */
    static int exportLedger(EngineConfig.Resolved config, Path target, Instant from, Instant to, PrintStream out)
            throws Exception {
        if (!from.isBefore(to)) {
            throw new Main.UsageException("--from " + from + " is not before --to " + to);
        }
        try (var redis = redis(config); var jedis = redis.connect(); var archive = archive(config)) {
            var recent = new RedisAttemptLedger(jedis, new RedisKeys(config.redis().keyPrefix()));
            long[] written = {0};
            if (archive != null) {
                var ledger = new ArchivedLedger(recent, archive);
                CsvOutput.write(target, writer -> written[0] = new AttemptCsvWriter().write(
                        sink -> ledger.forEach(from, to, sink), writer));
            } else {
                var lines = recent.readAll().stream()
                        .filter(a -> !a.originatedAt().isBefore(from) && a.originatedAt().isBefore(to)).toList();
                CsvOutput.write(target, writer -> new AttemptCsvWriter().write(lines, writer));
                written[0] = lines.size();
            }
            out.printf("wrote %d attempts to %s%n", written[0], target);
        }
        return 0;
    }

    /**
     * Applies the ledger's migrations to {@code ledger.postgres} and creates the months' partitions ahead, as the
     * engine does at start-up.
     */
    static int migrate(EngineConfig.Resolved config, PrintStream out) throws Exception {
        if (config.ledgerDatabase() == null) {
            throw new Main.UsageException("ledger.postgres is not configured: the ledger is kept in Redis only and"
                    + " there is nothing to migrate");
        }
        try (var archive = archive(config)) {
            int applied = archive.migrate();
            out.printf("ledger database %s: %d migration(s) applied; partitions for %s%n",
                    config.ledgerDatabase().jdbcUrl(), applied, archive.months());
        }
        return 0;
    }

    /** The ledger's PostgreSQL when configured, else null. */
    static PostgresLedgerArchive archive(EngineConfig.Resolved config) {
        return config.ledgerDatabase() == null ? null
                : PostgresLedgerArchive.open(config.ledgerDatabase(), Clock.systemUTC());
    }

    /**
     * Prints the contexts the engine drives, from the configuration, through the renderer {@code render} uses: with a
     * {@code deployment} the very extensions.conf it renders (AMD as configured, its agent dial, recording, abandon
     * message); otherwise from {@code ami} and {@code agi} (AMD on, agents dialed as {@code PJSIP/<ext>}) with the
     * abandon message naming the first campaign's company and callback number. Without a file, the embedded simulator's defaults.
     */
    static int dialplan(Path file, PrintStream out) throws Exception {
        if (file != null) {
            var deployment = EngineConfig.load(file).deployment();
            if (deployment != null && !deployment.isBlank()) {
                out.print(ExtensionsRenderer.render(DeploymentLoader.load(Path.of(deployment))));
                return 0;
            }
        }
        var config = file == null ? DemoConfig.of("dialplan") : EngineConfig.load(file).validate();
        var settings = dialplanSettings(config);
        var campaigns = config.campaigns().list();
        if (campaigns.isEmpty()) {
            throw new Main.UsageException("campaigns: none (expected at least one, whose callbackNumber the abandon"
                    + " message says)");
        }
        // The first campaign's company recording (as ./duecall prompts lists it) and callback number.
        var first = campaigns.getFirst();
        var abandon = new Deployment.Abandon("duecall/company-" + first.id().value(), first.callbackNumber());
        out.print(ExtensionsRenderer.render(settings, abandon, /* recording= */ false));
        return 0;
    }

    /** The dialplan the engine expects of the configured PBXs. */
    static DialplanSettings dialplanSettings(EngineConfig.Resolved config) {
        var settings = DialplanSettings.defaults();
        var ami = config.ami();
        return new DialplanSettings(ami.outboundContext(), ami.agentContext(), ami.abandonContext(),
                settings.agentDial(), URI.create("agi://" + config.agi().bindHost() + ":" + config.agi().port()
                        + "/reminder"), settings.amd());
    }

    /** Writes the Asterisk files of a deployment, owner-only, into {@code --out}; secrets come from env or files. */
    static int render(Path deploymentFile, Path dir, PrintStream out, Secrets secrets) throws Exception {
        var deployment = DeploymentLoader.load(deploymentFile);
        for (var file : AsteriskFiles.write(deployment, secrets, dir)) {
            out.println("wrote " + file);
        }
        return 0;
    }

    /**
     * A deployment's Redis must already run: importing into a throwaway server would lose the data. With
     * {@code redis.cluster}, the Redis Cluster its nodes name.
     */
    static ProvisionedRedis redis(EngineConfig.Resolved config) {
        var nodes = config.redis().clusterNodes();
        if (!nodes.isEmpty()) {
            return RedisProvisioner.cluster(nodes.stream().map(n -> new HostAndPort(n.host(), n.port())).toList());
        }
        var url = Optional.ofNullable(config.redis().url())
                .or(() -> Optional.ofNullable(System.getenv(RedisProvisioner.URL_ENV)).filter(u -> !u.isBlank()))
                .map(URI::create);
        if (config.redis().password() != null) {
            url = Optional.of(config.redis().withPassword(url.orElse(RedisProvisioner.DEFAULT_LOCAL)));
        }
        return RedisProvisioner.existing(url.orElse(RedisProvisioner.DEFAULT_LOCAL));
    }
}

package io.duecall.engine;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.ami.AmiPbxConnection;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.adapter.quartz.QuartzPromiseSweep;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.quartz.QuartzLedgerRetention;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.ArchivedLedger;
import io.duecall.app.LedgerRetention;
import io.duecall.app.LedgerShipper;
import io.duecall.port.AttemptLedger;
import io.duecall.port.StoreUnavailableException;
import io.duecall.adapter.redis.RedisCampaignDefinitions;
import io.duecall.adapter.redis.RedisDispositionLog;
import io.duecall.adapter.redis.RedisHabitStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPaymentStore;
import io.duecall.adapter.redis.RedisPools;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisScreenPops;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.app.BestTimeScheduler;
import io.duecall.app.PbxPool;
import io.duecall.app.PromiseFollowUp;
import io.duecall.web.HealthProbe;
import io.duecall.engine.doctor.Check;
import io.duecall.engine.doctor.Doctor;
import io.duecall.adapter.redis.RedisHealth;
import io.duecall.web.OpsParts;
import io.duecall.web.TelephonyMeters;
import io.duecall.web.http.OpsServer;
import io.duecall.web.http.OpsWebConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.duecall.ivr.adapter.agi.AgiSessionListener;
import io.duecall.app.RecordPayments;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.EngineConfig;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.ReminderAgiScript;
import io.duecall.ivr.adapter.agi.PromptCheckAgiScript;
import io.duecall.ivr.flow.PromptList;
import io.duecall.adapter.redis.RedisDoctorReports;
import io.duecall.ivr.flow.FlowLoader;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.adapter.journal.FileJournal;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import io.duecall.port.Pause;
import io.duecall.port.TelephonyUnavailableException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * One running dialer, wired from a validated configuration: Redis stores, the IVR's FastAGI server, the AMI
 * connection, the engine, its Quartz dial cycle and the daily promise sweep. Closing it stops them in the reverse order.
 */
public final class Engine implements AutoCloseable {
    private static final Duration IVR_INPUT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** Lines a shipper takes from each ledger stream per round. */
    static final int SHIP_BATCH = 1_000;
    /** How long a shipper's lines wait, unshipped, before another node's shipper takes them: it has surely died. */
    static final Duration CLAIM_AFTER = Duration.ofSeconds(30);
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final EngineConfig.Resolved config;
    private final Clock clock;
    private ProvisionedRedis redis;
    private UnifiedJedis jedis;
    private RedisAccountStore accounts;
    private AttemptLedger ledger;
    private RedisAttemptLedger redisLedger;
    private PostgresLedgerArchive archive;
    private LedgerUpkeep ledgerUpkeep;
    private QuartzLedgerRetention ledgerRetention;
    private RedisPromiseStore promises;
    private IvrServer ivr;
    private PbxPool telephony;
    private AgentPool agents;
    private DialerEngine dialer;
    private QuartzDialCycle cycle;
    private QuartzPromiseSweep promiseSweep;
    private AgentDesk desk;
    private OpsServer ops;
    private CampaignCatalog catalog;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TelephonyMeters telephonyMeters = new TelephonyMeters(registry);
    private List<AmiPbx> pbxs = List.of();
    /** The PBX checks made at start-up, reported with the store's live ones. */
    private volatile List<Check> pbxChecks = List.of();

    /** Set for the engine of a test call ({@code ./duecall test-call}); null for a dialer. */
    private TestCallWiring testCall;

    private Engine(EngineConfig.Resolved config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * How a test call's engine differs from a dialer's: its accounts and promises live in a key space of their own
     * ({@link #testKeyPrefix}), its ledger lines go to the deployment's ledger marked {@code test} and to {@code
     * lines}, each thing the IVR reports goes to {@code steps}, and it has no journal, dial cycle or promise sweep.
     */
    record TestCallWiring(java.util.function.Consumer<String> steps,
            java.util.function.Consumer<io.duecall.domain.attempt.Attempt> lines) {}

    /** The key prefix of the test calls' accounts and promises beside the deployment's {@code prefix}. */
    static String testKeyPrefix(String prefix) {
        return prefix + ".test-call";
    }

    /** Starts the engine of one test call on the configured PBXs; nothing dials until its dialer is ticked. */
    static Engine startTestCall(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            TestCallWiring wiring) throws TelephonyUnavailableException {
        var engine = new Engine(config, clock);
        engine.testCall = wiring;
        try {
            engine.wire(pause, redis, agiPort -> config.pbxs(), "test-call");
            return engine;
        } catch (RuntimeException | TelephonyUnavailableException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Starts everything but the dial cycle, connected to one PBX: {@code pbxFor} is given the IVR's FastAGI port and
     * returns the AMI settings to use (an embedded simulator started to call back into that port); the PBX keeps the
     * first configured PBX's name, limits and trunks.
     */
    public static Engine start(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            IntFunction<AmiConfig> pbxFor) throws TelephonyUnavailableException {
        return start(config, clock, pause, redis, pbxFor, "");
    }

    /** As above, for one node of several sharing a Redis: its lease tokens carry {@code nodeName}. */
    public static Engine start(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            IntFunction<AmiConfig> pbxFor, String nodeName) throws TelephonyUnavailableException {
        return startPool(config, clock, pause, redis,
                agiPort -> List.of(config.pbxs().getFirst().withAmi(pbxFor.apply(agiPort))), nodeName);
    }

    /** Starts everything but the dial cycle, connected to every configured PBX; lease tokens carry {@code nodeName}. */
    public static Engine start(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            String nodeName) throws TelephonyUnavailableException {
        return startPool(config, clock, pause, redis, agiPort -> config.pbxs(), nodeName);
    }

    /** As above, with the PBXs {@code poolFor} returns for the IVR's FastAGI port (embedded simulators). */
    public static Engine startPool(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            IntFunction<List<AmiPbx>> poolFor, String nodeName) throws TelephonyUnavailableException {
        var engine = new Engine(config, clock);
        try {
            engine.wire(pause, redis, poolFor, nodeName);
            return engine;
        } catch (RuntimeException | TelephonyUnavailableException e) {
            engine.close();
            throw e;
        }
    }

    private void wire(Pause pause, ProvisionedRedis provisioned, IntFunction<List<AmiPbx>> poolFor, String nodeName)
            throws TelephonyUnavailableException {
        redis = provisioned;
        jedis = redis.connect(config.redis().poolSize());
        parts.add(jedis);
        var journal = testCall == null ? openJournal(nodeName) : Journal.none();
        parts.add(journal);
        var keys = new RedisKeys(config.redis().keyPrefix());
        // Before the ledger writer, so it stops after it: the last lines written are shipped on the way out.
        ledger = openLedger(keys, nodeName);
        // Closed after the telephony and the IVR (parts close in reverse), so every ended call is written down first.
        var ledgerWriter = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ledger-writer-", 0).factory());
        parts.add(ledgerWriter);
        var bridgeWatch = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bridge-watch-", 0).factory());
        parts.add(bridgeWatch);
        var screenPops = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("screen-pops").daemon().factory());
        parts.add(screenPops);
        // A test call's account and promise never share keys with a debtor's.
        var own = testCall == null ? keys : new RedisKeys(testKeyPrefix(config.redis().keyPrefix()));
        accounts = new RedisAccountStore(jedis, own, nodeName);
        promises = new RedisPromiseStore(jedis, own);
        var suppression = new RedisSuppressionStore(jedis, keys);
        var holidays = new QuartzHolidayCalendar(config.scheduler().holidayDates());
        var sessions = new DeferredCallSessions();
        // Calls arrive only once the dialer runs, by which time the catalog is there to answer.
        var flow = new ReminderFlow(sessions, IVR_INPUT_TIMEOUT, FlowLoader.defaultFlow(), FlowLoader.locationFlow(),
                campaign -> catalog == null ? MachinePolicy.MESSAGE : catalog.machine(campaign));
        ivr = new IvrServer(new IvrServerConfig(bindAddress(config.agi().bindHost()), config.agi().port(),
                config.agi().readTimeout(), config.agi().allowList(), config.agi().limits()),
                Map.of(IvrServer.SCRIPT, new ReminderAgiScript(sessions, flow), PromptCheckAgiScript.SCRIPT,
                        doctorScript(keys)), new AgiSessionListener() {
                    @Override
                    public void sessionStarted() {
                        telephonyMeters.sessionStarted();
                    }

                    @Override
                    public void sessionEnded() {
                        telephonyMeters.sessionEnded();
                    }
                });
        ivr.start();
        parts.add(ivr);
        pbxs = poolFor.apply(ivr.port());
        connectPbxs(pbxs);
        // Agent state is in Redis even for one node, so nodes added later (or a restart) see the same agents.
        agents = new AgentPool(config.agents().seats(), config.agents().wrapUp(), new RedisAgentRoster(jedis, keys), nodeName);
        config.campaigns().requiredSkills().forEach(agents::requireSkills);
        var dialerLedger = testCall == null ? ledger : new TestCallLedger(ledger, testCall.lines());
        dialer = DialerEngine.builder(clock, pause).accounts(accounts).ledger(dialerLedger).promises(promises)
                .suppression(suppression).telephony(telephony).agents(agents).campaigns(config.campaigns().list())
                .maxOriginatesPerTick(config.scheduler().maxOriginatesPerTick()).holidays(holidays)
                .rules(config.campaigns().rules()).pacing(config.campaigns().pacing()).journal(journal)
                .bestTime(BestTimeScheduler.learned(new RedisHabitStore(jedis, keys), config.campaigns().bestTime()))
                // Each call moved to an agent is checked at its agent-wait deadline, not only at the next tick.
                .ledgerWriter(ledgerWriter).bridgeWatch(bridgeWatch).build();
        sessions.set(testCall == null ? dialer.sessions() : new PrintedCallSessions(dialer.sessions(), testCall.steps()));
        catalog = new CampaignCatalog(dialer, new RedisCampaignDefinitions(jedis, keys), config.campaigns());
        catalog.loadStored().forEach(problem -> System.err.println("duecall: " + problem));
        // The pop is stored in Redis, so the desk shows it on whichever node serves the agent.
        desk = new AgentDesk(clock, dialer.sessions(), promises, ledger, accounts, suppression, new RedisDispositionLog(jedis, keys),
                dialer.eligibility(), new RedisScreenPops(jedis, keys));
        // The screen pop reads the store; off the AMI event thread, so later answers and hang-ups are not held back.
        dialer.onAgentCall(started -> screenPops.execute(() -> desk.accept(started)));
        // A disposition recorded through another node's desk reaches this engine when it returns the account.
        dialer.agentRequestsFrom(desk::requested);
        if (testCall != null) {
            return;
        }
        // Every node ticks its own campaigns: each dials through its own PBX connections and agents, and the Redis
        // leases keep the nodes' claims apart. The shared job store is for the jobs that must run once (the sweep).
        cycle = new QuartzDialCycle(dialer, config.scheduler().tickInterval(), config.scheduler().holidayDates(),
                config.scheduler().holidayZoneId());
        parts.add(cycle);
        // The engine's own eligibility, so promises of campaigns added at run time are followed up too.
        var followUp = new PromiseFollowUp(promises, new RedisPaymentStore(jedis, keys), accounts, dialer.eligibility());
        promiseSweep = new QuartzPromiseSweep(followUp, clock, config.promises().sweepAt(), config.promises().zoneId(),
                config.clustered());
        parts.add(promiseSweep);
    }

    /**
     * The ledger: in Redis, and with {@code ledger.postgres} in PostgreSQL too (migrated now; the engine does not
     * start without it), shipped there by every node and dropped after {@code ledger.retention}; Redis keeps
     * {@code ledger.redisRetention} of recent lines either way.
     */
    private AttemptLedger openLedger(RedisKeys keys, String nodeName) {
        redisLedger = new RedisAttemptLedger(jedis, keys);
        var feed = new RedisLedgerFeed(jedis, redisLedger);
        var settings = config.ledger();
        if (config.ledgerDatabase() == null) {
            System.err.println("duecall: the attempt ledger is kept in Redis only, for ledger.redisRetention ("
                    + settings.redisRetention() + "); older lines are removed. Configure ledger.postgres to keep it for"
                    + " ledger.retention (" + settings.retention() + ").");
            ledgerUpkeep = LedgerUpkeep.trimming(feed, settings.redisRetention());
            parts.add(ledgerUpkeep);
            return redisLedger;
        }
        archive = PostgresLedgerArchive.open(config.ledgerDatabase(), clock);
        parts.add(archive);
        try {
            archive.migrate();
        } catch (StoreUnavailableException e) {
            throw new ConfigException("ledger.postgres: " + e.getMessage() + " (the engine starts only once the"
                    + " ledger's database answers; while it runs, an outage only delays shipping)");
        }
        var shipper = new LedgerShipper(feed, archive, shipperName(nodeName), SHIP_BATCH, CLAIM_AFTER,
                settings.redisRetention());
        // Read at each scrape: how far shipping is behind, and how much of the ledger Redis holds.
        io.micrometer.core.instrument.Gauge.builder("duecall.ledger.unshipped", feed, f -> orNaN(f::unshipped))
                .description("ledger lines in Redis not yet stored in PostgreSQL").register(registry);
        io.micrometer.core.instrument.Gauge.builder("duecall.ledger.redis.lines", feed, f -> orNaN(f::retained))
                .description("ledger lines kept in Redis, shipped or not").register(registry);
        ledgerUpkeep = LedgerUpkeep.shipping(shipper);
        parts.add(ledgerUpkeep);
        ledgerRetention = new QuartzLedgerRetention(new LedgerRetention(archive, settings.retention()), clock,
                config.clustered());
        parts.add(ledgerRetention);
        return new ArchivedLedger(redisLedger, archive);
    }

    /** A figure read from a store, NaN while the store cannot be read. */
    private static double orNaN(java.util.function.LongSupplier figure) {
        try {
            return figure.getAsLong();
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }

    /** The node's name among the shippers: its cluster name, else the host's. */
    private static String shipperName(String nodeName) {
        if (!nodeName.isEmpty()) {
            return nodeName;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "duecall";
        }
    }

    /**
     * The script of {@code ./duecall doctor}'s loop-back call, which a doctor run beside this engine cannot serve
     * itself while the engine holds the FastAGI port: what each call found goes to Redis for it.
     */
    private PromptCheckAgiScript doctorScript(RedisKeys keys) {
        var reports = new RedisDoctorReports(jedis, keys);
        var files = PromptCommands.prompts(config).stream().map(PromptList.Entry::file).toList();
        return new PromptCheckAgiScript(files, new PromptCheckAgiScript.Elsewhere() {
            @Override
            public void arrived(String callId, String peer) {
                reports.arrived(callId, peer);
            }

            @Override
            public void done(String callId, PromptCheckAgiScript.Report report) {
                reports.done(callId, report.peer(), report.present(), report.missing());
            }
        });
    }

    /**
     * The journal in {@code journal.dir} (a cluster node's in a subdirectory named after it, so nodes sharing a
     * configuration never share a journal), or none when the configuration has no directory.
     */
    private Journal openJournal(String nodeName) {
        if (config.journalDir() == null) {
            return Journal.none();
        }
        var dir = nodeName.isEmpty() ? config.journalDir() : config.journalDir().resolve(nodeName);
        try {
            return FileJournal.open(dir);
        } catch (JournalUnavailableException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Logs in to every PBX and checks its dialplan; the engine starts only with all of them. */
    private void connectPbxs(List<AmiPbx> pbxs) throws TelephonyUnavailableException {
        var members = new ArrayList<PbxPool.Member>();
        for (var pbx : pbxs) {
            var connection = AmiPbxConnection.connect(pbx, clock);
            parts.add(connection);
            connection.originator().observe(OpsAdapters.timings(telephonyMeters));
            requireDialplanContexts(connection, pbxs.size() > 1);
            members.add(new PbxPool.Member(pbx.limits(), connection));
        }
        telephony = new PbxPool(members, clock);
    }

    /** A PBX without the contexts would take the originates and then fail every answered call; refuse to start. */
    private static void requireDialplanContexts(AmiPbxConnection connection, boolean named)
            throws TelephonyUnavailableException {
        var missing = connection.missingContexts();
        var pbx = connection.pbx().ami();
        if (!missing.isEmpty()) {
            throw new ConfigException("the PBX " + (named ? connection.pbx().name() + " " : "") + "at "
                    + pbx.host() + ":" + pbx.port()
                    + " has no dialplan context " + String.join(", ", missing) + " (the engine originates into "
                    + pbx.outboundContext() + ", redirects to agents through " + pbx.agentContext()
                    + " and plays the abandon message in " + pbx.abandonContext() + "); render extensions.conf with ./duecall render and run 'dialplan reload' on the PBX");
        }
    }

    private static InetAddress bindAddress(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("agi.bindHost was '" + host + "' but it does not resolve");
        }
    }

    /**
     * Logs every configured agent in, as a desk would at the start of a shift; agents already logged in (through
     * another node sharing the Redis, or before a restart) are left as they are.
     */
    public void loginAllAgents() {
        for (AgentSeat seat : config.agents().seats()) {
            agents.startShift(seat.id(), clock.instant());
        }
    }

    /** Starts the dial cycle of every configured campaign. */
    public void startCampaigns() {
        for (var campaign : config.campaigns().list()) {
            var dates = config.campaigns().runDates(campaign.id());
            cycle.start(campaign.id(), dates.startAt(), dates.endAt());
        }
    }

    public void stopCampaigns() {
        config.campaigns().list().forEach(c -> cycle.stop(c.id()));
    }

    /**
     * The doctor's quick checks, for start-up warnings and {@code /readyz}: the store's (persistence, eviction, the
     * clock against Redis's), read live, and each PBX's (the modules the dialplan uses, each agent phone's device
     * state) as {@link #checkAtStartUp()} found them. A deployment runs with them failing, but should not.
     */
    public List<Check> deploymentWarnings() {
        var checks = new ArrayList<Check>(Doctor.storeOnly(clock).redis(() -> new RedisHealth(jedis,
                config.redis().keyPrefix()), "the engine's Redis").stream()
                .filter(check -> !check.name().equals("redis")).toList());
        checks.addAll(pbxChecks);
        return checks;
    }

    /**
     * Makes the doctor's quick checks once (those of {@link #deploymentWarnings()}; not the loop-back call, which
     * needs the FastAGI port this engine holds), logs each failure at WARN and returns them all. The PBX checks use
     * a short AMI session of their own per PBX.
     */
    public List<Check> checkAtStartUp() {
        var dialplan = Commands.dialplanSettings(config);
        pbxChecks = Doctor.overAmi(clock).pbxs(new Doctor.Target(pbxs, DoctorCommand.modules(dialplan),
                config.agents().seats(), dialplan.agentDial(), /* loopBack= */ null)).stream()
                .filter(check -> !check.ok() || !check.name().endsWith(" AMI")).toList();
        var checks = deploymentWarnings();
        checks.stream().filter(check -> !check.ok()).forEach(check -> LOG.warn("{}", check.line()));
        return checks;
    }

    /** Starts the operations server (API, dashboard, agent desk, metrics); it stops with the engine. */
    public OpsServer startOpsServer(OpsWebConfig http) {
        var control = new QuartzCampaignControl(cycle, id -> catalog.runDates(id).endAt());
        var health = new HealthProbe() {
            @Override
            public boolean amiConnected() {
                return telephony.available();
            }

            @Override
            public Duration redisPing() {
                long start = System.nanoTime();
                jedis.ping();
                return Duration.ofNanos(System.nanoTime() - start);
            }

            @Override
            public Map<String, String> deploymentChecks() {
                var checks = new LinkedHashMap<String, String>();
                for (var check : deploymentWarnings()) {
                    checks.put(check.name().replace(' ', '-'), check.ok() ? "ok" : check.found());
                }
                return checks;
            }
        };
        ops = OpsServer.start(http, new OpsParts(clock, dialer, agents, desk, accounts, promises, control,
                OpsAdapters.imports(accounts, clock, config.imports()), OpsAdapters.exports(ledger, promises), health,
                catalog, registry,
                paymentFeed()));
        parts.add(ops);
        return ops;
    }

    /** The API's payment feed: the CSV feed's use case, taking paid-off accounts out of every current campaign. */
    private RecordPayments paymentFeed() {
        var keys = new RedisKeys(config.redis().keyPrefix());
        return new RecordPayments(new PaymentCsvReader(config.imports()), new RedisPaymentStore(jedis, keys), promises, accounts,
                () -> dialer.campaigns().stream().map(Campaign::id).toList(), clock);
    }

    /** The campaigns managed at run time beside the configured ones. */
    public CampaignCatalog catalog() {
        return catalog;
    }

    public AgentDesk desk() {
        return desk;
    }

    public URI agiUrl() {
        return URI.create("agi://" + config.agi().bindHost() + ":" + ivr.port() + "/reminder");
    }

    public DialerEngine dialer() {
        return dialer;
    }

    public AgentPool agents() {
        return agents;
    }

    public RedisAccountStore accounts() {
        return accounts;
    }

    /** The ledger as the engine reads it: Redis, and PostgreSQL when configured. */
    public AttemptLedger ledger() {
        return ledger;
    }

    /** The Redis side of the ledger (its streams). */
    public RedisAttemptLedger redisLedger() {
        return redisLedger;
    }

    /** The PostgreSQL side of the ledger, or null when it is kept in Redis only. */
    public PostgresLedgerArchive archive() {
        return archive;
    }

    /** The node's ledger shipper, or null when the ledger is kept in Redis only. */
    public LedgerShipper shipper() {
        return ledgerUpkeep == null ? null : ledgerUpkeep.shipper();
    }

    /** The ledger's daily retention run, or null when the ledger is kept in Redis only. */
    public QuartzLedgerRetention ledgerRetention() {
        return ledgerRetention;
    }

    public RedisPromiseStore promises() {
        return promises;
    }

    /** The daily follow-up of promises whose pay-by date is over. */
    public QuartzPromiseSweep promiseSweep() {
        return promiseSweep;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("duecall: stopping " + parts.get(i).getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
        parts.clear();
    }
}

package io.duecall.engine;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.journal.FileJournal;
import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.quartz.QuartzHolidayCalendar;
import io.duecall.adapter.quartz.QuartzLedgerRetention;
import io.duecall.adapter.quartz.QuartzPromiseSweep;
import io.duecall.adapter.redis.ProvisionedRedis;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.redis.RedisAgentTimeLog;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisCampaignDefinitions;
import io.duecall.adapter.redis.RedisDispositionLog;
import io.duecall.adapter.redis.RedisHabitStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisScreenPops;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.AgentTimeKeeper;
import io.duecall.app.BestTimeScheduler;
import io.duecall.app.DialerEngine;
import io.duecall.app.LedgerShipper;
import io.duecall.app.PbxPool;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.doctor.Check;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.port.AttemptLedger;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import io.duecall.port.Pause;
import io.duecall.port.TelephonyUnavailableException;
import io.duecall.web.TelephonyMeters;
import io.duecall.web.http.OpsServer;
import io.duecall.web.http.OpsWebConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import redis.clients.jedis.UnifiedJedis;

/**
 * One running dialer, wired from a validated configuration: Redis stores, the IVR's FastAGI server, the AMI
 * connection, the engine, its Quartz dial cycle and the daily promise sweep. Closing it stops them in the reverse order.
 * The ledger ({@link LedgerWiring}), the PBXs ({@link PbxWiring}), the IVR ({@link IvrWiring}), the quick checks
 * ({@link StartUpChecks}) and the operations server ({@link OpsWiring}) are wired in classes of their own.
 */
public final class Engine implements AutoCloseable {
    private final Parts parts = new Parts();
    private final EngineConfig.Resolved config;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TelephonyMeters telephonyMeters = new TelephonyMeters(registry);
    /** Set for the engine of a test call ({@code ./duecall test-call}); null for a dialer. */
    private final TestCallWiring testCall;
    private UnifiedJedis jedis;
    private RedisAccountStore accounts;
    private LedgerWiring ledger;
    private RedisPromiseStore promises;
    private IvrServer ivr;
    private PbxPool telephony;
    private StartUpChecks checks;
    private AgentPool agents;
    private DialerEngine dialer;
    private CampaignJobs jobs;
    private AgentDesk desk;
    private CampaignCatalog catalog;

    private Engine(EngineConfig.Resolved config, Clock clock, TestCallWiring testCall) {
        this.config = config;
        this.clock = clock;
        this.testCall = testCall;
    }

    /** Starts the engine of one test call on the configured PBXs; nothing dials until its dialer is ticked. */
    static Engine startTestCall(EngineConfig.Resolved config, Clock clock, Pause pause, ProvisionedRedis redis,
            TestCallWiring wiring) throws TelephonyUnavailableException {
        return start(new Engine(config, clock, wiring), pause, redis, agiPort -> config.pbxs(), "test-call");
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
        return start(new Engine(config, clock, null), pause, redis, poolFor, nodeName);
    }

    private static Engine start(Engine engine, Pause pause, ProvisionedRedis redis,
            IntFunction<List<AmiPbx>> poolFor, String nodeName) throws TelephonyUnavailableException {
        try {
            engine.wire(pause, redis, poolFor, nodeName);
            return engine;
        } catch (RuntimeException | TelephonyUnavailableException e) {
            engine.close();
            throw e;
        }
    }

    private void wire(Pause pause, ProvisionedRedis redis, IntFunction<List<AmiPbx>> poolFor, String nodeName)
            throws TelephonyUnavailableException {
        jedis = parts.add(redis.connect(config.redis().poolSize()));
        var journal = parts.add(testCall == null ? openJournal(nodeName) : Journal.none());
        var keys = new RedisKeys(config.redis().keyPrefix());
        // Before the ledger writer, so it stops after it: the last lines written are shipped on the way out.
        ledger = LedgerWiring.open(config, clock, jedis, keys, nodeName, registry, parts);
        // Closed after the telephony and the IVR (parts close in reverse), so every ended call is written down first.
        var ledgerWriter = parts.add(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("ledger-writer-", 0).factory()));
        var bridgeWatch = parts.add(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("bridge-watch-", 0).factory()));
        var screenPops = parts.add(Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("screen-pops").daemon().factory()));
        // A test call's account and promise never share keys with a debtor's.
        var own = testCall == null ? keys : new RedisKeys(TestCallWiring.keyPrefix(config.redis().keyPrefix()));
        accounts = new RedisAccountStore(jedis, own, nodeName);
        promises = new RedisPromiseStore(jedis, own);
        var suppression = new RedisSuppressionStore(jedis, keys);
        var holidays = new QuartzHolidayCalendar(config.scheduler().holidayDates());
        var sessions = new DeferredCallSessions();
        // Calls arrive only once the dialer runs, by which time the catalog is there to answer.
        ivr = IvrWiring.server(config, jedis, keys, sessions,
                campaign -> catalog == null ? MachinePolicy.MESSAGE : catalog.machine(campaign), telephonyMeters);
        ivr.start();
        parts.add(ivr);
        var pbxs = poolFor.apply(ivr.port());
        checks = new StartUpChecks(config, clock, jedis, pbxs);
        telephony = PbxWiring.connect(pbxs, clock, telephonyMeters, parts);
        // Agent state is in Redis even for one node, so nodes added later (or a restart) see the same agents.
        // Each agent's time per day is added up at every change, for the agents' report (days in the clock's zone),
        // written off the pool's lock.
        var agentTime = parts.add(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("agent-time-", 0).factory()));
        agents = new AgentPool(config.agents().seats(), config.agents().wrapUp(), new RedisAgentRoster(jedis, keys),
                nodeName, new AgentTimeKeeper(new RedisAgentTimeLog(jedis, keys), clock.getZone(), agentTime));
        config.campaigns().requiredSkills().forEach(agents::requireSkills);
        var dialerLedger = testCall == null ? ledger.ledger() : testCall.ledger(ledger.ledger());
        dialer = DialerEngine.builder(clock, pause).accounts(accounts).ledger(dialerLedger).promises(promises)
                .suppression(suppression).telephony(telephony).agents(agents).campaigns(config.campaigns().list())
                .maxOriginatesPerTick(config.scheduler().maxOriginatesPerTick()).holidays(holidays)
                .rules(config.campaigns().rules()).pacing(config.campaigns().pacing()).journal(journal)
                .bestTime(BestTimeScheduler.learned(new RedisHabitStore(jedis, keys), config.campaigns().bestTime()))
                // Each call moved to an agent is checked at its agent-wait deadline, not only at the next tick.
                .ledgerWriter(ledgerWriter).bridgeWatch(bridgeWatch).build();
        sessions.set(testCall == null ? dialer.sessions() : testCall.sessions(dialer.sessions()));
        catalog = new CampaignCatalog(dialer, new RedisCampaignDefinitions(jedis, keys), config.campaigns());
        catalog.loadStored().forEach(problem -> System.err.println("duecall: " + problem));
        // The pop is stored in Redis, so the desk shows it on whichever node serves the agent.
        desk = new AgentDesk(clock, dialer.sessions(), promises, ledger.ledger(), accounts, suppression,
                new RedisDispositionLog(jedis, keys), dialer.eligibility(), new RedisScreenPops(jedis, keys));
        // The screen pop reads the store; off the AMI event thread, so later answers and hang-ups are not held back.
        dialer.onAgentCall(started -> screenPops.execute(() -> desk.accept(started)));
        // A disposition recorded through another node's desk reaches this engine when it returns the account.
        dialer.agentRequestsFrom(desk::requested);
        if (testCall == null) {
            jobs = CampaignJobs.start(config, clock, dialer, promises, accounts, jedis, keys, parts);
        }
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
        jobs.startCampaigns(config);
    }

    public void stopCampaigns() {
        jobs.stopCampaigns(config);
    }

    /**
     * The doctor's quick checks, for start-up warnings and {@code /readyz}: the store's, read live, and each PBX's as
     * {@link #checkAtStartUp()} found them (see {@link StartUpChecks}). A deployment runs with them failing, but
     * should not.
     */
    public List<Check> deploymentWarnings() {
        return checks.deploymentWarnings();
    }

    /**
     * Makes the doctor's quick checks once (those of {@link #deploymentWarnings()}; not the loop-back call, which
     * needs the FastAGI port this engine holds), logs each failure at WARN and returns them all.
     */
    public List<Check> checkAtStartUp() {
        return checks.checkAtStartUp();
    }

    /** Starts the operations server (API, dashboard, agent desk, metrics); it stops with the engine. */
    public OpsServer startOpsServer(OpsWebConfig http) {
        var cycle = jobs == null ? null : jobs.cycle();
        return parts.add(OpsWiring.start(http, this, config, jedis, cycle, telephony, checks, registry));
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
        return ledger.ledger();
    }

    /** The Redis side of the ledger (its streams). */
    public RedisAttemptLedger redisLedger() {
        return ledger.redis();
    }

    /** The PostgreSQL side of the ledger, or null when it is kept in Redis only. */
    public PostgresLedgerArchive archive() {
        return ledger.archive();
    }

    /** The node's ledger shipper, or null when the ledger is kept in Redis only. */
    public LedgerShipper shipper() {
        return ledger.shipper();
    }

    /** The ledger's daily retention run, or null when the ledger is kept in Redis only. */
    public QuartzLedgerRetention ledgerRetention() {
        return ledger.retention();
    }

    public RedisPromiseStore promises() {
        return promises;
    }

    /** The daily follow-up of promises whose pay-by date is over; null for a test call's engine. */
    public QuartzPromiseSweep promiseSweep() {
        return jobs == null ? null : jobs.promiseSweep();
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        parts.close();
    }
}

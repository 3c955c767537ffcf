package io.duecall.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.quartz.QuartzCluster;
import io.duecall.adapter.redis.RedisPools;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.InvalidContactRulesException;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.window.CallingWindow;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.sipconfig.Deployment;
import io.duecall.sipconfig.Secrets;
import io.duecall.web.OpsWebConfig;
import io.duecall.web.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;

/**
 * The engine's configuration file (YAML). Every key is optional but {@code campaigns}; a missing key takes the
 * default shown in the README. {@link #validate()} reports every problem at once, each naming its key. An optional
 * {@code deployment} (path to a deployment file, relative to this file) supplies the PBX side instead of {@code ami}
 * and {@code agi}, so the engine and the rendered Asterisk files share one source.
 */
public record EngineConfig(
        String deployment,
        RedisSettings redis,
        AmiSettings ami,
        AgiSettings agi,
        SchedulerSettings scheduler,
        AgentSettings agents,
        List<CampaignSettings> campaigns,
        HttpSettings http,
        PromiseSettings promises,
        List<PbxSettings> pbxs) {

    /** A configuration with the single PBX of {@code ami} or {@code deployment}. */
    public EngineConfig(String deployment, RedisSettings redis, AmiSettings ami, AgiSettings agi,
            SchedulerSettings scheduler, AgentSettings agents, List<CampaignSettings> campaigns, HttpSettings http,
            PromiseSettings promises) {
        this(deployment, redis, ami, agi, scheduler, agents, campaigns, http, promises, null);
    }

    /** The operations server; no {@code port} means no server. Each token is operations or one agent's. */
    public record HttpSettings(String bindHost, Integer port, Integer maxBodyBytes, List<TokenSettings> tokens) {}

    public record TokenSettings(String token, Principal.Role role, String agent) {}

    /**
     * {@code url} empty: use REDIS_URL, else a Redis on 127.0.0.1:6379, else start one. {@code cluster}: the
     * {@code host:port} seed nodes of a Redis Cluster to use instead (then {@code url} must be empty). {@code poolSize}:
     * connections the node keeps to Redis (to each master of a cluster) at most, shared by the dial ticks, the ledger
     * writer and every IVR session.
     */
    public record RedisSettings(String url, String keyPrefix, List<String> cluster, Integer poolSize) {
        public RedisSettings(String url, String keyPrefix) {
            this(url, keyPrefix, null, null);
        }
    }

    public record AmiSettings(String host, Integer port, String username, String secret, String dialTemplate,
            String outboundContext, String agentContext) {}

    /**
     * Where the IVR's FastAGI server listens (the PBX's dialplan must point at it), and how long a session may wait
     * for its peer before it is closed as a lost IVR session.
     */
    public record AgiSettings(String bindHost, Integer port, Duration readTimeout) {
        public AgiSettings(String bindHost, Integer port) {
            this(bindHost, port, null);
        }
    }

    /** {@code clustered} absent: Quartz in memory on this node; present: Quartz shared by the nodes in PostgreSQL. */
    public record SchedulerSettings(Duration tickInterval, Integer maxOriginatesPerTick, List<LocalDate> holidays,
            String holidayZone, ClusteredSettings clustered) {
        public SchedulerSettings(Duration tickInterval, Integer maxOriginatesPerTick, List<LocalDate> holidays,
                String holidayZone) {
            this(tickInterval, maxOriginatesPerTick, holidays, holidayZone, null);
        }
    }

    /** {@code password}: an {@code env:NAME} or {@code file:/path} reference, or the password itself. */
    public record ClusteredSettings(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "ClusteredSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    /** When the daily follow-up of promises runs ({@code sweepAt} in {@code zone}); the report's days are in {@code zone}. */
    public record PromiseSettings(LocalTime sweepAt, String zone) {}

    public record AgentSettings(Duration wrapUp, List<SeatSettings> seats) {}

    /**
     * {@code skills}: short lowercase words such as {@code es} or {@code late-stage} that calls may require.
     * {@code pbx}: the name (in {@code pbxs}) of the PBX the agent's phone is registered on; the agent is offered
     * calls only while that PBX is up. Absent: the phone is reachable from every PBX.
     */
    public record SeatSettings(String id, List<String> campaigns, List<String> skills, String pbx) {
        public SeatSettings(String id, List<String> campaigns, List<String> skills) {
            this(id, campaigns, skills, null);
        }

        public SeatSettings(String id, List<String> campaigns) {
            this(id, campaigns, null, null);
        }
    }

    public record CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
            Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
            Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
            Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine,
            List<String> requiredSkills, Duration maxCallDuration) {
        public CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
                Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
                Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
                Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine,
                List<String> requiredSkills) {
            this(id, name, mode, opens, closes, closingMargin, companyName, callbackNumber, channelLimit, ringTimeout,
                    agentWait, lease, promiseHorizonDays, startAt, endAt, rules, pacing, machine, requiredSkills, null);
        }

        public CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
                Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
                Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
                Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine) {
            this(id, name, mode, opens, closes, closingMargin, companyName, callbackNumber, channelLimit, ringTimeout,
                    agentWait, lease, promiseHorizonDays, startAt, endAt, rules, pacing, machine, null);
        }
    }

    /** When Quartz starts and stops a campaign's dial cycle; null means at once, or until stopped. */
    public record RunDates(Instant startAt, Instant endAt) {
        public static final RunDates ALWAYS = new RunDates(null, null);
    }

    /** What a validated configuration yields: the domain objects, ready to wire. */
    public record Resolved(String redisUrl, String keyPrefix, AmiConfig ami, String agiBindHost, int agiPort,
            Duration tickInterval, int maxOriginatesPerTick, Set<LocalDate> holidays, java.time.ZoneId holidayZone,
            Duration wrapUp, List<AgentSeat> seats, List<Campaign> campaigns, Map<CampaignId, RunDates> runDates,
            Map<CampaignId, ContactRules> rules, LocalTime promiseSweepAt, java.time.ZoneId promiseZone,
            Map<CampaignId, PacingPolicy> pacing, QuartzCluster clustered, Map<CampaignId, MachinePolicy> machine,
            Map<CampaignId, Set<String>> requiredSkills, List<HostAndPort> redisCluster, Duration agiReadTimeout,
            int redisPoolSize, List<AmiPbx> pbxs) {

        /** {@code ami} is the first PBX's AMI settings, whose contexts the dialplan commands render. */
        public Resolved {
            pbxs = List.copyOf(pbxs);
            if (pbxs.isEmpty()) {
                throw new IllegalArgumentException("pbxs: none (expected at least one PBX)");
            }
        }

        /**
         * A single node's configuration as the demo builds it: the single PBX of {@code ami}, not limited by the
         * pool, on a single Redis, with Quartz in memory, every campaign leaving its message on an answering
         * machine and requiring no agent skills, and the FastAGI read timeout and the Redis pool at their defaults.
         */
        public Resolved(String redisUrl, String keyPrefix, AmiConfig ami, String agiBindHost, int agiPort,
                Duration tickInterval, int maxOriginatesPerTick, Set<LocalDate> holidays, java.time.ZoneId holidayZone,
                Duration wrapUp, List<AgentSeat> seats, List<Campaign> campaigns, Map<CampaignId, RunDates> runDates,
                Map<CampaignId, ContactRules> rules, LocalTime promiseSweepAt, java.time.ZoneId promiseZone,
                Map<CampaignId, PacingPolicy> pacing) {
            this(redisUrl, keyPrefix, ami, agiBindHost, agiPort, tickInterval, maxOriginatesPerTick, holidays,
                    holidayZone, wrapUp, seats, campaigns, runDates, rules, promiseSweepAt, promiseZone, pacing, null,
                    Map.of(), Map.of(), List.of(), IvrServerConfig.DEFAULT_READ_TIMEOUT, RedisPools.DEFAULT_POOL_SIZE,
                    List.of(AmiPbx.single(SINGLE_PBX, ami)));
        }

        public RunDates runDates(CampaignId campaign) {
            return runDates.getOrDefault(campaign, RunDates.ALWAYS);
        }

        /** What the campaign's calls do on an answering machine; {@code MESSAGE} unless configured otherwise. */
        public MachinePolicy machine(CampaignId campaign) {
            return machine.getOrDefault(campaign, MachinePolicy.MESSAGE);
        }
    }

    /** Early enough to call back the same day, late enough to be past the hours clocks change in most zones. */
    static final LocalTime DEFAULT_SWEEP_AT = LocalTime.of(6, 0);

    /** The name of the one PBX configured with {@code ami} or {@code deployment} instead of {@code pbxs}. */
    static final String SINGLE_PBX = "pbx";

    public static EngineConfig load(Path file) throws IOException {
        var mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return mapper.readValue(Files.readAllBytes(file), EngineConfig.class).relativeTo(file);
        } catch (JsonMappingException e) {
            var key = keyPath(e);
            throw new ConfigException(file + ": " + (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage());
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new ConfigException(file + ": " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
    }

    /** Relative {@code deployment} paths (the node's and each PBX's) are read from the configuration file's directory. */
    private EngineConfig relativeTo(Path file) {
        var base = file.toAbsolutePath().getParent();
        var ownDeployment = deployment == null || deployment.isBlank() || Path.of(deployment).isAbsolute() ? deployment
                : base.resolve(deployment).normalize().toString();
        var pbxList = pbxs == null ? null : pbxs.stream().map(p -> p == null ? null : p.relativeTo(base)).toList();
        return new EngineConfig(ownDeployment, redis, ami, agi, scheduler, agents, campaigns, http, promises, pbxList);
    }

    /** The key the error is about, as the README writes keys: {@code campaigns[0].channelLimit}. */
    static String keyPath(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Checks every key and builds the domain objects; throws one {@link ConfigException} listing every problem. */
    public Resolved validate() {
        return validate(Secrets.fromSystem());
    }

    /**
     * As {@link #validate()}, resolving the deployment's AMI secret with {@code secrets}. With a {@code deployment}
     * file its AMI endpoint, credentials, dial template, contexts and FastAGI address replace {@code ami}/{@code agi}.
     */
    Resolved validate(Secrets secrets) {
        var errors = new ArrayList<String>();
        var redisSettings = redis == null ? new RedisSettings(null, null) : redis;
        var redisCluster = redisCluster(errors, redisSettings);
        int poolSize = redisSettings.poolSize() == null ? RedisPools.DEFAULT_POOL_SIZE : redisSettings.poolSize();
        if (poolSize < 1) {
            errors.add("redis.poolSize was '" + poolSize + "' but it must be > 0");
        }
        var source = deployment == null ? null : DeploymentSource.load("deployment", deployment, secrets, errors);
        var pbx = source == null ? null : source.pbx();
        var pool = resolvePool(errors, secrets, source == null ? resolveAmi(errors) : source.ami(),
                source == null ? null : source.file());
        var ami = pool.getFirst().ami();
        var agiSettings = pbx != null ? new AgiSettings(pbx.agiBindHost(), pbx.agiPort())
                : agi == null ? new AgiSettings(null, null) : agi;
        int agiPort = agiSettings.port() == null ? 4573 : agiSettings.port();
        if (agiPort < 0 || agiPort > 65535) {
            errors.add("agi.port was '" + agiPort + "' but it must be between 0 and 65535");
        }
        // Engine tuning rather than PBX side, so it is read from agi even when a deployment file gives the address.
        var agiReadTimeout = agi == null || agi.readTimeout() == null
                ? IvrServerConfig.DEFAULT_READ_TIMEOUT : agi.readTimeout();
        if (agiReadTimeout.compareTo(Duration.ofMillis(1)) < 0
                || agiReadTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            errors.add("agi.readTimeout was '" + agiReadTimeout + "' but it must be between PT0.001S and "
                    + Duration.ofMillis(Integer.MAX_VALUE));
        }
        var sched = scheduler == null ? new SchedulerSettings(null, null, null, null) : scheduler;
        var tick = sched.tickInterval() == null ? Duration.ofMillis(500) : sched.tickInterval();
        int perTick = sched.maxOriginatesPerTick() == null ? 20 : sched.maxOriginatesPerTick();
        if (perTick <= 0) {
            errors.add("scheduler.maxOriginatesPerTick was '" + perTick + "' but it must be > 0");
        }
        java.time.ZoneId holidayZone = java.time.ZoneOffset.UTC;
        try {
            holidayZone = sched.holidayZone() == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(sched.holidayZone());
        } catch (java.time.DateTimeException e) {
            errors.add("scheduler.holidayZone was '" + sched.holidayZone() + "' but it must be an IANA zone id");
        }
        var promiseSettings = promises == null ? new PromiseSettings(null, null) : promises;
        java.time.ZoneId promiseZone = java.time.ZoneOffset.UTC;
        try {
            promiseZone = promiseSettings.zone() == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(promiseSettings.zone());
        } catch (java.time.DateTimeException e) {
            errors.add("promises.zone was '" + promiseSettings.zone() + "' but it must be an IANA zone id");
        }
        var sweepAt = promiseSettings.sweepAt();
        if (sweepAt != null && sweepAt.getHour() < 4 && !promiseZone.getRules().isFixedOffset()) {
            errors.add("promises.sweepAt was '" + sweepAt + "' but in " + promiseZone
                    + " it must be 04:00 or later: a daily trigger in the hours clocks change would skip or repeat a day");
        }
        var runDates = new HashMap<CampaignId, RunDates>();
        var rules = new HashMap<CampaignId, ContactRules>();
        var pacing = new HashMap<CampaignId, PacingPolicy>();
        var machine = new HashMap<CampaignId, MachinePolicy>();
        var requiredSkills = new HashMap<CampaignId, Set<String>>();
        var campaignList = resolveCampaigns(errors, runDates, rules, pacing, machine, requiredSkills);
        var clustered = clustered(errors, sched.clustered(), secrets);
        var agentSettings = agents == null ? new AgentSettings(null, List.of()) : agents;
        var wrapUp = agentSettings.wrapUp() == null ? Duration.ofSeconds(20) : agentSettings.wrapUp();
        var seats = resolveSeats(errors, agentSettings, campaignList,
                pool.stream().map(AmiPbx::name).collect(Collectors.toSet()));
        if (!errors.isEmpty()) {
            throw new ConfigException("configuration has " + errors.size() + " problem(s):\n  " + String.join("\n  ", errors));
        }
        return new Resolved(blankToNull(redisSettings.url()),
                redisSettings.keyPrefix() == null ? "duecall" : redisSettings.keyPrefix(), ami,
                agiSettings.bindHost() == null ? "127.0.0.1" : agiSettings.bindHost(), agiPort, tick, perTick,
                sched.holidays() == null ? Set.of() : Set.copyOf(sched.holidays()), holidayZone, wrapUp, seats,
                campaignList, Map.copyOf(runDates), Map.copyOf(rules),
                promiseSettings.sweepAt() == null ? DEFAULT_SWEEP_AT : promiseSettings.sweepAt(), promiseZone,
                Map.copyOf(pacing), clustered, Map.copyOf(machine), Map.copyOf(requiredSkills), redisCluster, agiReadTimeout,
                poolSize, pool);
    }

    /** {@code redis.cluster}'s seed nodes, each {@code host:port}; empty for a single Redis. */
    private static List<HostAndPort> redisCluster(List<String> errors, RedisSettings settings) {
        if (settings.cluster() == null) {
            return List.of();
        }
        if (settings.cluster().isEmpty()) {
            errors.add("redis.cluster is empty but it must name at least one host:port (or be left out)");
        }
        if (blankToNull(settings.url()) != null) {
            errors.add("redis.url and redis.cluster are both set but only one may be: a url for one Redis, "
                    + "cluster for the seed nodes of a Redis Cluster");
        }
        var nodes = new ArrayList<HostAndPort>();
        for (int i = 0; i < settings.cluster().size(); i++) {
            var text = settings.cluster().get(i);
            var colon = text == null ? -1 : text.lastIndexOf(':');
            int port = -1;
            try {
                port = colon <= 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535 || text.substring(0, colon).isBlank()) {
                errors.add("redis.cluster[" + i + "] was '" + text + "' but it must be host:port with a port of 1-65535");
            } else {
                nodes.add(new HostAndPort(text.substring(0, colon).strip(), port));
            }
        }
        return List.copyOf(nodes);
    }

    /**
     * The node's PBXs: the {@code pbxs} list, or else a pool of one from {@code ami} or {@code deployment} with no
     * limits of its own, dialing as before (with a deployment, over its trunks in order, the first while it takes calls).
     */
    private List<AmiPbx> resolvePool(List<String> errors, Secrets secrets, AmiConfig single, Deployment file) {
        if (pbxs == null) {
            if (file == null) {
                return List.of(AmiPbx.single(SINGLE_PBX, single));
            }
            return List.of(AmiPbx.unlimited(SINGLE_PBX, single, file.dialTemplates()));
        }
        if (ami != null) {
            errors.add("pbxs and ami are both set (expected the PBXs in pbxs only)");
        }
        if (deployment != null) {
            errors.add("pbxs and deployment are both set (expected each PBX's deployment in its pbxs entry)");
        }
        var pool = PbxSettings.resolveAll(pbxs, secrets, errors);
        return pool.isEmpty() ? List.of(AmiPbx.single(SINGLE_PBX, single)) : pool;
    }

    private static QuartzCluster clustered(List<String> errors, ClusteredSettings settings, Secrets secrets) {
        if (settings == null) {
            return null;
        }
        try {
            var password = settings.password() != null && Secrets.isReference(settings.password())
                    ? secrets.resolve("scheduler.clustered.password", settings.password())
                    : settings.password();
            return new QuartzCluster(settings.jdbcUrl(), settings.user(), password);
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** The operations server's settings, or null when {@code http.port} is not set. */
    public OpsWebConfig resolveHttp() {
        if (http == null || http.port() == null) {
            return null;
        }
        var tokens = new java.util.HashMap<String, Principal>();
        var list = http.tokens() == null ? List.<TokenSettings>of() : http.tokens();
        var errors = new ArrayList<String>();
        for (int i = 0; i < list.size(); i++) {
            var t = list.get(i);
            try {
                var principal = t.role() == Principal.Role.AGENT ? Principal.agent(new AgentId(t.agent()))
                        : new Principal(t.role(), null);
                if (t.token() == null || tokens.put(t.token(), principal) != null) {
                    errors.add("http.tokens[" + i + "].token is missing or used twice");
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("http.tokens[" + i + "]: " + e.getMessage());
            }
        }
        try {
            var config = new OpsWebConfig(or(http.bindHost(), "127.0.0.1"), http.port(),
                    http.maxBodyBytes() == null ? OpsWebConfig.DEFAULT_MAX_BODY : http.maxBodyBytes(), tokens);
            if (errors.isEmpty()) {
                return config;
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        throw new ConfigException("configuration has " + errors.size() + " problem(s):\n  " + String.join("\n  ", errors));
    }

    private AmiConfig resolveAmi(List<String> errors) {
        var d = AmiConfig.defaults();
        if (ami == null) {
            return d;
        }
        try {
            return new AmiConfig(or(ami.host(), d.host()), ami.port() == null ? d.port() : ami.port(),
                    or(ami.username(), d.username()), or(ami.secret(), d.secret()),
                    or(ami.dialTemplate(), d.dialTemplate()), or(ami.outboundContext(), d.outboundContext()),
                    or(ami.agentContext(), d.agentContext()), d.actionTimeout(), d.pingInterval(),
                    d.eventQueueCapacity());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return d;
        }
    }

    private List<Campaign> resolveCampaigns(List<String> errors, Map<CampaignId, RunDates> runDates,
            Map<CampaignId, ContactRules> rules, Map<CampaignId, PacingPolicy> pacing,
            Map<CampaignId, MachinePolicy> machine, Map<CampaignId, Set<String>> requiredSkills) {
        if (campaigns == null || campaigns.isEmpty()) {
            errors.add("campaigns is missing (expected at least one campaign)");
            return List.of();
        }
        var list = new ArrayList<Campaign>();
        for (int i = 0; i < campaigns.size(); i++) {
            var resolved = resolveCampaign(campaigns.get(i), "campaigns[" + i + "]", errors);
            if (resolved != null) {
                list.add(resolved.campaign());
                runDates.put(resolved.campaign().id(), resolved.runDates());
                if (resolved.rules() != null) {
                    rules.put(resolved.campaign().id(), resolved.rules());
                }
                pacing.put(resolved.campaign().id(), resolved.pacing());
                machine.put(resolved.campaign().id(), resolved.machine());
                if (!resolved.requiredSkills().isEmpty()) {
                    requiredSkills.put(resolved.campaign().id(), resolved.requiredSkills());
                }
            }
        }
        var ids = new HashSet<CampaignId>();
        list.forEach(c -> {
            if (!ids.add(c.id())) {
                errors.add("campaigns: id '" + c.id() + "' is used twice");
            }
        });
        return list;
    }

    /** One campaign entry resolved: the campaign, its run dates, its contact rules and its pacing. */
    public record ResolvedCampaign(Campaign campaign, RunDates runDates, ContactRules rules, PacingPolicy pacing,
            MachinePolicy machine, Set<String> requiredSkills) {}

    /**
     * Resolves one {@code campaigns[]} entry, adding each problem to {@code errors} under {@code key} (e.g.
     * {@code campaigns[0]}; empty for no prefix). Returns null when the campaign itself cannot be built. The
     * configuration file and the operations API's campaign definitions both go through here.
     */
    public static ResolvedCampaign resolveCampaign(CampaignSettings c, String key, List<String> errors) {
        var prefix = key.isEmpty() ? "" : key + ": ";
        try {
            var defaults = CallingWindow.defaults();
            var window = new CallingWindow(c.opens() == null ? defaults.opens() : c.opens(),
                    c.closes() == null ? defaults.closes() : c.closes(),
                    c.closingMargin() == null ? defaults.closingMargin() : c.closingMargin());
            var ringTimeout = c.ringTimeout() == null ? Duration.ofSeconds(25) : c.ringTimeout();
            var lease = c.lease() == null ? Duration.ofMinutes(10) : c.lease();
            var campaign = new Campaign(new CampaignId(c.id()), c.name() == null ? c.id() : c.name(),
                    c.mode() == null ? CampaignMode.IVR_REMINDER : c.mode(), window, c.companyName(),
                    c.callbackNumber(), c.channelLimit() == null ? 30 : c.channelLimit(), ringTimeout,
                    c.agentWait() == null ? Duration.ofSeconds(2) : c.agentWait(), lease,
                    c.promiseHorizonDays() == null ? 3 : c.promiseHorizonDays(),
                    c.maxCallDuration() == null ? Campaign.longestCall(lease, ringTimeout) : c.maxCallDuration());
            if (c.startAt() != null && c.endAt() != null && !c.endAt().isAfter(c.startAt())) {
                errors.add((key.isEmpty() ? "" : key + ".") + "endAt was '" + c.endAt()
                        + "' but it must be after startAt " + c.startAt());
            }
            ContactRules rules = null;
            try {
                rules = RulesSettings.resolve(c.rules(), window);
            } catch (InvalidContactRulesException e) {
                e.problems().forEach(problem -> errors.add((key.isEmpty() ? "" : key + ".") + problem));
            }
            var pacing = PacingSettings.resolve(c.pacing(), campaign.mode(), key.isEmpty() ? "pacing" : key + ".pacing",
                    errors);
            var skills = AgentSeat.validSkills(
                    c.requiredSkills() == null ? null : new HashSet<>(c.requiredSkills()),
                    "requiredSkills");
            return new ResolvedCampaign(campaign, new RunDates(c.startAt(), c.endAt()), rules, pacing,
                    c.machine() == null ? MachinePolicy.MESSAGE : c.machine(), skills);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(prefix + e.getMessage());
            return null;
        }
    }

    private static List<AgentSeat> resolveSeats(List<String> errors, AgentSettings settings, List<Campaign> campaigns,
            Set<String> pbxNames) {
        var known = new HashSet<CampaignId>();
        campaigns.forEach(c -> known.add(c.id()));
        var seats = new ArrayList<AgentSeat>();
        var seatList = settings.seats() == null ? List.<SeatSettings>of() : settings.seats();
        for (int i = 0; i < seatList.size(); i++) {
            var s = seatList.get(i);
            try {
                var ids = new HashSet<CampaignId>();
                for (var name : s.campaigns() == null ? List.<String>of() : s.campaigns()) {
                    var id = new CampaignId(name);
                    if (!known.contains(id)) {
                        throw new IllegalArgumentException("campaign '" + name + "' is not configured");
                    }
                    ids.add(id);
                }
                if (s.pbx() != null && !pbxNames.contains(s.pbx())) {
                    throw new IllegalArgumentException("pbx '" + s.pbx() + "' is not one of the configured PBXs "
                            + new TreeSet<>(pbxNames));
                }
                seats.add(new AgentSeat(new AgentId(s.id()), ids,
                        s.skills() == null ? null : new HashSet<>(s.skills()), s.pbx()));
            } catch (IllegalArgumentException e) {
                errors.add("agents.seats[" + i + "]: " + e.getMessage());
            }
        }
        return seats;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The configuration cannot be used; the message lists every problem. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}

package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.csv.ImportLimits;
import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.adapter.quartz.QuartzCluster;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.sipconfig.Deployment;
import io.duecall.sipconfig.Secrets;
import io.duecall.web.http.OpsWebConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine's configuration file (YAML), one record per section. Every key is optional but {@code campaigns}; a
 * missing key takes its section's {@code defaults()}. {@link #validate()} reports every problem at once, each naming
 * its key. An optional {@code deployment} (path to a deployment file, relative to this file) supplies the PBX side
 * instead of {@code ami} and {@code agi}, so the engine and the rendered Asterisk files share one source.
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
        List<PbxSettings> pbxs,
        ImportSettings imports,
        JournalSettings journal,
        LedgerSettings ledger) {

    /** As read before the {@code ledger} section existed: the ledger in Redis only. */
    public EngineConfig(String deployment, RedisSettings redis, AmiSettings ami, AgiSettings agi,
            SchedulerSettings scheduler, AgentSettings agents, List<CampaignSettings> campaigns, HttpSettings http,
            PromiseSettings promises, List<PbxSettings> pbxs, ImportSettings imports, JournalSettings journal) {
        this(deployment, redis, ami, agi, scheduler, agents, campaigns, http, promises, pbxs, imports, journal, null);
    }

    /** As read before the {@code journal} section existed: the journal in its default directory. */
    public EngineConfig(String deployment, RedisSettings redis, AmiSettings ami, AgiSettings agi,
            SchedulerSettings scheduler, AgentSettings agents, List<CampaignSettings> campaigns, HttpSettings http,
            PromiseSettings promises, List<PbxSettings> pbxs, ImportSettings imports) {
        this(deployment, redis, ami, agi, scheduler, agents, campaigns, http, promises, pbxs, imports, null);
    }

    /** The name of the one PBX configured with {@code ami} or {@code deployment} instead of {@code pbxs}. */
    public static final String SINGLE_PBX = "pbx";

    /**
     * What a validated configuration yields, section by section, ready to wire: every key set (defaults filled in),
     * secrets resolved, and the PBXs, agents and campaigns built. {@code ami()} is the first PBX's AMI settings, whose
     * contexts the dialplan commands render; {@code clustered} is null for Quartz in memory and {@code http} null for
     * no operations server; {@code journalDir} null for no journal (what Redis cannot take waits in memory only);
     * {@code ledgerDatabase} null for the ledger in Redis only, {@code ledger} its retention windows.
     */
    public record Resolved(RedisSettings redis, List<AmiPbx> pbxs, AgiSettings agi, SchedulerSettings scheduler,
            QuartzCluster clustered, ConfiguredAgents agents, ConfiguredCampaigns campaigns, PromiseSettings promises,
            OpsWebConfig http, ImportLimits imports, Path journalDir, LedgerSettings ledger, LedgerDatabase ledgerDatabase) {
        public Resolved {
            pbxs = List.copyOf(pbxs);
            if (pbxs.isEmpty()) {
                throw new IllegalArgumentException("pbxs: none (expected at least one PBX)");
            }
            ledger = ledger == null ? LedgerSettings.defaults().withDefaults() : ledger;
        }

        /** With the ledger in Redis only, kept for the default window. */
        public Resolved(RedisSettings redis, List<AmiPbx> pbxs, AgiSettings agi, SchedulerSettings scheduler,
                QuartzCluster clustered, ConfiguredAgents agents, ConfiguredCampaigns campaigns,
                PromiseSettings promises, OpsWebConfig http, ImportLimits imports, Path journalDir) {
            this(redis, pbxs, agi, scheduler, clustered, agents, campaigns, promises, http, imports, journalDir, null, null);
        }

        /** Without a journal. */
        public Resolved(RedisSettings redis, List<AmiPbx> pbxs, AgiSettings agi, SchedulerSettings scheduler,
                QuartzCluster clustered, ConfiguredAgents agents, ConfiguredCampaigns campaigns,
                PromiseSettings promises, OpsWebConfig http, ImportLimits imports) {
            this(redis, pbxs, agi, scheduler, clustered, agents, campaigns, promises, http, imports, null);
        }

        /** The same configuration with its journal in {@code dir}. */
        public Resolved withJournalDir(Path dir) {
            return new Resolved(redis, pbxs, agi, scheduler, clustered, agents, campaigns, promises, http, imports, dir,
                    ledger, ledgerDatabase);
        }

        /** The same configuration with the ledger kept in {@code database} (null: in Redis only). */
        public Resolved withLedger(LedgerSettings settings, LedgerDatabase database) {
            return new Resolved(redis, pbxs, agi, scheduler, clustered, agents, campaigns, promises, http, imports,
                    journalDir, settings.withDefaults(), database);
        }

        public AmiConfig ami() {
            return pbxs.getFirst().ami();
        }
    }

    public static EngineConfig load(Path file) throws IOException {
        return ConfigYaml.read(file, EngineConfig.class).relativeTo(file);
    }

    /** Relative {@code deployment} paths (the node's and each PBX's) are read from the configuration file's directory. */
    private EngineConfig relativeTo(Path file) {
        var base = file.toAbsolutePath().getParent();
        var ownDeployment = deployment == null || deployment.isBlank() || Path.of(deployment).isAbsolute() ? deployment
                : base.resolve(deployment).normalize().toString();
        var pbxList = pbxs == null ? null : pbxs.stream().map(p -> p == null ? null : p.relativeTo(base)).toList();
        var journalDir = base.resolve(journal == null || journal.dir() == null || journal.dir().isBlank()
                ? JournalSettings.DEFAULT_DIR : journal.dir()).normalize().toString();
        return new EngineConfig(ownDeployment, redis, ami, agi, scheduler, agents, campaigns, http, promises, pbxList,
                imports, new JournalSettings(journalDir), ledger);
    }

    /** Checks every key and builds the domain objects; throws one {@link ConfigException} listing every problem. */
    public Resolved validate() {
        return validate(Secrets.fromSystem());
    }

    /**
     * As {@link #validate()}, resolving secret references with {@code secrets}. With a {@code deployment} file its
     * AMI endpoint, credentials, dial template, contexts and FastAGI address replace {@code ami}/{@code agi}.
     */
    public Resolved validate(Secrets secrets) {
        var errors = new ArrayList<String>();
        var secretRefs = new SecretResolver(secrets, errors);
        var redisSection = or(redis, RedisSettings.defaults()).withDefaults();
        redisSection.validate(errors);
        redisSection = redisSection.withSecrets(secretRefs);
        var source = deployment == null ? null : DeploymentSource.load("deployment", deployment, secrets, errors);
        var pool = resolvePool(errors, secretRefs,
                source == null ? or(ami, AmiSettings.defaults()).resolve(secretRefs, errors) : source.ami(),
                source == null ? null : source.file());
        var agiSection = or(agi, AgiSettings.defaults()).withDefaults();
        if (source != null) {
            agiSection = agiSection.at(source.pbx().agiBindHost(), source.pbx().agiPort());
        }
        agiSection.validate(errors);
        var schedulerSection = or(scheduler, SchedulerSettings.defaults()).withDefaults();
        schedulerSection.validate(errors);
        var promiseSection = or(promises, PromiseSettings.defaults()).withDefaults();
        promiseSection.validate(errors);
        var campaignList = resolveCampaigns(errors);
        var clustered = schedulerSection.cluster(secretRefs, errors);
        var staff = or(agents, AgentSettings.defaults()).withDefaults().resolve(campaignList.list(),
                pool.stream().map(AmiPbx::name).collect(Collectors.toSet()), errors);
        var ops = or(http, HttpSettings.defaults()).withDefaults().resolve(secretRefs,
                staff.seats().stream().map(AgentSeat::id).collect(Collectors.toSet()), errors);
        var importSection = or(imports, ImportSettings.defaults()).withDefaults();
        importSection.validate(errors);
        var ledgerSection = or(ledger, LedgerSettings.defaults()).withDefaults();
        var ledgerDatabase = ledgerSection.resolve(secretRefs, errors);
        if (!errors.isEmpty()) {
            throw ConfigException.of(errors);
        }
        return new Resolved(redisSection, pool, agiSection, schedulerSection, clustered, staff, campaignList,
                promiseSection, ops, importSection.limits(), journalDir(), ledgerSection, ledgerDatabase);
    }

    /** Where the journal is kept: {@code journal.dir} as resolved against the file, or {@code journal} in the working directory. */
    private Path journalDir() {
        var dir = journal == null || journal.dir() == null || journal.dir().isBlank() ? JournalSettings.DEFAULT_DIR
                : journal.dir();
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * The node's PBXs: the {@code pbxs} list, or else a pool of one from {@code ami} or {@code deployment} with no
     * limits of its own, dialing as before (with a deployment, over its trunks in order, the first while it takes calls).
     */
    private List<AmiPbx> resolvePool(List<String> errors, SecretResolver secrets, AmiConfig single, Deployment file) {
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

    private ConfiguredCampaigns resolveCampaigns(List<String> errors) {
        if (campaigns == null || campaigns.isEmpty()) {
            errors.add("campaigns is missing (expected at least one campaign)");
            return new ConfiguredCampaigns(List.of());
        }
        var list = new ArrayList<ConfiguredCampaign>();
        var ids = new HashSet<CampaignId>();
        for (int i = 0; i < campaigns.size(); i++) {
            if (campaigns.get(i) == null) {
                errors.add("campaigns[" + i + "] is empty");
                continue;
            }
            var resolved = campaigns.get(i).resolve("campaigns[" + i + "]", errors);
            if (resolved != null) {
                list.add(resolved);
            }
        }
        list.forEach(c -> {
            if (!ids.add(c.campaign().id())) {
                errors.add("campaigns: id '" + c.campaign().id() + "' is used twice");
            }
        });
        return new ConfiguredCampaigns(list);
    }
}

package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigTest {
    @TempDir
    Path dir;

    private static final Secrets SECRETS = new Secrets(Map.of("AMI_SECRET", "ami-s3cret", "LEDGER_DB_PASSWORD", "pg-s3cret",
            "OPS_TOKEN", "ops-token-0123456789")::get);

    @Test
    void exampleConfigurationShippedWithTheImageIsValid() throws IOException {
        var resolved = EngineConfig.load(Path.of("../docker/duecall.yaml")).validate(SECRETS);

        assertEquals("PJSIP/{number}@carrier", resolved.ami().dialTemplate());
        assertEquals(LocalTime.of(9, 0), resolved.campaigns().list().getFirst().window().opens());
        assertEquals(2, resolved.agents().seats().size());
        assertEquals("jdbc:postgresql://postgres:5432/duecall", resolved.ledgerDatabase().jdbcUrl());
        assertEquals("pg-s3cret", resolved.ledgerDatabase().password());
    }

    @Test
    void clusteredSchedulerTakesItsPasswordFromAReferenceAndNeverShowsIt() throws IOException {
        var secrets = new Secrets(Map.of("QUARTZ_DB_PASSWORD", "pg-s3cret")::get);

        var resolved = load("""
                scheduler:
                  clustered: { jdbcUrl: "jdbc:postgresql://db:5432/duecall", user: duecall, password: "env:QUARTZ_DB_PASSWORD" }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(secrets);

        assertEquals("pg-s3cret", resolved.clustered().password());
        assertEquals("jdbc:postgresql://db:5432/duecall", resolved.clustered().jdbcUrl());
        assertFalse(resolved.clustered().toString().contains("pg-s3cret"), resolved.clustered().toString());
    }

    @Test
    void singleNodeSchedulerNeedsNoDatabase() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();

        assertNull(resolved.clustered());
    }

    @Test
    void missingKeysTakeTheirDefaults() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();

        var campaign = resolved.campaigns().list().getFirst();
        assertEquals(new CampaignId("reminders"), campaign.id());
        assertEquals(30, campaign.channelLimit());
        assertEquals(LocalTime.of(20, 50), campaign.window().lastOriginate());
        assertEquals(4573, resolved.agi().port());
        assertEquals(Duration.ofSeconds(60), resolved.agi().readTimeout());
    }

    @Test
    void fastAgiReadTimeoutIsReadAsAnIsoDuration() throws IOException {
        var resolved = load("""
                agi: { port: 4600, readTimeout: PT90S }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();

        assertEquals(Duration.ofSeconds(90), resolved.agi().readTimeout());
    }

    @Test
    void fastAgiReadTimeoutOfZeroIsRejectedNamingTheKey() {
        var error = assertThrows(ConfigException.class, () -> load("""
                agi: { readTimeout: PT0S }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate());

        assertTrue(error.getMessage().contains("agi.readTimeout was 'PT0S'"), error.getMessage());
    }

    @Test
    void redisPoolSizeDefaultsTo64() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();
        assertEquals(64, resolved.redis().poolSize());
    }

    @Test
    void redisPoolSizeIsTakenAndMustBePositive() throws IOException {
        var resolved = load("""
                redis: { poolSize: 200 }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();
        assertEquals(200, resolved.redis().poolSize());

        var error = assertThrows(ConfigException.class, () -> load("""
                redis: { poolSize: 0 }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate());
        assertTrue(error.getMessage().contains("redis.poolSize was '0' but it must be > 0"), error.getMessage());
    }

    @Test
    void aLeaseShorterThanRingTimeMaximumCallAndMarginIsRefusedAndTheMaximumDefaultsToWhatTheLeaseAllows() throws IOException {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100", lease: PT2M, maxCallDuration: PT90S }
                """).validate());
        assertTrue(error.getMessage().contains("campaigns[0]: campaign.lease: PT2M (expected at least ringTimeout PT25S"
                + " + maxCallDuration PT1M30S + PT30S margin = PT2M25S"), error.getMessage());

        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100", lease: PT2M30S }
                """).validate();
        assertEquals(java.time.Duration.ofSeconds(95), resolved.campaigns().list().getFirst().maxCallDuration());
    }

    @Test
    void unknownKeyIsNamedWithItsPath() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                schedular:
                  tickInterval: PT1S
                """));

        assertTrue(error.getMessage().contains(": schedular: Unrecognized field \"schedular\""), error.getMessage());
    }

    @Test
    void badValueIsNamedWithItsPath() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100", ringTimeout: soon }
                """));

        assertTrue(error.getMessage().contains("campaigns[0].ringTimeout: "), error.getMessage());
    }

    @Test
    void eachCampaignChoosesWhatAnAnsweringMachineGetsAndLeavesAMessageByDefault() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                  - { id: quiet, companyName: Acme, callbackNumber: "18005550100", machine: HANG_UP }
                  - { id: loud, companyName: Acme, callbackNumber: "18005550100", machine: MESSAGE }
                """).validate();

        assertEquals(MachinePolicy.MESSAGE, resolved.campaigns().machine(new CampaignId("reminders")));
        assertEquals(MachinePolicy.HANG_UP, resolved.campaigns().machine(new CampaignId("quiet")));
        assertEquals(MachinePolicy.MESSAGE, resolved.campaigns().machine(new CampaignId("loud")));
    }

    @Test
    void unknownMachinePolicyIsNamedWithItsPath() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                  - { id: quiet, companyName: Acme, callbackNumber: "18005550100", machine: BEEP }
                """));

        assertTrue(error.getMessage().contains("campaigns[1].machine: "), error.getMessage());
        assertTrue(error.getMessage().contains("BEEP"), error.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        var error = assertThrows(ConfigException.class, () -> load("""
                ami: { port: 70000 }
                agents:
                  seats: [ { id: "101", campaigns: [nowhere] } ]
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100", channelLimit: 0 }
                  - { id: late, companyName: Acme, callbackNumber: "18005550100", opens: "07:00" }
                """).validate());

        var message = error.getMessage();
        assertTrue(message.startsWith("configuration has 4 problem(s)"), message);
        assertTrue(message.contains("ami.port was '70000'"), message);
        assertTrue(message.contains("campaigns[0]: campaign.channelLimit: 0 (expected > 0)"), message);
        assertTrue(message.contains("campaigns[1]: window.opens: 07:00 (expected 08:00 or later)"), message);
        assertTrue(message.contains("agents.seats[0]: campaign 'nowhere' is not configured"), message);
    }

    @Test
    void seatSkillsAndCampaignRequiredSkillsAreRead() throws IOException {
        var resolved = load("""
                agents:
                  seats:
                    - { id: "101", campaigns: [late] }
                    - { id: "102", campaigns: [late], skills: [es, late-stage] }
                campaigns:
                  - { id: late, companyName: Acme, callbackNumber: "18005550100", requiredSkills: [late-stage] }
                """).validate();

        assertEquals(Set.of(), resolved.agents().seats().get(0).skills());
        assertEquals(Set.of("es", "late-stage"), resolved.agents().seats().get(1).skills());
        assertEquals(Map.of(new CampaignId("late"), Set.of("late-stage")), resolved.campaigns().requiredSkills());
    }

    @Test
    void skillThatIsNotALowercaseWordIsRejectedNamingItsKey() {
        var error = assertThrows(ConfigException.class, () -> load("""
                agents:
                  seats: [ { id: "101", campaigns: [late], skills: [Spanish] } ]
                campaigns:
                  - { id: late, companyName: Acme, callbackNumber: "18005550100" }
                  - { id: early, companyName: Acme, callbackNumber: "18005550100", requiredSkills: ["late stage"] }
                """).validate());

        var message = error.getMessage();
        assertTrue(message.contains("agents.seats[0]: agent 101.skills: 'Spanish' (expected a lowercase word"),
                message);
        assertTrue(message.contains("campaigns[1]: requiredSkills: 'late stage' (expected a lowercase word"), message);
    }

    @Test
    void campaignRulesOverrideTheDefaults() throws IOException {
        var resolved = load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    opens: "12:00"
                    rules:
                      closedDays: [SUNDAY]
                      peakOnly: true
                      maxAttemptsPer7Days: 2
                      retryDelays: { BUSY: PT45M }
                """).validate();

        var rules = resolved.campaigns().rules().get(new CampaignId("reminders"));
        assertEquals(LocalTime.of(12, 0), rules.window().standard().opens());
        assertTrue(rules.window().on(java.time.DayOfWeek.SUNDAY).isEmpty());
        assertTrue(rules.peaks().peakOnly());
        assertEquals(2, rules.limits().maxAttemptsPer7Days());
        assertEquals(java.time.Duration.ofMinutes(45),
                rules.limits().retryDelays().get(io.duecall.domain.attempt.CallOutcome.BUSY));
    }

    @Test
    void regionsBecomeOverlaysOnTheCampaignsRules() throws IOException {
        var resolved = load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules:
                      regions:
                        NV: { opens: "09:00", closes: "20:00", maxAttemptsPer7Days: 2 }
                        MA: { maxAttemptsPer7Days: 2 }
                """).validate();

        var regions = resolved.campaigns().rules().get(new CampaignId("reminders")).regions();
        assertEquals(LocalTime.of(20, 0), regions.get("NV").window().orElseThrow().standard().closes());
        assertEquals(java.time.Duration.ofMinutes(10), regions.get("NV").window().orElseThrow().standard().closingMargin());
        assertEquals(2, regions.get("NV").maxAttemptsPer7Days().getAsInt());
        assertTrue(regions.get("MA").window().isEmpty());
    }

    @Test
    void badRegionsAreNamedByTheirKeys() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules:
                      regions:
                        NV: { opens: "07:00" }
                        TX: { maxAttemptsPer7Days: 9 }
                        nevada: { maxAttemptsPer7Days: 2 }
                        UT: {}
                """).validate());

        var message = error.getMessage();
        assertTrue(message.contains("campaigns[0].rules.regions.NV.window: "), message);
        assertTrue(message.contains("campaigns[0].rules.regions.nevada: region: 'nevada' (expected a short code"), message);
        assertTrue(message.contains("campaigns[0].rules.regions.UT: empty"), message);
        var wide = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules: { regions: { TX: { maxAttemptsPer7Days: 9 } } }
                """).validate());
        assertTrue(wide.getMessage().contains("campaigns[0].rules.regions.TX.maxAttemptsPer7Days: 9 (expected 1 to 7"),
                wide.getMessage());
    }

    @Test
    void badCampaignRulesAreNamedUnderTheCampaign() {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules: { maxAttemptsPer7Days: 0, maxConnectedPerDay: -1 }
                """).validate());

        assertTrue(error.getMessage().contains("campaigns[0].rules.limits.maxAttemptsPer7Days: 0 (expected > 0)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("campaigns[0].rules.limits.maxConnectedPerDay: -1"), error.getMessage());
    }

    @Test
    void thirdPartyContactLimitsAreReadAndCheckedUnderTheCampaign() throws IOException {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules: { contacts: { unreachedAttempts: 0, maxCallsPerContact: 3 } }
                """).validate());

        assertTrue(error.getMessage().contains("campaigns[0].rules.contacts.unreachedAttempts: 0 (expected 1 to 100)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("campaigns[0].rules.contacts.maxCallsPerContact: 3 (expected 0 or 1"),
                error.getMessage());
    }

    @Test
    void promiseSweepDefaultsToSixInTheMorningUtcAndRefusesTheHoursClocksChange() throws IOException {
        var defaults = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate();
        var error = assertThrows(ConfigException.class, () -> load("""
                promises: { sweepAt: "02:30", zone: America/New_York }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate());
        var badZone = assertThrows(ConfigException.class, () -> load("""
                promises: { zone: Mars/Olympus }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate());

        assertEquals(LocalTime.of(6, 0), defaults.promises().sweepAt());
        assertEquals(java.time.ZoneOffset.UTC, defaults.promises().zoneId());
        assertTrue(error.getMessage().contains("promises.sweepAt was '02:30' but in America/New_York it must be 04:00 or later"),
                error.getMessage());
        assertTrue(badZone.getMessage().contains("promises.zone was 'Mars/Olympus' but it must be an IANA zone id"),
                badZone.getMessage());
    }

    @Test
    void redisClusterNamesItsSeedNodesAndEachBadEntryIsNamedByItsKey() throws IOException {
        var campaigns = """
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """;
        var single = load("redis: { url: \"redis://10.0.0.9:6379\" }\n" + campaigns).validate();
        var cluster = load("redis: { cluster: [\"10.0.0.1:7000\", \"redis-b.internal:7001\"] }\n" + campaigns).validate();
        var error = assertThrows(ConfigException.class, () -> load(
                "redis: { url: \"redis://10.0.0.9:6379\", cluster: [\"10.0.0.1\", \"10.0.0.2:70000\", \":7002\", \"h:7003\"] }\n"
                        + campaigns).validate());
        var empty = assertThrows(ConfigException.class,
                () -> load("redis: { cluster: [] }\n" + campaigns).validate());

        assertEquals(List.of(), single.redis().clusterNodes());
        assertEquals(List.of(new RedisNode("10.0.0.1", 7000), new RedisNode("redis-b.internal", 7001)),
                cluster.redis().clusterNodes());
        assertTrue(error.getMessage().contains("redis.url and redis.cluster are both set"), error.getMessage());
        assertTrue(error.getMessage().contains("redis.cluster[0] was '10.0.0.1' but it must be host:port"), error.getMessage());
        assertTrue(error.getMessage().contains("redis.cluster[1] was '10.0.0.2:70000'"), error.getMessage());
        assertTrue(error.getMessage().contains("redis.cluster[2] was ':7002'"), error.getMessage());
        assertTrue(error.getMessage().contains("4 problem(s)"), error.getMessage());
        assertTrue(empty.getMessage().contains("redis.cluster is empty"), empty.getMessage());
    }

    @Test
    void campaignsAreRequired() {
        var error = assertThrows(ConfigException.class, () -> load("redis: { keyPrefix: x }\n").validate());

        assertTrue(error.getMessage().contains("campaigns is missing"), error.getMessage());
    }

    @Test
    void deploymentFileSuppliesTheAmiAndFastAgiSettingsOverTheEnginesOwn() throws IOException {
        var resolved = EngineConfig.load(Path.of("../docker/duecall.yaml")).validate(SECRETS);

        var ami = resolved.ami();
        assertEquals(List.of("asterisk", 5038, "dialer", "ami-s3cret", "dialer-out", "dialer-agents"),
                List.of(ami.host(), ami.port(), ami.username(), ami.secret(), ami.outboundContext(), ami.agentContext()));
        assertEquals("0.0.0.0", resolved.agi().bindHost());
        assertEquals(4573, resolved.agi().port());
    }

    @Test
    void aDeploymentPathIsReadRelativeToTheConfigurationFile() throws IOException {
        Files.copy(Path.of("../docker/deployment.yaml"), dir.resolve("site.yaml"));

        var resolved = load("""
                deployment: site.yaml
                ami: { host: ignored.example }
                agi: { allowFrom: [10.0.0.9] }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(SECRETS);

        assertEquals("asterisk", resolved.ami().host());
    }

    @Test
    void anInvalidDeploymentIsReportedUnderTheDeploymentKey() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), Files.readString(Path.of("../docker/deployment.yaml"))
                .replace("channelLimit: 30", "channelLimit: 0"));

        var error = assertThrows(ConfigException.class, () -> load("""
                deployment: site.yaml
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(SECRETS));

        assertTrue(error.getMessage().contains("deployment: " + dir.resolve("site.yaml") + " has 1 problem(s):"),
                error.getMessage());
        assertTrue(error.getMessage().contains("trunks[0].channelLimit: 0 (expected > 0)"), error.getMessage());
    }

    @Test
    void anUnsetAmiSecretIsNamedWithoutAValue() throws IOException {
        var error = assertThrows(ConfigException.class,
                () -> EngineConfig.load(Path.of("../docker/duecall.yaml")).validate(new Secrets(name -> null)));

        assertTrue(error.getMessage().contains("deployment: ami.secret: env:AMI_SECRET is not set in the environment"),
                error.getMessage());
    }

    @Test
    void countingFewerCallsThanRegulationFIsRefusedUnlessTheCampaignIsOutsideTheUs() throws IOException {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules: { frequency: { counts: [ANSWERED, MACHINE] } }
                """).validate());
        var outsideUs = load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    rules: { jurisdiction: OUTSIDE_US, frequency: { counts: [ANSWERED, MACHINE], conversation: [AMOUNT] } }
                """).validate();

        assertTrue(error.getMessage().contains("rules.frequency.counts: [ANSWERED, MACHINE] (expected every outcome that"
                + " connected"), error.getMessage());
        var limits = outsideUs.campaigns().rules().get(new io.duecall.domain.campaign.CampaignId("reminders")).limits();
        assertEquals(java.util.Set.of(io.duecall.domain.attempt.CallOutcome.ANSWERED,
                io.duecall.domain.attempt.CallOutcome.MACHINE), limits.countedOutcomes());
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}

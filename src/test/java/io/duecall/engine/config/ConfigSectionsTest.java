package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each section's {@code defaults()} is what a file leaving the section out runs with, and each section checks itself. */
class ConfigSectionsTest {
    private static final Secrets NO_SECRETS = new Secrets(Map.<String, String>of()::get);

    @TempDir
    Path dir;

    @Test
    void aFileWithOnlyCampaignsRunsWithEverySectionsDefaults() throws IOException {
        var resolved = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(NO_SECRETS);

        assertEquals(RedisSettings.defaults(), resolved.redis());
        assertEquals(AgiSettings.defaults(), resolved.agi());
        assertEquals(SchedulerSettings.defaults(), resolved.scheduler());
        assertEquals(PromiseSettings.defaults(), resolved.promises());
        assertEquals(AgentSettings.defaults().wrapUp(), resolved.agents().wrapUp());
        assertEquals(AmiSettings.defaults().host(), resolved.ami().host());
        assertNull(resolved.http(), "no http.port, no operations server");
        assertNull(resolved.clustered(), "no scheduler.clustered, Quartz in memory");
        var campaign = resolved.campaigns().list().getFirst();
        var d = CampaignSettings.defaults();
        assertEquals(List.of(d.channelLimit(), d.ringTimeout(), d.agentWait(), d.lease(), d.promiseHorizonDays(), d.mode()),
                List.of(campaign.channelLimit(), campaign.ringTimeout(), campaign.agentWait(), campaign.lease(),
                        campaign.promiseHorizonDays(), campaign.mode()));
    }

    @Test
    void theJournalLivesBesideTheFileUnlessJournalDirSaysWhere() throws IOException {
        var byDefault = load("""
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(NO_SECRETS);
        var relative = load("""
                journal: { dir: data/journal }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(NO_SECRETS);
        var absolute = load("""
                journal: { dir: /var/lib/duecall/journal }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(NO_SECRETS);

        assertEquals(dir.toAbsolutePath().resolve("journal"), byDefault.journalDir());
        assertEquals(dir.toAbsolutePath().resolve("data/journal"), relative.journalDir());
        assertEquals(Path.of("/var/lib/duecall/journal"), absolute.journalDir());
    }

    @Test
    void aKeyGivenInASectionKeepsTheOtherKeysOfThatSectionAtTheirDefaults() throws IOException {
        var resolved = load("""
                agi: { port: 4600 }
                scheduler: { maxOriginatesPerTick: 5 }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """).validate(NO_SECRETS);

        assertEquals(new AgiSettings("127.0.0.1", 4600, Duration.ofSeconds(60)).withDefaults(), resolved.agi());
        assertEquals(Duration.ofMillis(500), resolved.scheduler().tickInterval());
        assertEquals(5, resolved.scheduler().maxOriginatesPerTick());
    }

    @Test
    void eachSectionReportsItsOwnProblemsUnderItsKeys() {
        var errors = new ArrayList<String>();

        new RedisSettings(null, null, List.of("nohost"), 0, null).withDefaults().validate(errors);
        new AgiSettings(null, 70000, Duration.ZERO).withDefaults().validate(errors);
        new SchedulerSettings(null, 0, null, "Mars/Base").withDefaults().validate(errors);

        assertEquals(List.of("redis.cluster[0] was 'nohost' but it must be host:port with a port of 1-65535",
                "redis.poolSize was '0' but it must be > 0",
                "agi.port was '70000' but it must be between 0 and 65535",
                "agi.readTimeout was 'PT0S' but it must be between PT0.001S and PT596H31M23.647S",
                "scheduler.maxOriginatesPerTick was '0' but it must be > 0",
                "scheduler.holidayZone was 'Mars/Base' but it must be an IANA zone id"), errors);
    }

    @Test
    void secretsNeverShowInASectionsText() {
        var ami = new AmiSettings("pbx", 5038, "dialer", "s3cret-value", null, null, null);
        var token = new TokenSettings("t0ken-value-long-enough", null, null);

        var text = ami + " " + token + " " + new ClusteredSettings("jdbc:postgresql://db/x", "u", "pg-pass");

        assertTrue(!text.contains("s3cret-value") && !text.contains("t0ken-value") && !text.contains("pg-pass"), text);
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}

package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.agent.AgentId;
import io.duecall.sipconfig.DeploymentLoader;
import io.duecall.sipconfig.InvalidDeploymentException;
import io.duecall.sipconfig.Secrets;
import io.duecall.web.Principal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hole a careless or hostile configuration could open is refused, naming its key and never the secret. */
class ConfigHardeningTest {
    private static final String OPS_TOKEN = "ops-4f1c2a9b7e3d5c8a";
    private static final String AGENT_TOKEN = "agent-101-9a8b7c6d5e4f";
    private static final Secrets SECRETS = new Secrets(Map.of("DUECALL_OPS_TOKEN", OPS_TOKEN, "AGENT_101_TOKEN",
            AGENT_TOKEN, "AMI_SECRET", "ami-s3cret", "SPACES", " ".repeat(16), "SHORT", "short-token",
            "REDIS_PASSWORD", "r3dis:p@ss", "PG", "pg-s3cret")::get);
    private static final String CAMPAIGN = """
            agents:
              seats: [ { id: "101", campaigns: [reminders] } ]
            campaigns:
              - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
            """;

    @TempDir
    Path dir;

    // Issue 18: http.bindHost 0.0.0.0 with no tokens served /metrics and the API to anyone.
    @Test
    void anOperationsServerOnEveryInterfaceWithoutTokensIsRefused() throws IOException {
        var config = load("http: { bindHost: 0.0.0.0, port: 8080 }\n" + CAMPAIGN);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        assertTrue(error.getMessage().contains("http.bindHost was '0.0.0.0' but http.tokens is empty"), error.getMessage());
    }

    @Test
    void anOperationsServerOnLoopbackMayRunWithoutTokens() throws IOException {
        var resolved = load("http: { bindHost: 127.0.0.1, port: 8080 }\n" + CAMPAIGN).validate(SECRETS);

        assertEquals(Map.of(), resolved.http().tokens());
    }

    // Issue 18: token "env:DUECALL_OPS_TOKEN" was taken literally and the literal string got operations rights.
    @Test
    void tokensAreReadFromTheirReferencesAndTheReferenceIsNoToken() throws IOException {
        var resolved = load("""
                http:
                  bindHost: 0.0.0.0
                  port: 8080
                  tokens:
                    - { token: "env:DUECALL_OPS_TOKEN", role: OPERATIONS }
                    - { token: "env:AGENT_101_TOKEN", role: AGENT, agent: "101" }
                """ + CAMPAIGN).validate(SECRETS);

        assertEquals(Map.of(OPS_TOKEN, Principal.operations(), AGENT_TOKEN, Principal.agent(new AgentId("101"))),
                resolved.http().tokens());
        assertFalse(resolved.http().tokens().containsKey("env:DUECALL_OPS_TOKEN"));
    }

    @Test
    void aTokenWrittenInTheFileIsRefusedWithoutShowingIt() throws IOException {
        var config = load("""
                http:
                  port: 8080
                  tokens: [ { token: "a-plain-token-in-the-file", role: OPERATIONS } ]
                """ + CAMPAIGN);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        assertTrue(error.getMessage().contains("http.tokens[0].token: written in the file (expected a secret reference"),
                error.getMessage());
        assertFalse(error.getMessage().contains("a-plain-token-in-the-file"), error.getMessage());
    }

    // Issue 18: a token of 16 spaces, a token for a seat that does not exist, and a too-short token without its index.
    @Test
    void badTokensAreEachNamedByTheirIndex() throws IOException {
        var config = load("""
                http:
                  port: 8080
                  tokens:
                    - { token: "env:DUECALL_OPS_TOKEN", role: OPERATIONS }
                    - { token: "env:SPACES", role: OPERATIONS }
                    - { token: "env:SHORT", role: OPERATIONS }
                    - { token: "env:AGENT_101_TOKEN", role: AGENT, agent: "999" }
                    - { token: "env:DUECALL_OPS_TOKEN", role: OPERATIONS }
                """ + CAMPAIGN);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        var message = error.getMessage();
        assertTrue(message.contains("http.tokens[1].token: the token in env:SPACES holds a space"), message);
        assertTrue(message.contains("http.tokens[2].token: the token in env:SHORT has 11 characters (expected at least 16"),
                message);
        assertTrue(message.contains("http.tokens[3].agent was '999' but it is not one of the agents.seats [101]"), message);
        assertTrue(message.contains("http.tokens[4].token is the same token as http.tokens[0].token"), message);
        assertTrue(message.startsWith("configuration has 4 problem(s)"), message);
        assertFalse(message.contains(OPS_TOKEN) || message.contains("short-token"), message);
    }

    // Issue 18: ami.secret accepted plain text and did not resolve env:/file:, unlike the deployment file.
    @Test
    void theAmiSecretIsAReferenceResolvedLikeTheDeploymentFiles() throws IOException {
        var plain = load("ami: { host: 10.0.0.5, secret: hunter2 }\n" + CAMPAIGN);
        var missing = load("ami: { host: 10.0.0.5 }\n" + CAMPAIGN);

        var resolved = load("ami: { host: 10.0.0.5, secret: env:AMI_SECRET }\n" + CAMPAIGN).validate(SECRETS);
        var plainError = assertThrows(ConfigException.class, () -> plain.validate(SECRETS));
        var missingError = assertThrows(ConfigException.class, () -> missing.validate(SECRETS));

        assertEquals("ami-s3cret", resolved.ami().secret());
        assertTrue(plainError.getMessage().contains("ami.secret: written in the file (expected a secret reference such as"
                + " env:AMI_SECRET or file:/run/secrets/ami)"), plainError.getMessage());
        assertFalse(plainError.getMessage().contains("hunter2"), plainError.getMessage());
        assertTrue(missingError.getMessage().contains("ami.secret: missing"), missingError.getMessage());
    }

    @Test
    void everyOtherSecretOfTheFileIsAReferenceToo() throws IOException {
        var config = load("""
                redis: { url: "redis://:hunter2@10.0.0.8:6379" }
                scheduler:
                  clustered: { jdbcUrl: "jdbc:postgresql://db:5432/duecall", user: duecall, password: hunter3 }
                http:
                  port: 8080
                  tokens: [ { token: "file:/nonexistent/ops-token", role: OPERATIONS } ]
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, secret: hunter4, channels: 10, originatesPerSecond: 2 }
                """ + CAMPAIGN);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        var message = error.getMessage();
        assertTrue(message.contains("redis.url holds credentials (expected the password in redis.password"), message);
        assertTrue(message.contains("scheduler.clustered.password: written in the file"), message);
        assertTrue(message.contains("pbxs[0].secret: written in the file"), message);
        assertTrue(message.contains("http.tokens[0].token: file:/nonexistent/ops-token cannot be read"), message);
        assertFalse(message.contains("hunter"), message);
    }

    @Test
    void aDatabasePasswordInTheJdbcUrlIsRefused() throws IOException {
        var config = load("""
                scheduler:
                  clustered: { jdbcUrl: "jdbc:postgresql://db:5432/duecall?user=x&password=hunter5", user: duecall }
                """ + CAMPAIGN);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        assertTrue(error.getMessage().contains("scheduler.clustered.jdbcUrl holds a password"), error.getMessage());
    }

    @Test
    void theRedisPasswordComesFromItsReferenceIntoTheConnection() throws IOException {
        var resolved = load("""
                redis: { url: "redis://10.0.0.8:6379", password: env:REDIS_PASSWORD }
                scheduler:
                  clustered: { jdbcUrl: "jdbc:postgresql://db:5432/duecall", user: duecall, password: "env:PG" }
                """ + CAMPAIGN).validate(SECRETS);

        var uri = resolved.redis().withPassword(URI.create(resolved.redis().url()));

        assertEquals(":r3dis:p@ss", uri.getUserInfo());
        assertEquals("10.0.0.8", uri.getHost());
        assertEquals("pg-s3cret", resolved.clustered().password());
        assertFalse(resolved.redis().toString().contains("r3dis"), resolved.redis().toString());
    }

    // Issue 18: a key given twice (channelLimit 20 then 2000) silently took the last value.
    @Test
    void aKeyGivenTwiceIsRefusedNamingItsPlace() throws IOException {
        var error = assertThrows(ConfigException.class, () -> load("""
                campaigns:
                  - id: reminders
                    companyName: Acme
                    callbackNumber: "18005550100"
                    channelLimit: 20
                    channelLimit: 2000
                """));

        assertTrue(error.getMessage().contains("campaigns[0].channelLimit is given twice (line 6"), error.getMessage());
    }

    @Test
    void aKeyGivenTwiceInTheDeploymentFileIsRefusedToo() throws IOException {
        var yaml = Files.readString(Path.of("../docker/deployment.yaml")).replace("recording: false",
                "recording: false\nrecording: true");
        var file = dir.resolve("deployment.yaml");
        Files.writeString(file, yaml);

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.load(file));

        assertTrue(error.getMessage().contains("Duplicate field 'recording'"), error.getMessage());
    }

    // Issue 18: agi.bindHost on every interface took FastAGI sessions from any host.
    @Test
    void aFastAgiServerOnEveryInterfaceMustNameThePbxsItTakesCallsFrom() throws IOException {
        var open = load("agi: { bindHost: 0.0.0.0 }\n" + CAMPAIGN);
        var badEntry = load("agi: { bindHost: 0.0.0.0, allowFrom: [10.0.0.5, pbx.example, 10.0.0.0/33] }\n" + CAMPAIGN);

        var resolved = load("agi: { bindHost: 0.0.0.0, allowFrom: [10.0.0.5, \"fd00::/64\"] }\n" + CAMPAIGN)
                .validate(SECRETS);
        var openError = assertThrows(ConfigException.class, () -> open.validate(SECRETS));
        var entryError = assertThrows(ConfigException.class, () -> badEntry.validate(SECRETS));

        assertTrue(resolved.agi().allowList().permits(InetAddress.getByName("10.0.0.5")));
        assertTrue(resolved.agi().allowList().permits(InetAddress.getByName("fd00::17")));
        assertFalse(resolved.agi().allowList().permits(InetAddress.getByName("10.0.0.6")));
        assertTrue(openError.getMessage().contains("agi.bindHost was '0.0.0.0' but agi.allowFrom is not set"),
                openError.getMessage());
        assertTrue(entryError.getMessage().contains("agi.allowFrom[1] was 'pbx.example' but it must be an IP address"),
                entryError.getMessage());
        assertTrue(entryError.getMessage().contains("agi.allowFrom[2] was '10.0.0.0/33'"), entryError.getMessage());
    }

    @Test
    void aFastAgiServerOnLoopbackTakesEveryLocalPeerByDefault() throws IOException {
        var resolved = load(CAMPAIGN).validate(SECRETS);

        assertTrue(resolved.agi().allowList().any());
        assertNull(resolved.http());
    }

    @Test
    void emptyEntriesInListsAreProblemsNamedByTheirKeysNotCrashes() throws IOException {
        var config = load("""
                scheduler: { holidays: [null] }
                agi: { allowFrom: [null] }
                http: { port: 8080, tokens: [null] }
                pbxs:
                  - { name: a, host: 10.0.0.5, secret: env:AMI_SECRET, channels: 1, originatesPerSecond: 1, trunks: [null] }
                  - null
                agents:
                  seats: [ null, { id: "101", campaigns: [null] } ]
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100", requiredSkills: [null] }
                  - null
                """);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        var message = error.getMessage();
        for (var key : java.util.List.of("scheduler.holidays[0]", "agi.allowFrom[0]", "http.tokens[0]",
                "pbxs[0].trunks[0]", "pbxs[1]", "agents.seats[0]", "agents.seats[1]", "campaigns[0]", "campaigns[1]")) {
            assertTrue(message.contains(key), "no problem named " + key + " in:\n" + message);
        }
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}

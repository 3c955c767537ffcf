package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pbxs:} list, and the pool of one that {@code ami:} or {@code deployment:} still make. */
class EnginePbxPoolConfigTest {
    private static final Secrets SECRETS = new Secrets(Map.of("AMI_SECRET", "ami-s3cret", "PBX_A", "a-s3cret", "PBX_B", "b-s3cret",
            "LEDGER_DB_PASSWORD", "pg-s3cret", "OPS_TOKEN", "ops-token-0123456789")::get);
    private static final String CAMPAIGNS = """
            campaigns:
              - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
            """;

    @TempDir
    Path dir;

    @Test
    void pbxsListBecomesThePoolWithItsLimitsTrunksAndDefaults() throws IOException {
        var resolved = load("""
                pbxs:
                  - name: pbx-a
                    host: 10.0.0.5
                    username: dialer
                    secret: env:PBX_A
                    channels: 60
                    originatesPerSecond: 10
                    burst: 15
                    trunks:
                      - { name: carrier-a, originatesPerSecond: 5 }
                      - { name: backup, dialTemplate: "PJSIP/{number}@backup-out" }
                  - name: pbx-b
                    host: 10.0.0.6
                    port: 5039
                    secret: env:PBX_B
                    dialTemplate: "PJSIP/{number}@carrier-b"
                    channels: 40
                    originatesPerSecond: 4
                """ + CAMPAIGNS).validate(SECRETS);

        var a = resolved.pbxs().get(0);
        var b = resolved.pbxs().get(1);
        assertEquals(List.of("pbx-a", 60, 10.0, 15.0), List.of(a.name(), a.limits().channels(),
                a.limits().originatesPerSecond(), a.limits().burst()));
        assertEquals(List.of(new TrunkLimits("carrier-a", 5, 5), TrunkLimits.unlimited("backup")), a.limits().trunks());
        assertEquals(Map.of("carrier-a", "PJSIP/{number}@carrier-a", "backup", "PJSIP/{number}@backup-out"),
                a.dialTemplates());
        assertEquals(List.of("10.0.0.6", 5039, "b-s3cret", 4.0), List.of(b.ami().host(), b.ami().port(),
                b.ami().secret(), b.limits().burst()));
        assertEquals(Map.of(AmiPbx.DEFAULT_TRUNK, "PJSIP/{number}@carrier-b"), b.dialTemplates());
        assertEquals("10.0.0.5", resolved.ami().host());
    }

    @Test
    void eachPbxTakesItsOwnAbandonContextAndCapOnOriginatesAwaitingTheirResponse() throws IOException {
        var resolved = load("""
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, secret: env:PBX_A, channels: 60, originatesPerSecond: 10,
                      abandonContext: safe-harbor, maxOutstandingOriginates: 50 }
                  - { name: pbx-b, host: 10.0.0.6, secret: env:PBX_B, channels: 40, originatesPerSecond: 4 }
                """ + CAMPAIGNS).validate(SECRETS);

        var a = resolved.pbxs().get(0).ami();
        var b = resolved.pbxs().get(1).ami();
        assertEquals(List.of("safe-harbor", 50), List.of(a.abandonContext(), a.maxOutstandingOriginates()));
        var d = io.duecall.adapter.ami.AmiConfig.defaults();
        assertEquals(List.of(d.abandonContext(), d.maxOutstandingOriginates()),
                List.of(b.abandonContext(), b.maxOutstandingOriginates()));
    }

    @Test
    void aNegativeCapOnOriginatesAwaitingTheirResponseIsRefusedUnderItsPbxsKey() throws IOException {
        var e = assertThrows(ConfigException.class, () -> load("""
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, secret: env:PBX_A, channels: 60, originatesPerSecond: 10,
                      maxOutstandingOriginates: -1 }
                """ + CAMPAIGNS).validate(SECRETS));

        assertTrue(e.getMessage().contains("pbxs[0].maxOutstandingOriginates"), e.getMessage());
    }

    @Test
    void agentSeatNamesThePbxOfItsPhoneWhichMustBeConfigured() throws IOException {
        var pbxs = """
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, secret: env:PBX_A, channels: 60, originatesPerSecond: 10 }
                  - { name: pbx-b, host: 10.0.0.6, secret: env:PBX_A, channels: 40, originatesPerSecond: 4 }
                """;
        var resolved = load(pbxs + """
                agents:
                  seats:
                    - { id: "101", campaigns: [reminders], pbx: pbx-b }
                    - { id: "102", campaigns: [reminders] }
                """ + CAMPAIGNS).validate(SECRETS);

        assertEquals("pbx-b", resolved.agents().seats().get(0).pbx());
        assertEquals(null, resolved.agents().seats().get(1).pbx());

        var error = assertThrows(ConfigException.class, () -> load(pbxs + """
                agents:
                  seats:
                    - { id: "101", campaigns: [reminders], pbx: pbx-c }
                """ + CAMPAIGNS).validate(SECRETS));
        assertTrue(error.getMessage().contains("agents.seats[0]: pbx 'pbx-c' is not one of the configured PBXs [pbx-a, pbx-b]"),
                error.getMessage());
    }

    @Test
    void singleAmiPbxIsAPoolOfOneWithNoLimitsOfItsOwn() throws IOException {
        var resolved = load("""
                ami: { host: 10.0.0.5, secret: env:AMI_SECRET, dialTemplate: "PJSIP/{number}@carrier" }
                """ + CAMPAIGNS).validate(SECRETS);

        var only = resolved.pbxs().getFirst();
        assertEquals(1, resolved.pbxs().size());
        assertFalse(only.limits().limited());
        assertEquals(Map.of(AmiPbx.DEFAULT_TRUNK, "PJSIP/{number}@carrier"), only.dialTemplates());
        assertEquals(resolved.ami(), only.ami());
    }

    @Test
    void singleDeploymentPbxDialsItsTrunksInOrderWithNoLimits() throws IOException {
        var resolved = EngineConfig.load(Path.of("../docker/duecall.yaml")).validate(SECRETS);

        var only = resolved.pbxs().getFirst();
        assertEquals(List.of(TrunkLimits.unlimited("carrier")), only.limits().trunks());
        assertEquals("asterisk", only.ami().host());
    }

    @Test
    void aPbxMayTakeItsSettingsFromItsOwnDeploymentFile() throws IOException {
        Files.copy(Path.of("../docker/deployment.yaml"), dir.resolve("site-b.yaml"));

        var resolved = load("""
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, secret: env:PBX_A, channels: 10, originatesPerSecond: 2 }
                  - name: pbx-b
                    deployment: site-b.yaml
                    channels: 30
                    originatesPerSecond: 5
                    trunks: [ { name: carrier, originatesPerSecond: 3, burst: 6 } ]
                """ + CAMPAIGNS).validate(SECRETS);

        var b = resolved.pbxs().get(1);
        assertEquals(List.of("asterisk", "ami-s3cret", "dialer-out"),
                List.of(b.ami().host(), b.ami().secret(), b.ami().outboundContext()));
        assertEquals(List.of(new TrunkLimits("carrier", 3, 6)), b.limits().trunks());
        assertEquals(Map.of("carrier", "PJSIP/{number}@carrier"), b.dialTemplates());
    }

    @Test
    void everyBadPbxValueIsReportedAtOnceUnderItsKey() throws IOException {
        Files.copy(Path.of("../docker/deployment.yaml"), dir.resolve("site.yaml"));
        var config = load("""
                ami: { host: 10.0.0.9 }
                pbxs:
                  - { name: pbx-a, host: 10.0.0.5, originatesPerSecond: -1 }
                  - name: pbx-a
                    host: 10.0.0.6
                    channels: 0
                    originatesPerSecond: 2
                    trunks: [ { name: t1, originatesPerSecond: 1, burst: 0.5 }, { name: t2, dialTemplate: "PJSIP/t2" } ]
                  - { name: pbx-c, deployment: site.yaml, host: x, channels: 5, originatesPerSecond: 1,
                      trunks: [ { name: nowhere }, { name: carrier, dialTemplate: "PJSIP/{number}@elsewhere" } ] }
                  - { name: pbx-d, deployment: missing.yaml, channels: 5, originatesPerSecond: 1 }
                """ + CAMPAIGNS);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        var message = error.getMessage();
        for (var expected : List.of(
                "pbxs and ami are both set",
                "pbxs[0].channels is missing",
                "pbxs[0].originatesPerSecond was '-1.0' but it must be a finite number > 0",
                "pbxs[1].name was 'pbx-a' but it is used by an earlier PBX",
                "pbxs[1].channels was '0' but it must be > 0",
                "pbxs[1].trunks[1].dialTemplate was 'PJSIP/t2' but it must be one line holding {number}",
                "pbxs[2].host is set beside pbxs[2].deployment",
                "pbxs[2].trunks[0].name was 'nowhere' but the deployment has only trunks [carrier]",
                "pbxs[2].trunks[1].dialTemplate is set but the deployment's trunks are dialed as PJSIP/{number}@carrier",
                "pbxs[3].deployment: '" + dir.resolve("missing.yaml") + "' cannot be read (NoSuchFileException)")) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void badTrunkAndChannelValuesNameTheirKey() throws IOException {
        var config = load("""
                pbxs:
                  - name: pbx-a
                    host: 10.0.0.6
                    channels: 0
                    originatesPerSecond: 2
                    trunks: [ { name: t1, originatesPerSecond: 1, burst: 0.5 }, { name: t2, burst: 3 } ]
                """ + CAMPAIGNS);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        var message = error.getMessage();
        assertTrue(message.contains("pbxs[0].trunks[0].burst was '0.5' but it must be a finite number >= 1"), message);
        assertTrue(message.contains("pbxs[0].trunks[1].burst is set but originatesPerSecond is not"), message);
        assertFalse(message.contains("null"), message);
    }

    @Test
    void anEmptyPbxsListIsRefused() throws IOException {
        var config = load("pbxs: []\n" + CAMPAIGNS);

        var error = assertThrows(ConfigException.class, () -> config.validate(SECRETS));

        assertTrue(error.getMessage().contains("pbxs is empty"), error.getMessage());
    }

    private EngineConfig load(String yaml) throws IOException {
        var file = dir.resolve("duecall.yaml");
        Files.writeString(file, yaml);
        return EngineConfig.load(file);
    }
}

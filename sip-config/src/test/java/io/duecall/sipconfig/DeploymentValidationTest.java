package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeploymentValidationTest {
    private static final String VALID = """
            trunks:
              - { name: carrier, host: sip.carrier.example, username: nw, password: env:TRUNK_PASSWORD,
                  callerId: "+18005550199", channelLimit: 30 }
            agents:
              - { extension: "101", password: env:A101 }
            ami: { host: asterisk, bindAddress: 10.0.0.20, username: dialer, secret: env:AMI_SECRET, permit: [10.0.0.7/32] }
            agi: { host: duecall }
            abandon: { companyPrompt: duecall/company-reminders, callbackNumber: "18005550199" }
            """;

    @Test
    void shippedExampleDeploymentIsValid() throws Exception {
        var deployment = DeploymentLoader.load(Path.of("../docker/deployment.yaml"));

        assertEquals("carrier", deployment.dialTrunk().name());
    }

    @Test
    void minimalDeploymentTakesDefaultsForContextsPortsAndAmd() {
        var deployment = DeploymentLoader.parse("min", VALID);

        assertEquals(Deployment.Contexts.DEFAULTS, deployment.contextsOrDefaults());
        assertEquals(4573, deployment.agi().portOrDefault());
        assertTrue(deployment.amdOn());
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        var yaml = """
                trunks:
                  - { name: carrier, host: sip.carrier.example, username: nw, callerId: "+18005550199", channelLimit: 0 }
                agents:
                  - { extension: "101", password: env:A101 }
                  - { extension: "101", password: env:A101B }
                ami: { host: asterisk, bindAddress: 10.0.0.20, username: dialer, secret: env:AMI_SECRET, permit: [10.0.0.7/32, 0.0.0.0/0] }
                agi: { host: duecall }
                abandon: { companyPrompt: duecall/company-reminders, callbackNumber: "18005550199" }
                """;

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("bad.yaml", yaml));

        assertEquals("""
                bad.yaml has 4 problem(s):
                  trunks[0].password: missing (expected a secret reference such as env:TRUNK_PASSWORD or file:/run/secrets/trunk)
                  trunks[0].channelLimit: 0 (expected > 0)
                  agents[1].extension: '101' is used twice (also agents[0])
                  ami.permit[1]: '0.0.0.0/0' permits every address (expected the dialer's own addresses, e.g. 10.0.0.7/32)""",
                error.getMessage());
    }

    @Test
    void aSecretWrittenInTheFileIsRefusedWithoutEchoingIt() {
        var yaml = VALID.replace("secret: env:AMI_SECRET", "secret: hunter2");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("ami.secret: written in the file (expected a secret reference such as"
                + " env:AMI_SECRET or file:/run/secrets/ami)"), error.getMessage());
        assertTrue(!error.getMessage().contains("hunter2"), error.getMessage());
    }

    @Test
    void anAmiHostNameWithoutABindAddressIsRefusedRatherThanListeningEverywhere() {
        var yaml = VALID.replace("bindAddress: 10.0.0.20, ", "");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("ami.bindAddress: missing (expected the IPv4 address Asterisk's AMI"
                + " listens on, since ami.host 'asterisk' is a name; 0.0.0.0 listens on every interface)"),
                error.getMessage());
    }

    @Test
    void anAmiBindAddressThatIsNotAnAddressIsRefused() {
        var yaml = VALID.replace("bindAddress: 10.0.0.20", "bindAddress: 10.0.0.0/8");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("ami.bindAddress: '10.0.0.0/8' (expected the IPv4 address"),
                error.getMessage());
    }

    @Test
    void anAmiUserBoundToEveryAddressByMaskIsRefused() {
        var yaml = VALID.replace("[10.0.0.7/32]", "[10.1.2.3/0.0.0.0]");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("ami.permit[0]: '10.1.2.3/0.0.0.0' permits every address"),
                error.getMessage());
    }

    @Test
    void missingPermitAndMissingChannelLimitAreNamed() {
        var yaml = VALID.replace(", permit: [10.0.0.7/32]", "").replace(", channelLimit: 30", "");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("ami.permit: missing"), error.getMessage());
        assertTrue(error.getMessage().contains("trunks[0].channelLimit: missing"), error.getMessage());
    }

    @Test
    void contextNamesThatCouldBreakTheFileOrCollideAreRefused() {
        var yaml = VALID + "contexts: { outbound: \"out]\", agents: dialer-out, abandon: dialer-out }\n";

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("contexts.outbound: 'out]' (expected a letter"), error.getMessage());
        assertTrue(error.getMessage().contains("contexts.abandon: 'dialer-out' is the same context as contexts.agents"),
                error.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithItsPath() {
        var yaml = VALID.replace("agi: { host: duecall }", "agi: { host: duecall, prot: 4573 }");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().startsWith("d.yaml: agi.prot: Unrecognized field \"prot\""), error.getMessage());
    }

    @Test
    void unknownCodecIsNamedWithItsIndex() {
        var yaml = VALID.replace("channelLimit: 30", "channelLimit: 30, codecs: [ulaw, mp3]");

        var error = assertThrows(InvalidDeploymentException.class, () -> DeploymentLoader.parse("d.yaml", yaml));

        assertTrue(error.getMessage().contains("trunks[0].codecs[1]: 'mp3' (expected one of"), error.getMessage());
    }
}

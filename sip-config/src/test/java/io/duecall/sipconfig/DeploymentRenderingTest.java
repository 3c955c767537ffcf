package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentRenderingTest {
    static final Map<String, String> ENV = Map.of("TRUNK_PASSWORD", "trunk-s3cret", "AGENT_101_PASSWORD", "a101-pw",
            "AGENT_102_PASSWORD", "a102-pw", "AMI_SECRET", "ami-s3cret");

    @TempDir
    Path dir;
    private Deployment deployment;
    private Secrets secrets;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("backup-trunk"), "backup-pw\n");
        deployment = fixture("full.yaml", dir);
        secrets = new Secrets(ENV::get);
    }

    static Deployment fixture(String name, Path secretsDir) throws IOException {
        return DeploymentLoader.parse(name, resource("/deployment/" + name).replace("${SECRETS}", secretsDir.toString()));
    }

    @Test
    void pjsipConfHasTrunksAndAgentEndpointsAsTheGoldenFile() throws IOException {
        var rendered = PjsipRenderer.render(deployment, secrets);

        assertEquals(resource("/golden/pjsip-full.conf"), rendered);
    }

    @Test
    void extensionsConfHasOutboundAgentAndAbandonContextsAsTheGoldenFile() throws IOException {
        var rendered = ExtensionsRenderer.render(deployment);

        assertEquals(resource("/golden/extensions-full.conf"), rendered);
    }

    @Test
    void managerConfHasTheDialerUserBoundToItsAddressesAsTheGoldenFile() throws IOException {
        var rendered = ManagerRenderer.render(deployment, secrets);

        assertEquals(resource("/golden/manager-full.conf"), rendered);
    }

    @Test
    void amdConfHasTheDeploymentsParametersAndAsterisksDefaultsAsTheGoldenFile() throws IOException {
        var rendered = AmdRenderer.render(deployment);

        assertEquals(resource("/golden/amd-full.conf"), rendered);
    }

    @Test
    void renderingTwiceGivesTheSameFiles() {
        var first = AsteriskFiles.render(deployment, secrets);

        var second = AsteriskFiles.render(deployment, secrets);

        assertEquals(first, second);
        assertEquals(List.of("pjsip.conf", "extensions.conf", "manager.conf", "amd.conf"), List.copyOf(first.keySet()));
    }

    @Test
    void withoutAmdThereIsNoAmdConfAndNoAmdInTheDialplan() throws IOException {
        var noAmd = DeploymentLoader.parse("no-amd", resource("/deployment/full.yaml")
                .replace("${SECRETS}", dir.toString()).replace("amd:\n", "amd:\n  enabled: false\n"));

        var files = AsteriskFiles.render(noAmd, secrets);

        assertEquals(List.of("pjsip.conf", "extensions.conf", "manager.conf"), List.copyOf(files.keySet()));
        assertFalse(files.get("extensions.conf").contains("AMD()"));
        assertEquals(AsteriskFiles.names(noAmd), List.copyOf(files.keySet()));
    }

    @Test
    void engineSettingsComeFromTheSameDeployment() {
        var settings = EnginePbxSettings.of(deployment, secrets);

        assertEquals(new EnginePbxSettings("10.0.0.5", 5038, "dialer", "ami-s3cret", "PJSIP/{number}@carrier",
                "dialer-out", "dialer-agents", "0.0.0.0", 4574), settings);
        assertFalse(settings.toString().contains("ami-s3cret"));
    }

    static String resource(String name) throws IOException {
        try (var in = DeploymentRenderingTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

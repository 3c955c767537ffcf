package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.engine.config.EngineConfig;
import io.duecall.sipconfig.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final Secrets SECRETS = new Secrets(Map.of("TRUNK_PASSWORD", "t-pw", "AGENT_101_PASSWORD", "a1",
            "AGENT_102_PASSWORD", "a2", "AMI_SECRET", "ami-s3cret", "LEDGER_DB_PASSWORD", "pg-s3cret", "OPS_TOKEN", "ops-token-0123456789")::get);

    @TempDir
    Path dir;

    @Test
    void rendersTheShippedDeploymentWithTheSameContextsAndAmiUserTheEngineUses() throws Exception {
        var out = new ByteArrayOutputStream();
        int status = Commands.render(Path.of("../docker/deployment.yaml"), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), SECRETS);

        assertEquals(0, status);
        var engine = EngineConfig.load(Path.of("../docker/duecall.yaml")).validate(SECRETS);
        var extensions = Files.readString(dir.resolve("extensions.conf"));
        assertTrue(extensions.contains("[" + engine.ami().outboundContext() + "]"), extensions);
        assertTrue(extensions.contains("[" + engine.ami().agentContext() + "]"), extensions);
        assertTrue(extensions.contains("AGI(agi://duecall:" + engine.agi().port() + "/reminder,${CALL_ID})"), extensions);
        var manager = Files.readString(dir.resolve("manager.conf"));
        assertTrue(manager.contains("[" + engine.ami().username() + "]\nsecret = " + engine.ami().secret() + "\n"),
                manager);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pjsip.conf"))));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("ami-s3cret"));
    }

    @Test
    void anUnsetSecretFailsTheCommandNamingTheKeyAndWritesNothing() throws Exception {
        assumeTrue(System.getenv("TRUNK_PASSWORD") == null, "TRUNK_PASSWORD is set in this environment");
        var err = new ByteArrayOutputStream();
        var target = dir.resolve("asterisk");

        int status = Main.run(List.of("render", "--deployment", "../docker/deployment.yaml", "--out", target.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertTrue(message.contains("trunks[0].password: env:TRUNK_PASSWORD is not set in the environment"), message);
        assertFalse(Files.exists(target));
    }

    @Test
    void dialplanOfAConfigurationWithADeploymentIsTheExtensionsConfRenderWrites() throws Exception {
        assertEquals(0, Commands.render(Path.of("../docker/deployment.yaml"), dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), SECRETS));
        var printed = new ByteArrayOutputStream();

        int status = Commands.dialplan(Path.of("../docker/duecall.yaml"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(0, status);
        assertEquals(Files.readString(dir.resolve("extensions.conf")), printed.toString(StandardCharsets.UTF_8));
        var manager = Files.readString(dir.resolve("manager.conf"));
        assertTrue(manager.contains("bindaddr = 172.28.0.20\n"), "AMI listens on the deployment's address: " + manager);
    }

    @Test
    void dialplanWithoutADeploymentTakesTheConfiguredContextsAndAbandonMessage() throws Exception {
        var config = dir.resolve("duecall.yaml");
        Files.writeString(config, """
                ami: { outboundContext: calls-out, agentContext: calls-agents, abandonContext: calls-abandon }
                agi: { bindHost: 127.0.0.1, port: 4600 }
                campaigns:
                  - { id: reminders, companyName: Acme, callbackNumber: "18005550100" }
                """);
        var printed = new ByteArrayOutputStream();

        int status = Commands.dialplan(config,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        var text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        assertTrue(text.contains("[calls-out]\n"), text);
        assertTrue(text.contains("AGI(agi://127.0.0.1:4600/reminder,${CALL_ID})"), text);
        assertTrue(text.contains("[calls-agents]\n"), text);
        assertTrue(text.contains(" same => n,Goto(calls-abandon,s,1)\n"), text);
        assertTrue(text.contains("[calls-abandon]\n"), text);
        assertTrue(text.contains(" same => n,SayDigits(18005550100)\n"), text);
    }
}

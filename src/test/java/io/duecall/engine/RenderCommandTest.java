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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final Secrets SECRETS = new Secrets(Map.of("TRUNK_PASSWORD", "t-pw", "AGENT_101_PASSWORD", "a1",
            "AGENT_102_PASSWORD", "a2", "AMI_SECRET", "ami-s3cret")::get);

    @TempDir
    Path dir;

    @Test
    void rendersTheShippedDeploymentWithTheSameContextsAndAmiUserTheEngineUses() throws Exception {
        var out = new ByteArrayOutputStream();
        var options = Options.parse(new ArrayDeque<>(List.of("--deployment", "../docker/deployment.yaml",
                "--out", dir.toString())));

        int status = Commands.render(options, new PrintStream(out, true, StandardCharsets.UTF_8), SECRETS);

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
}

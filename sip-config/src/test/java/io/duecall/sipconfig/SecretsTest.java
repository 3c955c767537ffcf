package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;
    private final Secrets secrets = new Secrets(Map.of("AMI_SECRET", "s3cret", "BAD", "two\nlines")::get);

    @Test
    void readsEnvironmentVariables() {
        var value = secrets.resolve("ami.secret", "env:AMI_SECRET");

        assertEquals("s3cret", value);
    }

    @Test
    void readsFilesWithoutTheirTrailingLineBreak() throws Exception {
        Files.writeString(dir.resolve("trunk"), "from-a-file\n");

        var value = secrets.resolve("trunks[0].password", "file:" + dir.resolve("trunk"));

        assertEquals("from-a-file", value);
    }

    @Test
    void anUnsetVariableIsNamedWithItsKey() {
        var error = assertThrows(InvalidDeploymentException.class, () -> secrets.resolve("ami.secret", "env:NOPE"));

        assertEquals("ami.secret: env:NOPE is not set in the environment", error.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithItsKey() {
        var reference = "file:" + dir.resolve("absent");

        var error = assertThrows(InvalidDeploymentException.class, () -> secrets.resolve("agents[0].password", reference));

        assertEquals("agents[0].password: " + reference + " cannot be read (NoSuchFileException)", error.getMessage());
    }

    @Test
    void aSecretThatWouldBreakAConfFileIsRefusedWithoutShowingIt() {
        var error = assertThrows(InvalidDeploymentException.class, () -> secrets.resolve("ami.secret", "env:BAD"));

        assertEquals("ami.secret: the secret in env:BAD must be one line without ';'", error.getMessage());
        assertFalse(error.getMessage().contains("two"));
    }
}

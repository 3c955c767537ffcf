package io.duecall.sipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFileReadableByItsOwnerOnly() throws Exception {
        var deployment = DeploymentRenderingTest.fixture("full.yaml", dir);
        Files.writeString(dir.resolve("backup-trunk"), "backup-pw\n");
        var out = dir.resolve("asterisk");

        var written = AsteriskFiles.write(deployment, new Secrets(DeploymentRenderingTest.ENV::get), out);

        assertEquals(List.of("pjsip.conf", "extensions.conf", "manager.conf", "amd.conf"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        for (var file : written) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        try (var listing = Files.list(out)) {
            assertEquals(4, listing.count());
        }
    }

    @Test
    void overwritesAWorldReadableOldFileWithAnOwnerOnlyOne() throws Exception {
        var deployment = DeploymentRenderingTest.fixture("full.yaml", dir);
        Files.writeString(dir.resolve("backup-trunk"), "backup-pw\n");
        var out = Files.createDirectories(dir.resolve("asterisk"));
        var old = Files.writeString(out.resolve("manager.conf"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        AsteriskFiles.write(deployment, new Secrets(DeploymentRenderingTest.ENV::get), out);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("manager.conf"))));
    }
}

package io.duecall.sipconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.SequencedMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Every Asterisk file a deployment needs, by file name: pjsip.conf, extensions.conf, manager.conf and, when AMD is
 * on, amd.conf. Rendering is deterministic; files are written readable by their owner only, as they hold secrets.
 */
public final class AsteriskFiles {
    private AsteriskFiles() {}

    /** The file names {@link #render} yields for a deployment, in order. */
    public static List<String> names(Deployment d) {
        return d.amdOn() ? List.of("pjsip.conf", "extensions.conf", "manager.conf", "amd.conf")
                : List.of("pjsip.conf", "extensions.conf", "manager.conf");
    }

    public static SequencedMap<String, String> render(Deployment d, Secrets secrets) {
        var files = new LinkedHashMap<String, String>();
        files.put("pjsip.conf", PjsipRenderer.render(d, secrets));
        files.put("extensions.conf", ExtensionsRenderer.render(d));
        files.put("manager.conf", ManagerRenderer.render(d, secrets));
        if (d.amdOn()) {
            files.put("amd.conf", AmdRenderer.render(d));
        }
        return Collections.unmodifiableSequencedMap(files);
    }

    /** Renders into {@code dir} (created if missing), each file rw------- from its first byte; returns the paths. */
    public static List<Path> write(Deployment d, Secrets secrets, Path dir) throws IOException {
        var files = render(d, secrets);
        Files.createDirectories(dir);
        var written = new java.util.ArrayList<Path>();
        for (var e : files.entrySet()) {
            var target = dir.resolve(e.getKey());
            // Created with owner-only permissions, then moved over the old file, so no secret is ever world-readable.
            var temp = Files.createTempFile(dir, "." + e.getKey(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(target);
        }
        return List.copyOf(written);
    }
}

package io.duecall.pbxsim.agi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sound files the simulated PBX has, for {@code STREAM FILE}: every file unless some were removed, or only those
 * of a sounds folder laid out as Asterisk's ({@code duecall/greeting-morning.wav} under it). A file that is not
 * there gets res_agi's reply for a file it cannot open, {@code 200 result=-1 endpos=<offset asked>}.
 */
public final class SoundFiles {
    /** The extensions Asterisk's format modules read, the ones a deployment records prompts in. */
    private static final List<String> EXTENSIONS = List.of("wav", "WAV", "sln", "sln16", "gsm", "ulaw", "alaw",
            "g722", "wav16");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]{1,200}");

    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private volatile Path folder;

    /** Every sound file exists, as on a PBX with the prompts installed. */
    public static SoundFiles all() {
        return new SoundFiles();
    }

    /** The file named {@code name} (no extension, such as {@code duecall/greeting-morning}) no longer exists. */
    public void remove(String name) {
        removed.add(name);
    }

    /** Only the files under {@code dir} exist, from now on; null goes back to every file. */
    public void folder(Path dir) {
        this.folder = dir;
    }

    /** Whether the PBX could open {@code name} for playing. */
    public boolean exists(String name) {
        if (removed.contains(name)) {
            return false;
        }
        var dir = folder;
        if (dir == null) {
            return true;
        }
        if (!NAME.matcher(name).matches() || name.contains("..") || name.startsWith("/")) {
            return false;
        }
        return EXTENSIONS.stream().anyMatch(ext -> Files.isRegularFile(dir.resolve(name + "." + ext)));
    }
}

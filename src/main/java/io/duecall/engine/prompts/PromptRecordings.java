package io.duecall.engine.prompts;

import io.duecall.ivr.flow.PromptList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks a folder laid out as Asterisk's sounds directory ({@code DIR/duecall/...}) against the prompt list: every
 * prompt recorded in a format Asterisk plays at 8 kHz, none over the longest allowed, and nothing else under
 * {@code duecall/}. One line per problem, each naming the file.
 */
public final class PromptRecordings {
    /** Asterisk's 8 kHz formats and the bytes of one second of each, for the raw ones. */
    private static final Map<String, Integer> RAW_BYTES_PER_SECOND = Map.of("sln", 16_000, "ulaw", 8_000,
            "alaw", 8_000, "gsm", 1_650);
    private static final String WAV = "wav";
    private static final float ASTERISK_RATE = 8_000f;

    private PromptRecordings() {}

    public static List<String> problems(Path dir, List<PromptList.Entry> prompts, Duration longest) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of(dir + ": not a folder (expected the folder holding duecall/)");
        }
        var problems = new ArrayList<String>();
        var expected = new HashSet<String>();
        for (var prompt : prompts) {
            expected.add(prompt.file());
            var found = recordings(dir, prompt.file());
            if (found.isEmpty()) {
                problems.add(prompt.file() + ": missing (expected " + prompt.file() + ".wav, 8 kHz 16-bit mono, or "
                        + ".sln/.ulaw/.alaw/.gsm; says \"" + prompt.text() + "\")");
            }
            for (var file : found) {
                problems.addAll(checkOne(dir, file, longest));
            }
        }
        problems.addAll(extras(dir, expected));
        return problems;
    }

    private static List<Path> recordings(Path dir, String prompt) {
        var found = new ArrayList<Path>();
        for (var extension : Stream.concat(Stream.of(WAV), RAW_BYTES_PER_SECOND.keySet().stream().sorted()).toList()) {
            var file = dir.resolve(prompt + "." + extension);
            if (Files.isRegularFile(file)) {
                found.add(file);
            }
        }
        return found;
    }

    private static List<String> checkOne(Path dir, Path file, Duration longest) throws IOException {
        var name = dir.relativize(file).toString();
        var size = Files.size(file);
        if (size == 0) {
            return List.of(name + ": empty");
        }
        var extension = extension(file);
        double seconds;
        if (extension.equals(WAV)) {
            AudioFormat format;
            long frames;
            try {
                var info = AudioSystem.getAudioFileFormat(file.toFile());
                format = info.getFormat();
                frames = info.getFrameLength();
            } catch (UnsupportedAudioFileException e) {
                return List.of(name + ": not a WAV file Java can read (expected PCM WAV, 8 kHz 16-bit mono)");
            }
            var problems = new ArrayList<String>();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16) {
                problems.add(name + ": " + format.getEncoding() + " " + format.getSampleSizeInBits()
                        + "-bit (expected 16-bit signed PCM)");
            }
            if (format.getChannels() != 1) {
                problems.add(name + ": " + format.getChannels() + " channels (expected mono)");
            }
            if (format.getSampleRate() != ASTERISK_RATE) {
                problems.add(name + ": sample rate " + Math.round(format.getSampleRate())
                        + " Hz (expected 8000 Hz, Asterisk's .wav rate)");
            }
            seconds = frames > 0 && format.getFrameRate() > 0 ? frames / format.getFrameRate() : 0;
            if (seconds > longest.toMillis() / 1000.0) {
                problems.add(tooLong(name, seconds, longest));
            }
            return problems;
        }
        seconds = (double) size / RAW_BYTES_PER_SECOND.get(extension);
        return seconds > longest.toMillis() / 1000.0 ? List.of(tooLong(name, seconds, longest)) : List.of();
    }

    private static String tooLong(String name, double seconds, Duration longest) {
        return String.format(Locale.ROOT, "%s: lasts %.1f s (expected at most %d s)", name, seconds,
                longest.toSeconds());
    }

    /** Sound files under the folders the prompts live in that no flow plays. */
    private static List<String> extras(Path dir, Set<String> expected) throws IOException {
        var own = dir.resolve("duecall");
        if (!Files.isDirectory(own)) {
            return List.of();
        }
        var extras = new ArrayList<String>();
        try (var files = Files.walk(own)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                var relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                var extension = extension(file);
                var known = extension.equals(WAV) || RAW_BYTES_PER_SECOND.containsKey(extension);
                var prompt = relative.substring(0, relative.length() - extension.length() - (extension.isEmpty() ? 0 : 1));
                if (!known) {
                    extras.add(relative + ": not a sound format Asterisk plays at 8 kHz (expected .wav, .sln, .ulaw, "
                            + ".alaw or .gsm)");
                } else if (!expected.contains(prompt)) {
                    extras.add(relative + ": extra (no flow or campaign plays " + prompt + ")");
                }
            }
        }
        return extras;
    }

    private static String extension(Path file) {
        var name = file.getFileName().toString();
        var dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.engine.prompts.PlaceholderSpeech;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCommandsTest {
    @TempDir
    Path dir;

    private record Result(int exit, List<String> lines, String err) {}

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    private List<String> promptFiles() {
        var listed = run("prompts", "list");
        assertEquals(0, listed.exit(), listed.err());
        assertEquals("file,language,text,used_in", listed.lines().getFirst());
        return listed.lines().stream().skip(1).map(line -> line.substring(0, line.indexOf(',')).replace("\"", ""))
                .toList();
    }

    /** A tone of {@code seconds} in the given format, written as a WAV file. */
    private static void wav(Path file, float rate, int channels, double seconds) throws IOException {
        Files.createDirectories(file.getParent());
        var format = new AudioFormat(rate, 16, channels, true, false);
        var frames = (int) (rate * seconds);
        var data = new byte[frames * format.getFrameSize()];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                data[at] = (byte) sample;
                data[at + 1] = (byte) (sample >> 8);
            }
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), format, frames),
                AudioFileFormat.Type.WAVE, file.toFile());
    }

    @Test
    void aFolderHoldingEveryPromptIn8kHzMonoPasses() throws IOException {
        for (var prompt : promptFiles()) {
            wav(dir.resolve(prompt + ".wav"), 8000f, 1, 0.2);
        }

        var checked = run("prompts", "check", dir.toString());

        assertEquals(0, checked.exit(), checked.lines() + checked.err());
        assertTrue(checked.lines().getLast().endsWith(": OK"), checked.lines().toString());
    }

    @Test
    void eachProblemIsOneLineNamingTheFile() throws IOException {
        var prompts = promptFiles();
        for (var prompt : prompts) {
            wav(dir.resolve(prompt + ".wav"), 8000f, 1, 0.2);
        }
        Files.delete(dir.resolve("duecall/goodbye.wav"));
        wav(dir.resolve("duecall/invalid.wav"), 22050f, 1, 0.2);
        wav(dir.resolve("duecall/by.wav"), 8000f, 2, 0.2);
        Files.write(dir.resolve("duecall/if-you-are.sln"), new byte[16_000 * 3]);
        Files.write(dir.resolve("duecall/due-on.sln"), new byte[0]);
        wav(dir.resolve("duecall/old-greeting.wav"), 8000f, 1, 0.2);
        Files.writeString(dir.resolve("duecall/notes.txt"), "to do");

        var checked = run("prompts", "check", dir.toString(), "--max-seconds", "2");

        assertEquals(1, checked.exit());
        var expected = List.of(
                "duecall/if-you-are.sln: lasts 3.0 s (expected at most 2 s)",
                "duecall/due-on.sln: empty",
                "duecall/by.wav: 2 channels (expected mono)",
                "duecall/invalid.wav: sample rate 22050 Hz (expected 8000 Hz, Asterisk's .wav rate)",
                "duecall/goodbye: missing (expected duecall/goodbye.wav, 8 kHz 16-bit mono, or .sln/.ulaw/.alaw/.gsm; "
                        + "says \"Thank you. Goodbye.\")",
                "duecall/notes.txt: not a sound format Asterisk plays at 8 kHz (expected .wav, .sln, .ulaw, .alaw or .gsm)",
                "duecall/old-greeting.wav: extra (no flow or campaign plays duecall/old-greeting)");
        var problems = checked.lines().subList(0, checked.lines().size() - 1);
        assertEquals(expected.stream().sorted().toList(), problems.stream().sorted().toList());
        assertEquals("duecall: " + prompts.size() + " prompts checked in " + dir + ": 7 problems",
                checked.lines().getLast());
    }

    @Test
    void anUnknownActionOrMissingFolderIsAClearError() {
        var unknown = run("prompts", "record");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("prompts: unknown command 'record' (expected list, generate or check)"), unknown.err());

        var missing = run("prompts", "check", dir.resolve("nowhere").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.lines().getFirst().endsWith("nowhere: not a folder (expected the folder holding duecall/)"),
                missing.lines().toString());
    }

    @Test
    void generatedPlaceholdersPassTheCheck() {
        try {
            PlaceholderSpeech.fromPath();
        } catch (IllegalStateException e) {
            Assumptions.abort("placeholder speech not tried: " + e.getMessage());
        }

        var generated = run("prompts", "generate", "--out", dir.toString());
        assertEquals(0, generated.exit(), generated.err());

        var checked = run("prompts", "check", dir.toString());
        assertEquals(0, checked.exit(), checked.lines().toString());
    }
}

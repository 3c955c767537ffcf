package io.duecall.engine.prompts;

import io.duecall.common.Executables;
import io.duecall.ivr.flow.PromptList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speaks every prompt's text with espeak-ng and converts it with SoX to Asterisk's {@code .wav} (8 kHz, 16-bit,
 * mono), so a flow is heard end to end before a voice artist has recorded anything. Both programs come from Debian
 * packages ({@code apt-get install espeak-ng sox}). Each file is written beside its target and moved over it, so an
 * interrupted run leaves no half-written prompt.
 */
public final class PlaceholderSpeech {
    public static final String ENGINE = "espeak-ng";
    private static final long PROGRAM_SECONDS = 60;

    private final String espeak;
    private final String sox;

    public PlaceholderSpeech(String espeak, String sox) {
        this.espeak = espeak;
        this.sox = sox;
    }

    /** The programs on the PATH, or an error saying what to install. */
    public static PlaceholderSpeech fromPath() {
        var missing = new ArrayList<String>();
        var espeak = onPath("espeak-ng", missing);
        var sox = onPath("sox", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(" and ", missing) + " not found on PATH (install with: "
                    + "apt-get install espeak-ng sox)");
        }
        return new PlaceholderSpeech(espeak, sox);
    }

    /** Writes {@code <out>/<file>.wav} for each prompt; returns the files written. */
    public List<Path> generate(List<PromptList.Entry> prompts, Path out) throws IOException, InterruptedException {
        var written = new ArrayList<Path>();
        for (var prompt : prompts) {
            var target = out.resolve(prompt.file() + ".wav");
            Files.createDirectories(target.getParent());
            var spoken = Files.createTempFile(target.getParent(), ".speech-", ".wav");
            var converted = Files.createTempFile(target.getParent(), ".prompt-", ".wav");
            try {
                run(List.of(espeak, "-v", voice(prompt.language()), "-w", spoken.toString(), prompt.text()));
                run(List.of(sox, spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                        converted.toString()));
                Files.move(converted, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            } finally {
                Files.deleteIfExists(spoken);
                Files.deleteIfExists(converted);
            }
        }
        return written;
    }

    /** espeak-ng's voice for a prompt set: English for the default set, the language's own voice otherwise. */
    static String voice(String language) {
        return language.isEmpty() ? "en-us" : language;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(PROGRAM_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.getFirst() + " did not finish within " + PROGRAM_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.getFirst() + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }

    private static String onPath(String program, List<String> missing) {
        return Executables.onPath(program).map(Path::toString).orElseGet(() -> {
            missing.add(program);
            return program;
        });
    }
}

package io.duecall.engine;

import io.duecall.engine.prompts.PlaceholderSpeech;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prompts list|generate|check}; the work is in {@link PromptCommands}. */
@Command(name = "prompts", description = "the sound files a deployment records: list them, make placeholders, check a folder",
        subcommands = {PromptsCommand.List.class, PromptsCommand.Generate.class, PromptsCommand.Check.class})
final class PromptsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new Main.UsageException("prompts: a subcommand is required (list, generate or check)");
    }

    @Command(name = "list", description = "every prompt to record: file, language, words, where the flows play it")
    static final class List implements Callable<Integer> {
        private final PrintStream out;
        @Option(names = "--config", paramLabel = "FILE", description = "add each configured campaign's company name")
        Path config;
        @Option(names = "--out", paramLabel = "CSV", description = "write the list to this file instead")
        Path file;

        List(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return PromptCommands.list(config, file, out);
        }
    }

    @Command(name = "generate", description = "placeholder speech for every prompt (8 kHz mono WAV under DIR/duecall/)")
    static final class Generate implements Callable<Integer> {
        private final PrintStream out;
        @Option(names = "--config", paramLabel = "FILE", description = "add each configured campaign's company name")
        Path config;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the files")
        Path dir;
        @Option(names = "--tts", defaultValue = PlaceholderSpeech.ENGINE, paramLabel = "ENGINE",
                description = "the speech synthesizer (only ${DEFAULT-VALUE})")
        String engine;

        Generate(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            return PromptCommands.generate(config, dir, engine, out);
        }
    }

    @Command(name = "check", description = "a recordings folder against the list: missing, extra, format, rate, length")
    static final class Check implements Callable<Integer> {
        private final PrintStream out;
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "the recordings folder (or --dir)")
        Path positional;
        @Option(names = "--dir", paramLabel = "DIR", description = "the recordings folder")
        Path dir;
        @Option(names = "--config", paramLabel = "FILE", description = "add each configured campaign's company name")
        Path config;
        @Option(names = "--max-seconds", defaultValue = "30", paramLabel = "N",
                description = "the longest a prompt may be (default: ${DEFAULT-VALUE})")
        int maxSeconds;

        Check(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            var folder = positional != null ? positional : dir;
            if (folder == null) {
                throw new Main.UsageException("prompts check: the recordings folder is required (DIR or --dir DIR)");
            }
            return PromptCommands.check(config, folder, Duration.ofSeconds(maxSeconds), out);
        }
    }
}

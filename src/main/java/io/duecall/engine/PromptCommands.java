package io.duecall.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.duecall.adapter.csv.CsvFiles;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.prompts.PlaceholderSpeech;
import io.duecall.engine.prompts.PromptRecordings;
import io.duecall.ivr.flow.FlowLoader;
import io.duecall.ivr.flow.PromptList;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prompts list|generate|check}: the sound files a deployment records, placeholder speech for them, and a
 * check of a recordings folder. With {@code --config}, each configured campaign's company-name prompt is included.
 */
final class PromptCommands {
    static final Duration LONGEST_PROMPT = Duration.ofSeconds(30);

    private PromptCommands() {}

    static int list(Path config, Path file, PrintStream out) throws IOException {
        var prompts = prompts(config);
        if (file == null) {
            var writer = new PrintWriter(out);
            write(prompts, writer);
            writer.flush();
        } else {
            CsvOutput.write(file, writer -> write(prompts, writer));
            out.printf("duecall: %d prompts listed in %s%n", prompts.size(), file);
        }
        return 0;
    }

    static int generate(Path config, Path dir, String engine, PrintStream out) throws Exception {
        var prompts = prompts(config);
        if (!engine.equals(PlaceholderSpeech.ENGINE)) {
            throw new Main.UsageException("option --tts was '" + engine + "' (expected " + PlaceholderSpeech.ENGINE + ")");
        }
        var written = PlaceholderSpeech.fromPath().generate(prompts, dir);
        out.printf("duecall: %d placeholder prompts written under %s (8 kHz 16-bit mono WAV); copy %s/duecall to "
                + "Asterisk's sounds directory, then replace them with recordings as they arrive%n",
                written.size(), dir, dir);
        return 0;
    }

    static int check(Path config, Path dir, Duration longest, PrintStream out) throws IOException {
        var prompts = prompts(config);
        var problems = PromptRecordings.problems(dir, prompts, longest);
        problems.forEach(out::println);
        out.printf("duecall: %d prompts checked in %s: %s%n", prompts.size(), dir,
                problems.isEmpty() ? "OK" : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        return problems.isEmpty() ? 0 : 1;
    }

    /** The prompts of the flows the engine runs, and the configured campaigns' company names. */
    private static List<PromptList.Entry> prompts(Path config) throws IOException {
        if (config == null) {
            return PromptList.of(List.of(FlowLoader.defaultFlow(), FlowLoader.locationFlow()), List.of());
        }
        return prompts(EngineConfig.load(config).validate());
    }

    /** The prompts of the flows the engine runs, with each configured campaign's company name. */
    static List<PromptList.Entry> prompts(EngineConfig.Resolved config) {
        var companies = new ArrayList<PromptList.Company>();
        for (var campaign : config.campaigns().list()) {
            companies.add(new PromptList.Company(campaign.id().value(), campaign.companyName()));
        }
        return PromptList.of(List.of(FlowLoader.defaultFlow(), FlowLoader.locationFlow()), companies);
    }

    private static void write(List<PromptList.Entry> prompts, Writer out) {
        var schema = CsvSchema.builder().addColumn("file").addColumn("language").addColumn("text")
                .addColumn("used_in").build().withHeader();
        try (SequenceWriter rows = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build().writer(schema).writeValues(out)) {
            for (var prompt : prompts) {
                rows.write(List.of(CsvFiles.neutralize(prompt.file()), prompt.language(),
                        CsvFiles.neutralize(prompt.text()), CsvFiles.neutralize(String.join("; ", prompt.usedIn()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the prompt list", e);
        }
    }
}

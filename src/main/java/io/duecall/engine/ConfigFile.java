package io.duecall.engine;

import io.duecall.engine.config.EngineConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of the commands that work on a configured deployment. */
public final class ConfigFile {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "the engine's configuration (YAML), as ./duecall run reads it")
    Path file;

    /** The configuration, loaded and validated; a {@code ConfigException} names every bad key. */
    public EngineConfig.Resolved load() throws IOException {
        return EngineConfig.load(file).validate();
    }
}

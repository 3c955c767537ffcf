package io.duecall.engine;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A command that is not in the application jar but found on the class path when {@link Main} runs (the demos of module
 * {@code demo}, which need the PBX simulator, throwaway servers and the campaign simulator that a deployment does not
 * ship). An implementation is a picocli command (annotated {@code @Command}, its options as {@code @Option} fields)
 * listed in {@code META-INF/services/io.duecall.engine.PluggedCommand}; it returns 0 when it succeeded and 1 when it
 * failed, and throws {@link Main.UsageException} for a usage error.
 */
public interface PluggedCommand extends Callable<Integer> {
    /** Where the command prints; given before it runs. */
    void printTo(PrintStream out);
}

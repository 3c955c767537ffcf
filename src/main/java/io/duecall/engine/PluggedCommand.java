package io.duecall.engine;

import java.io.PrintStream;

/**
 * A command that is not in the application jar but found on the class path when {@link Main} runs (the demos of module
 * {@code demo}, which need the PBX simulator, throwaway servers and the campaign simulator that a deployment does not
 * ship). Implementations are listed in {@code META-INF/services/io.duecall.engine.PluggedCommand}.
 */
public interface PluggedCommand {
    /** The command's name on the command line, such as {@code demo}. */
    String name();

    /** Runs the command; 0 when it succeeded, 1 when it failed. A usage error throws {@link Main.UsageException}. */
    int run(Options options, PrintStream out) throws Exception;
}

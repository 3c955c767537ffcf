package io.duecall.engine;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: a bash completion script for every command and option, generated from the command line. */
@Command(name = "completion", description = "print a bash (and zsh) completion script for every command and option; "
        + "load it with: source <(./duecall completion)")
final class CompletionCommand implements Callable<Integer> {
    private final PrintStream out;
    @Spec
    CommandSpec spec;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("duecall", spec.parent().commandLine()));
        // As run from a checkout, too.
        out.println("complete -F _complete_duecall -o default ./duecall");
        return 0;
    }
}

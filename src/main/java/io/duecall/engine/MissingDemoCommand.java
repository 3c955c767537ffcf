package io.duecall.engine;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Stands in for a demo command when module {@code demo} is not on the class path, and says so. */
@Command(description = "(needs the demo module on the class path: ./duecall runs it so)")
final class MissingDemoCommand implements Callable<Integer> {
    private final String name;
    @Unmatched
    List<String> ignored;

    MissingDemoCommand(String name) {
        this.name = name;
    }

    @Override
    public Integer call() {
        throw new Main.UsageException("command '" + name + "' needs the demo module on the class path (duecall-demo.jar"
                + " and its lib/, as ./duecall " + name + " runs it); a deployment's application jar does not ship it");
    }
}

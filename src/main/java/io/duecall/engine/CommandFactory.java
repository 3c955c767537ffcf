package io.duecall.engine;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Makes the commands: one that takes a {@link PrintStream} in its constructor prints to the command line's output. */
record CommandFactory(PrintStream out) implements IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            var constructor = type.getDeclaredConstructor(PrintStream.class);
            constructor.setAccessible(true);
            return constructor.newInstance(out);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}

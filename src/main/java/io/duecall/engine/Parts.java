package io.duecall.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What an engine has started, in order. Closing stops the parts in the reverse order; a part that fails to stop is
 * reported on stderr and the others still stop.
 */
final class Parts implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();

    /** Adds {@code part}, to be stopped before every part added earlier; returns it. */
    <T extends AutoCloseable> T add(T part) {
        started.add(part);
        return part;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("duecall: stopping " + started.get(i).getClass().getSimpleName() + " failed: "
                        + e.getMessage());
            }
        }
        started.clear();
    }
}

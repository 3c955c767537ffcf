package io.duecall.bench;

import java.util.List;
import java.util.Locale;

/** The FastAGI figures of one run beside their targets. */
final class AgiFigures {
    private AgiFigures() {}

    static List<Figure> of(AgiSessionLoad.Result r) {
        return List.of(
                Figure.atLeast("concurrent FastAGI sessions held", r.concurrentPeak(), "sessions", r.sessions(),
                        String.format(Locale.ROOT, "target %,d at once", r.sessions())),
                Figure.atMost("FastAGI session errors", r.errors(), "sessions", 0, "must be 0"),
                Figure.report("heap per FastAGI session", r.heapBytesPerSession(), "bytes",
                        "heap used after GC, held minus idle, / sessions (server and simulated caller, one JVM)"),
                Figure.report("live platform threads at the peak", r.platformThreadsPeak(), "threads",
                        "whole JVM; sessions run on virtual threads"));
    }
}

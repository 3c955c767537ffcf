package io.duecall.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's load when the run started, so figures from a busy machine say so. */
final class LoadAverage {
    private LoadAverage() {}

    static String describe() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f at start", load);
    }
}

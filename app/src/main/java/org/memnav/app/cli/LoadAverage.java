package org.memnav.app.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's one-minute load average, printed under every benchmark table (figures swing with it). */
final class LoadAverage {
    private LoadAverage() {
    }

    /** Two decimals, or "n/a" where the platform does not report it. */
    static String now() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }
}

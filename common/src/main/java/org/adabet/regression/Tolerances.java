package org.adabet.regression;

import com.typesafe.config.Config;

/**
 * How much worse a later run may be before it counts as a regression.
 *
 * @param accuracyDrop percentage points of mean test accuracy a run may lose (and, with several
 *     seeds, it must also fall below the earlier run's interval)
 * @param memoryIncrease fraction by which peak training memory may grow (0.01 = 1%)
 * @param selectionTimeFactor how many times slower a selection may be ...
 * @param selectionTimeSlackMs ... and by how many ms at least, before it counts (host wall time is
 *     noisy)
 */
public record Tolerances(
        double accuracyDrop,
        double memoryIncrease,
        double selectionTimeFactor,
        double selectionTimeSlackMs) {
    /** The defaults of {@code conf/nightly.conf}. */
    public static final Tolerances DEFAULT = new Tolerances(1.0, 0.01, 3.0, 1000);

    public Tolerances {
        check("accuracy-drop", accuracyDrop, 0);
        check("memory-increase", memoryIncrease, 0);
        check("selection-time-factor", selectionTimeFactor, 1);
        check("selection-time-slack-ms", selectionTimeSlackMs, 0);
    }

    private static void check(String key, double value, double min) {
        if (!Double.isFinite(value) || value < min) {
            throw new IllegalArgumentException(
                    "nightly.compare." + key + " must be a number >= " + min + ", was " + value);
        }
    }

    /** The {@code compare} block of a nightly configuration; missing keys keep the defaults. */
    public static Tolerances from(Config compare) {
        return new Tolerances(
                number(compare, "accuracy-drop", DEFAULT.accuracyDrop),
                number(compare, "memory-increase", DEFAULT.memoryIncrease),
                number(compare, "selection-time-factor", DEFAULT.selectionTimeFactor),
                number(compare, "selection-time-slack-ms", DEFAULT.selectionTimeSlackMs));
    }

    private static double number(Config c, String key, double fallback) {
        if (!c.hasPath(key)) {
            return fallback;
        }
        try {
            return c.getDouble(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw new IllegalArgumentException(
                    "nightly.compare."
                            + key
                            + " must be a number, was "
                            + c.getValue(key).render());
        }
    }
}

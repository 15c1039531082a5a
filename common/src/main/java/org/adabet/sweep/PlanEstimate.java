package org.adabet.sweep;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of {@code adabet run --plan}: a stage's wall time as its summed task cost ({@link
 * PlanCosts}, {@link TrainingCost}) spread over the executor cores. Pure: no timing, no I/O.
 */
public final class PlanEstimate {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    private PlanEstimate() {}

    /**
     * One stage of the plan.
     *
     * @param tasks how many tasks the stage runs
     * @param coreMillis the summed cost of its tasks on one core; NaN when not estimated (driver
     *     work)
     */
    public record Stage(String name, long tasks, double coreMillis) {
        public Stage {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("stage name must not be blank, was " + name);
            }
            if (tasks < 0) {
                throw new IllegalArgumentException(
                        "stage " + name + ": tasks must be >= 0, was " + tasks);
            }
            if (coreMillis < 0 || Double.isInfinite(coreMillis)) {
                throw new IllegalArgumentException(
                        "stage " + name + ": coreMillis must be finite >= 0, was " + coreMillis);
            }
        }
    }

    /**
     * The cores tasks run on at once for a Spark master: {@code local} 1, {@code local[N]} N,
     * {@code local[*]} {@code available}; empty for a cluster master (its executors are not known
     * from the configuration).
     */
    public static OptionalInt cores(String master, int available) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        String n = m.group(1);
        if (n == null) {
            return OptionalInt.of(1);
        }
        return OptionalInt.of(n.equals("*") ? available : Math.max(1, Integer.parseInt(n)));
    }

    /** Wall time of a stage whose tasks cost {@code coreMillis} in all, on {@code cores} cores. */
    public static double wallMillis(double coreMillis, int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, was " + cores);
        }
        return coreMillis / cores;
    }

    /**
     * The plan as a table: stage, tasks, estimated time (wall time on {@code cores} cores, or
     * per-core time when the cores are unknown), then the total.
     */
    public static String table(List<Stage> stages, OptionalInt cores) {
        int c = cores.orElse(1);
        StringBuilder out = new StringBuilder();
        String unit = cores.isPresent() ? "estimated time" : "time on one core";
        out.append(String.format(Locale.ROOT, "%-22s %8s  %s%n", "stage", "tasks", unit));
        double total = 0;
        long tasks = 0;
        for (Stage s : stages) {
            String time;
            if (Double.isNaN(s.coreMillis())) {
                time = "- (driver)";
            } else {
                double wall = wallMillis(s.coreMillis(), c);
                total += wall;
                time = duration(wall);
            }
            tasks += s.tasks();
            out.append(String.format(Locale.ROOT, "%-22s %8d  %s%n", s.name(), s.tasks(), time));
        }
        out.append(String.format(Locale.ROOT, "%-22s %8d  %s%n", "total", tasks, duration(total)));
        return out.toString();
    }

    /** {@code 42 ms}, {@code 3.4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(double millis) {
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        double s = millis / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long secs = Math.round(s);
        if (secs < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", secs / 60, secs % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", secs / 3600, (secs % 3600) / 60);
    }
}

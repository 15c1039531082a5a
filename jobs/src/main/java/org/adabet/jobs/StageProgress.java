package org.adabet.jobs;

import java.util.Optional;

/**
 * Progress of one Spark job (one stage of the sweep) as lines a person can read: tasks done of the
 * total, failures, and the time left estimated from the mean task time so far. Lines come at each
 * tenth of the tasks and at least every {@link #QUIET_NANOS}, so a long stage is never silent and a
 * short one does not flood the console. Pure: the caller supplies the clock.
 */
final class StageProgress {
    static final long QUIET_NANOS = 30_000_000_000L;

    private final String description;
    private final int total;
    private final long startNanos;
    private int done;
    private int failed;
    private int lastTenth;
    private long lastPrintNanos;

    /**
     * @param description the Spark job's description; the part before a colon names the stage in
     *     the lines
     */
    StageProgress(String description, int total, long startNanos) {
        int colon = description.indexOf(':');
        this.description = colon > 0 ? description.substring(0, colon) : description;
        this.total = Math.max(total, 1);
        this.startNanos = startNanos;
        this.lastPrintNanos = startNanos;
    }

    /** Records one finished task attempt; returns a line when one is due. */
    Optional<String> taskEnded(boolean succeeded, long nowNanos) {
        done++;
        if (!succeeded) {
            failed++;
        }
        int tenth = (int) (10L * Math.min(done, total) / total);
        if (tenth == lastTenth && nowNanos - lastPrintNanos < QUIET_NANOS) {
            return Optional.empty();
        }
        lastTenth = tenth;
        lastPrintNanos = nowNanos;
        return Optional.of(line(nowNanos));
    }

    /** The closing line of the job. */
    String finished(long nowNanos) {
        return description
                + ": "
                + done
                + "/"
                + total
                + " tasks in "
                + duration(nowNanos - startNanos)
                + (failed > 0 ? ", " + failed + " failed attempts" : "");
    }

    private String line(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        long left = done >= total ? 0 : elapsed / done * (total - done);
        return description
                + ": "
                + Math.min(done, total)
                + "/"
                + total
                + " tasks"
                + (failed > 0 ? ", " + failed + " failed attempts" : "")
                + ", about "
                + duration(left)
                + " left";
    }

    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}

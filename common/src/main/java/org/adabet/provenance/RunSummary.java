package org.adabet.provenance;

/**
 * One row of the {@code runs} index: which run, of which configuration and code, when, and how it
 * went. Written when a run starts ({@code running}) and again when it ends.
 *
 * @param runDate the day (UTC, {@code YYYY-MM-DD}) the run's folder was made; a resumed run keeps
 *     it
 * @param created when this attempt started (ISO-8601, UTC)
 * @param finished when this attempt ended, or null while it runs (or when its driver died)
 * @param configHash the hash of the science configuration alone: equal for the same config on two
 *     commits, whose run ids differ
 * @param status {@link #RUNNING}, {@link #COMPLETE} or {@link #FAILED} (some task or selection
 *     failed; the run's {@code failures} table lists them)
 * @param tasks tasks planned over every resumable stage; {@code reused} of them were taken from an
 *     earlier attempt and {@code computed} were run by this one
 */
public record RunSummary(
        String runId,
        String name,
        String runDate,
        String created,
        String finished,
        String gitCommit,
        String configHash,
        String status,
        int attempt,
        int tasks,
        int reused,
        int computed,
        int failures,
        String folder,
        String sparkMaster,
        String projectVersion) {

    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    /** This summary at the end of the attempt, with its task counts and failures. */
    public RunSummary finished(
            String finishedAt, int tasks, int reused, int computed, int failures) {
        return new RunSummary(
                runId,
                name,
                runDate,
                created,
                finishedAt,
                gitCommit,
                configHash,
                failures == 0 ? COMPLETE : FAILED,
                attempt,
                tasks,
                reused,
                computed,
                failures,
                folder,
                sparkMaster,
                projectVersion);
    }
}

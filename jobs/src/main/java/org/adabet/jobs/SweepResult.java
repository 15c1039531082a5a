package org.adabet.jobs;

import java.util.List;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.StatisticsOutcome;

/**
 * What a sweep produced: where its tables are, and the results themselves (for tests and callers).
 *
 * @param outputDir the run folder's fully qualified Hadoop URI ({@code file:/...}, {@code
 *     hdfs://...})
 * @param failures how many tasks and selections failed (the rows of the {@code failures} table)
 * @param failuresTable where the {@code failures} table is
 * @param reusedTasks how many tasks were taken from an earlier attempt of the run instead of
 *     computed
 * @param stopped why the sweep stopped before its last stage ({@code --max-failures}), or null when
 *     every stage ran
 */
public record SweepResult(
        String runId,
        String outputDir,
        List<StatisticsOutcome> statistics,
        List<RetrainOutcome> retraining,
        List<RetrainOutcome> oracle,
        List<AgreementRow> agreement,
        ComparisonTable comparison,
        int failures,
        String failuresTable,
        int reusedTasks,
        String stopped) {

    /** The exit status of {@code adabet run} for failed tasks or selections. */
    public static final int SOME_FAILED = 3;

    /** 0 when nothing failed, {@link #SOME_FAILED} when any task or selection did. */
    public int exitStatus() {
        return failures == 0 ? 0 : SOME_FAILED;
    }

    /**
     * One line for the console: how many failed and where they are listed; null when none failed.
     */
    public String failureSummary() {
        return failures == 0
                ? null
                : failures
                        + " task(s) or selection(s) failed; listed in "
                        + failuresTable
                        + (stopped == null ? "" : "; " + stopped);
    }
}

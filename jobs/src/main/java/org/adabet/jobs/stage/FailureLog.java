package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.sweep.TaskFailure;
import org.apache.spark.sql.Row;

/**
 * The failed tasks and selections of one attempt of a run: the rows of its {@code failures} table.
 */
public final class FailureLog {
    private final String runId;
    private final int attempt;
    private final List<Row> rows = new ArrayList<>();

    public FailureLog(String runId, int attempt) {
        this.runId = runId;
        this.attempt = attempt;
    }

    public void add(TaskFailure failure, long epochMillis) {
        rows.add(Tables.failureRow(runId, failure, attempt, epochMillis));
    }

    public List<Row> rows() {
        return rows;
    }

    public int attempt() {
        return attempt;
    }
}

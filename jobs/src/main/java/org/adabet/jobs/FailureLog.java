package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.sweep.TaskFailure;
import org.apache.spark.sql.Row;

/**
 * The failed tasks and selections of one attempt of a run: the rows of its {@code failures} table.
 */
final class FailureLog {
    private final String runId;
    private final int attempt;
    private final List<Row> rows = new ArrayList<>();

    FailureLog(String runId, int attempt) {
        this.runId = runId;
        this.attempt = attempt;
    }

    void add(TaskFailure failure, long epochMillis) {
        rows.add(Tables.failureRow(runId, failure, attempt, epochMillis));
    }

    List<Row> rows() {
        return rows;
    }

    int attempt() {
        return attempt;
    }
}

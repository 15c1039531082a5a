package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.SweepPlan;
import org.adabet.sweep.TaskFailure;
import org.adabet.sweep.TaskKeys;
import org.apache.spark.sql.Row;

/**
 * layers + layer and gradient statistics -> {@code selections}: what each method chooses for each
 * pair, budget and seed, or why it cannot; a selection that cannot choose is a failure of stage
 * {@code selection} and is not retrained.
 */
final class SelectionsStage extends Stage {
    SelectionsStage() {
        super(
                "selections",
                List.of(Tables.LAYERS, Tables.LAYER_STATISTICS, Tables.GRADIENT_STATISTICS),
                List.of(Tables.SELECTIONS));
    }

    @Override
    public void run(StageContext c) {
        SweepPlan.Runs runs =
                c.plan()
                        .retrainTasks(
                                c.layers().layers(), c.selectionInputs(), c.layers().trainSizes());
        List<Row> rows = new ArrayList<>();
        runs.tasks()
                .forEach(t -> rows.add(Tables.selectionRow(c.runId(), t, null, headForced(c, t))));
        long chosen = System.currentTimeMillis();
        runs.failed()
                .forEach(
                        o -> {
                            rows.add(
                                    Tables.selectionRow(
                                            c.runId(),
                                            o.task(),
                                            o.error(),
                                            headForced(c, o.task())));
                            c.failures()
                                    .add(
                                            TaskFailure.of(
                                                    "selection",
                                                    TaskKeys.retrain(o.task()),
                                                    o.error(),
                                                    "EmptySelection"),
                                            chosen);
                        });
        c.write(Tables.SELECTIONS, Tables.SELECTIONS_SCHEMA, rows);
    }

    private static boolean headForced(StageContext c, RetrainTask task) {
        return SelectionMethods.forcesHead(
                SelectionMethods.get(task.method()), c.config().selection().forceHead());
    }
}

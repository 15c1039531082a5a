package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.sweep.PairDescription;
import org.adabet.sweep.SweepTasks;
import org.adabet.sweep.TaskFailure;
import org.apache.spark.sql.Row;

/**
 * plan -> {@code layers}: one task per pair, on an executor, describes the pair's candidate layers
 * and its training-split size, so that the driver neither builds a network nor reads a dataset. A
 * pair that cannot be described (an unreadable dataset) is recorded as a failure and left out of
 * the later stages.
 */
final class PlanStage extends Stage {
    PlanStage() {
        super("plan", List.of(), List.of(Tables.LAYERS));
    }

    @Override
    public void run(StageContext c) {
        SweepConfig config = c.config();
        List<PairDescription> described =
                c.runner()
                        .distribute(name(), c.plan().pairs(), p -> SweepTasks.describe(config, p));
        List<Row> rows = new ArrayList<>();
        Map<String, Object> datasets = new TreeMap<>();
        long now = System.currentTimeMillis();
        for (PairDescription d : described) {
            if (!d.succeeded()) {
                c.failures()
                        .add(TaskFailure.of(name(), d.pair().key(), d.error(), "TaskFailed"), now);
                continue;
            }
            rows.addAll(Tables.layerRows(c.runId(), d));
            if (!d.datasetReport().isEmpty()) {
                datasets.put(d.pair().target(), d.datasetReport());
            }
        }
        c.write(Tables.LAYERS, Tables.LAYERS_SCHEMA, rows);
        c.facts().put("datasets", datasets);
    }
}

package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.sweep.Pair;
import org.adabet.sweep.StatisticsOutcome;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.SweepTasks;
import org.adabet.sweep.TaskKeys;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * layers + pretrained models -> {@code layer_statistics}: one resumable task per described pair x
 * statistics draw x unlabelled batch (AdaBet's forward passes and persistence).
 */
final class StatisticsStage extends Stage {
    StatisticsStage() {
        super(
                "layer_statistics",
                List.of(Tables.LAYERS, Tables.PRETRAIN),
                List.of(Tables.LAYER_STATISTICS));
    }

    @Override
    public void run(StageContext c) {
        List<Pair> described = c.pairs();
        List<StatisticsTask> tasks =
                c.plan().statisticsTasks().stream()
                        .filter(t -> described.contains(t.pair()))
                        .toList();
        SweepConfig config = c.config();
        Broadcast<Map<String, PretrainedModel>> models = c.models();
        List<StatisticsOutcome> outcomes =
                c.runner()
                        .run(
                                name(),
                                StatisticsOutcome.class,
                                tasks,
                                TaskKeys::statistics,
                                t ->
                                        SweepTasks.statistics(
                                                config,
                                                models.value().get(t.pair().architecture()),
                                                t),
                                StatisticsOutcome::error);
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(Tables.statisticsRows(c.runId(), o)));
        c.write(Tables.LAYER_STATISTICS, Tables.LAYER_STATISTICS_SCHEMA, rows);
    }
}

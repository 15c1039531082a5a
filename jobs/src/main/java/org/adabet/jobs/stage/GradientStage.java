package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.sweep.GradientOutcome;
import org.adabet.sweep.Pair;
import org.adabet.sweep.SweepTasks;
import org.adabet.sweep.TaskKeys;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * layers + pretrained models -> {@code gradient_statistics}: one resumable task per described pair
 * that a configured method needs gradients for (one labelled batch, forward + backward).
 */
final class GradientStage extends Stage {
    GradientStage() {
        super(
                "gradient_statistics",
                List.of(Tables.LAYERS, Tables.PRETRAIN),
                List.of(Tables.GRADIENT_STATISTICS));
    }

    @Override
    public void run(StageContext c) {
        List<Pair> described = c.pairs();
        List<Pair> pairs = c.plan().gradientTasks().stream().filter(described::contains).toList();
        SweepConfig config = c.config();
        Broadcast<Map<String, PretrainedModel>> models = pairs.isEmpty() ? null : c.models();
        List<GradientOutcome> outcomes =
                c.runner()
                        .run(
                                name(),
                                GradientOutcome.class,
                                pairs,
                                TaskKeys::gradients,
                                p ->
                                        SweepTasks.gradients(
                                                config, models.value().get(p.architecture()), p),
                                GradientOutcome::error);
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(Tables.gradientRows(c.runId(), o)));
        c.write(Tables.GRADIENT_STATISTICS, Tables.GRADIENT_STATISTICS_SCHEMA, rows);
    }
}

package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.TableDecoding;
import org.adabet.jobs.schema.Tables;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.SweepTasks;
import org.adabet.sweep.TaskKeys;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Retraining runs as resumable Spark tasks: {@code selections} -> {@code retrain_runs} (one run per
 * pair x method x budget x seed; a failed selection becomes a failed row untrained), and layers ->
 * {@code oracle_runs} (every candidate layer alone, once per seed) when the oracle is on.
 */
final class RetrainStage extends Stage {
    private final boolean oracle;

    RetrainStage(boolean oracle) {
        super(
                oracle ? "oracle" : "retrain",
                oracle
                        ? List.of(Tables.LAYERS, Tables.PRETRAIN)
                        : List.of(Tables.LAYERS, Tables.PRETRAIN, Tables.SELECTIONS),
                List.of(oracle ? Tables.ORACLE_RUNS : Tables.RETRAIN_RUNS));
        this.oracle = oracle;
    }

    @Override
    public void run(StageContext c) {
        if (oracle && !c.config().oracle()) {
            return;
        }
        List<RetrainTask> tasks = new ArrayList<>();
        List<RetrainOutcome> notRun = new ArrayList<>();
        if (oracle) {
            tasks.addAll(c.plan().oracleTasks(c.layers().layers(), c.layers().trainSizes()));
        } else {
            for (Row r : c.read(Tables.SELECTIONS)) {
                TableDecoding.Selection s = TableDecoding.selection(r, c.plan(), c.layers());
                if (s.error() == null) {
                    tasks.add(s.task());
                } else {
                    notRun.add(RetrainOutcome.failed(s.task(), s.error()));
                }
            }
        }
        SweepConfig config = c.config();
        Broadcast<Map<String, PretrainedModel>> models = tasks.isEmpty() ? null : c.models();
        List<RetrainOutcome> outcomes =
                new ArrayList<>(
                        c.runner()
                                .run(
                                        name(),
                                        RetrainOutcome.class,
                                        tasks,
                                        TaskKeys::retrain,
                                        t ->
                                                SweepTasks.retrain(
                                                        config,
                                                        models.value().get(t.pair().architecture()),
                                                        t),
                                        RetrainOutcome::error,
                                        RetrainTask::trainingFlops));
        outcomes.addAll(notRun);
        c.write(
                oracle ? Tables.ORACLE_RUNS : Tables.RETRAIN_RUNS,
                Tables.RETRAIN_RUNS_SCHEMA,
                outcomes.stream()
                        .map(o -> Tables.retrainRow(c.runId(), o, config.devices()))
                        .toList());
    }

    /**
     * The outcomes recorded in {@code retrain_runs}, in the order of the {@code selections} table,
     * each with its task rebuilt from its selection.
     */
    static List<RetrainOutcome> retrainOutcomes(StageContext c) {
        Map<String, Row> byKey = new java.util.HashMap<>();
        for (Row r : c.read(Tables.RETRAIN_RUNS)) {
            byKey.put(TableDecoding.runKey(r), r);
        }
        List<RetrainOutcome> out = new ArrayList<>();
        for (Row s : c.read(Tables.SELECTIONS)) {
            Row run = byKey.get(TableDecoding.runKey(s));
            if (run != null) {
                TableDecoding.Selection sel = TableDecoding.selection(s, c.plan(), c.layers());
                out.add(TableDecoding.outcome(run, sel.task()));
            }
        }
        return out;
    }

    /** The outcomes recorded in {@code oracle_runs}, in the plan's order of oracle runs. */
    static List<RetrainOutcome> oracleOutcomes(StageContext c) {
        if (!c.config().oracle()) {
            return List.of();
        }
        Map<String, Row> byKey = new java.util.HashMap<>();
        for (Row r : c.read(Tables.ORACLE_RUNS)) {
            byKey.put(oracleKey(r), r);
        }
        List<RetrainOutcome> out = new ArrayList<>();
        for (RetrainTask t : c.plan().oracleTasks(c.layers().layers(), c.layers().trainSizes())) {
            Row run = byKey.get(t.key() + "|" + t.layers());
            if (run != null) {
                out.add(TableDecoding.outcome(run, t));
            }
        }
        return out;
    }

    private static String oracleKey(Row r) {
        return TableDecoding.runKey(r) + "|" + r.getList(r.fieldIndex("layers"));
    }
}

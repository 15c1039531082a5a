package org.adabet.jobs.stage;

import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.StatisticsOutcome;

/** The stages of a sweep in the order they run, and what their tables say read back. */
public final class Stages {
    /** Every stage, in data-flow order. */
    public static final List<Stage> ALL =
            List.of(
                    new PlanStage(),
                    new PretrainStage(),
                    new StatisticsStage(),
                    new GradientStage(),
                    new ScoresStage(),
                    new RankStabilityStage(),
                    new SelectionsStage(),
                    new RetrainStage(false),
                    new RetrainStage(true),
                    new AgreementStage(),
                    new ComparisonStage(),
                    new TestsStage());

    private Stages() {}

    /** The stage called {@code name}. */
    public static Stage named(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no stage '"
                                                + name
                                                + "'; stages: "
                                                + String.join(", ", names())));
    }

    public static List<String> names() {
        return ALL.stream().map(Stage::name).toList();
    }

    /** The stage that writes {@code table}, or "none" when no stage does. */
    static String writerOf(String table) {
        return ALL.stream()
                .filter(s -> s.outputs().contains(table))
                .map(Stage::name)
                .findFirst()
                .orElse("none");
    }

    /** The statistics outcomes recorded in the run's {@code layer_statistics} table. */
    public static List<StatisticsOutcome> statistics(StageContext c) {
        return org.adabet.jobs.schema.TableDecoding.statistics(
                c.read(Tables.LAYER_STATISTICS), c.plan().statisticsTasks());
    }

    /** The retraining outcomes recorded in {@code retrain_runs}. */
    public static List<RetrainOutcome> retraining(StageContext c) {
        return RetrainStage.retrainOutcomes(c);
    }

    /** The oracle outcomes recorded in {@code oracle_runs} (none when the oracle is off). */
    public static List<RetrainOutcome> oracle(StageContext c) {
        return RetrainStage.oracleOutcomes(c);
    }

    /** The agreement of each scoring method with the oracle, from the run's tables. */
    public static List<AgreementRow> agreement(StageContext c) {
        return AgreementStage.rows(c);
    }

    /** The comparison table, from the run's tables. */
    public static ComparisonTable comparison(StageContext c) {
        return ComparisonStage.table(c);
    }
}

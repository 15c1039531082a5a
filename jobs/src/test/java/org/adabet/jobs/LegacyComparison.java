package org.adabet.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.device.DeviceProfile;
import org.adabet.report.ComparisonRow;
import org.adabet.report.ComparisonTable;
import org.adabet.stats.Summary;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;

/**
 * The comparison table as the driver built it before the comparison stage became a Spark SQL query:
 * every run decoded into a {@link RetrainOutcome} and grouped and summarised in Java loops. Kept,
 * verbatim but for its class, only as the oracle of {@code ComparisonSqlTest}.
 */
final class LegacyComparison {
    private LegacyComparison() {}

    /** Groups outcomes by (pair, method, budget) in a fixed order and summarises their seeds. */
    static ComparisonTable of(
            List<RetrainOutcome> outcomes,
            Map<String, Integer> layersPerPair,
            List<DeviceProfile> devices) {
        Map<String, List<RetrainOutcome>> groups = new TreeMap<>();
        for (RetrainOutcome o : outcomes) {
            groups.computeIfAbsent(groupKey(o.task()), k -> new ArrayList<>()).add(o);
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (List<RetrainOutcome> g : groups.values()) {
            g.sort(Comparator.comparingLong(o -> o.task().seed()));
            List<RetrainOutcome> ok = g.stream().filter(RetrainOutcome::succeeded).toList();
            RetrainTask first = g.get(0).task();
            long peak = g.stream().mapToLong(o -> o.task().memory().total()).max().orElse(0);
            double flops = mean(g.stream().mapToDouble(o -> o.task().trainingFlops()).toArray());
            rows.add(
                    new ComparisonRow(
                            first.pair().key(),
                            first.method(),
                            first.budget() == null ? "-" : first.budget().label(),
                            ok.size(),
                            g.size() - ok.size(),
                            Summary.of(
                                    ok.stream().mapToDouble(o -> 100 * o.testAccuracy()).toArray()),
                            100
                                    * mean(
                                            ok.stream()
                                                    .mapToDouble(RetrainOutcome::finalAccuracy)
                                                    .toArray()),
                            100
                                    * mean(
                                            ok.stream()
                                                    .mapToDouble(RetrainOutcome::validationAccuracy)
                                                    .toArray()),
                            100
                                    * mean(
                                            ok.stream()
                                                    .mapToDouble(RetrainOutcome::accuracyBefore)
                                                    .toArray()),
                            first.layers().size(),
                            layersPerPair.getOrDefault(first.pair().key(), 0),
                            Math.round(
                                    mean(
                                            ok.stream()
                                                    .mapToDouble(
                                                            RetrainOutcome::trainableParameters)
                                                    .toArray())),
                            ok.isEmpty() ? 0 : ok.get(0).totalParameters(),
                            peak,
                            g.stream()
                                    .mapToLong(o -> o.task().referenceMemoryBytes())
                                    .max()
                                    .orElse(0),
                            devices.stream()
                                    .filter(d -> d.fits(peak))
                                    .map(DeviceProfile::name)
                                    .toList(),
                            devices.stream().map(d -> d.seconds(flops)).toList(),
                            mean(g.stream().mapToDouble(o -> o.task().selectionMillis()).toArray()),
                            first.selectionPeakBytes(),
                            first.selectionCost().needsLabels(),
                            first.selectionCost().forwardPasses(),
                            first.selectionCost().backwardPasses(),
                            mean(ok.stream().mapToDouble(RetrainOutcome::trainMillis).toArray()),
                            String.join(" ", first.layers())));
        }
        return ComparisonTable.of(rows, devices);
    }

    private static String groupKey(RetrainTask t) {
        // Within a pair: methods in name order; budgets without a value first, then rho, then
        // memory.
        String budget =
                t.budget() == null
                        ? "0"
                        : t.budget().rho() != null
                                ? String.format(Locale.ROOT, "1%012.6f", t.budget().rho())
                                : String.format(Locale.ROOT, "2%020d", t.budget().memoryBytes());
        return t.pair().key() + "\u0000" + t.method() + "\u0000" + budget;
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

package org.adabet.report;

import static org.adabet.report.ComparisonTable.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.stats.PairedComparison;

/**
 * The paper's two headline claims beside this sweep's figures ({@code claims.md}): AdaBet's
 * accuracy gain over gradient-based selection (+5 points in the paper's first version, +2.5 in the
 * second) and its average peak-memory reduction (about 40%), each with a 95% interval across pairs,
 * a p-value and a plain verdict.
 *
 * <p>Gradient-based selection = {@code fisher}, {@code rgn} and {@code elastic}, each compared at
 * adabet's budgets, and their mean per pair. Peak memory of a run = the larger of the method's
 * selection peak and its training peak (our analytic model): a gradient method's selection needs a
 * backward pass, AdaBet's does not. The training peak alone is given beside it.
 */
public final class Claims {
    /** The gradient-based peers of the paper's comparison, as named here. */
    public static final List<String> GRADIENT = List.of("fisher", "rgn", "elastic");

    public static final double GAIN_V1 = 5.0;
    public static final double GAIN_V2 = 2.5;
    public static final double MEMORY_REDUCTION = 40.0;
    private static final String MEAN = "mean of gradient methods";

    private Claims() {}

    /**
     * @param accuracies one per method, budget, pair and seed, as {@link MethodTests#of} takes
     * @param peaks one per method, budget and pair
     * @param tests {@link MethodTests#of} of {@code accuracies}
     */
    public static String toMarkdown(
            String suite,
            List<SeedAccuracy> accuracies,
            List<PairPeak> peaks,
            List<TestRow> tests) {
        StringBuilder sb =
                new StringBuilder("# The paper's claims beside this sweep (" + suite + ")\n\n");
        sb.append(
                "Gradient-based selection: "
                        + String.join(", ", GRADIENT)
                        + " (those swept), each at adabet's budget, and their mean per pair. "
                        + "Intervals: 95% t intervals across pairs. p: the across-pairs paired "
                        + "test of tests.md (Holm-adjusted over every method compared with "
                        + "adabet at that budget; the mean of gradient methods is one extra, "
                        + "unadjusted test). A verdict needs p < 0.05.\n\n");
        sb.append("## Accuracy gain over gradient-based selection\n\n");
        sb.append(
                "Paper: +"
                        + fmt(GAIN_V1, 1)
                        + " points (v1), +"
                        + fmt(GAIN_V2, 1)
                        + " (v2). "
                        + "Ours: adabet's test accuracy minus the baseline's, points, mean over "
                        + "pairs of per-pair means over seeds.\n\n");
        sb.append("| budget | baseline | pairs | gain | 95% CI | test | p | p_holm | verdict |\n");
        sb.append("|---|---|---:|---:|---|---|---:|---:|---|\n");
        var acc = MethodTests.accuracies(accuracies);
        for (String budget : budgets(acc)) {
            for (String g : GRADIENT) {
                tests.stream()
                        .filter(
                                t ->
                                        t.scope().equals(TestRow.ACROSS)
                                                && t.budget().equals(budget)
                                                && t.method().equals(g))
                        .findFirst()
                        .ifPresent(
                                t -> accuracyRow(sb, budget, g, negate(t.comparison()), t.pHolm()));
            }
            PairedComparison mean = meanGradientGain(acc, budget);
            if (mean != null) {
                accuracyRow(sb, budget, MEAN, mean, Double.NaN);
            }
        }
        sb.append("\n## Peak-memory reduction\n\n");
        sb.append(
                "Paper: about "
                        + fmt(MEMORY_REDUCTION, 0)
                        + "% lower average peak memory. "
                        + "Ours: 100 x (1 - adabet's peak / the baseline's peak) per pair "
                        + "(largest over seeds), mean over pairs; peak = max(selection, "
                        + "training); training alone beside it.\n\n");
        sb.append(
                "| budget | baseline | pairs | reduction % | 95% CI | test | p | training-only % |"
                        + " verdict |\n");
        sb.append("|---|---|---:|---:|---|---|---:|---:|---|\n");
        for (String budget : budgets(acc)) {
            for (String g : baselines()) {
                PairedComparison overall = memoryReduction(peaks, budget, g, true);
                if (overall == null) {
                    continue;
                }
                PairedComparison training = memoryReduction(peaks, budget, g, false);
                sb.append("| ")
                        .append(budget)
                        .append(" | ")
                        .append(g)
                        .append(" | ")
                        .append(overall.n())
                        .append(" | ")
                        .append(fmt(overall.difference().mean(), 1))
                        .append(" | ")
                        .append(
                                TestsTable.ci(
                                        overall.difference().ci95Low(),
                                        overall.difference().ci95High()))
                        .append(" | ")
                        .append(overall.test())
                        .append(" | ")
                        .append(TestsTable.p(overall.pValue()))
                        .append(" | ")
                        .append(fmt(training.difference().mean(), 1))
                        .append(" | ")
                        .append(
                                verdict(
                                        overall,
                                        overall.pValue(),
                                        MEMORY_REDUCTION,
                                        "%",
                                        "reduction"))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Each gradient method, then their mean. */
    private static List<String> baselines() {
        List<String> out = new ArrayList<>(GRADIENT);
        out.add(MEAN);
        return out;
    }

    private static void accuracyRow(
            StringBuilder sb, String budget, String baseline, PairedComparison c, double pHolm) {
        double p = Double.isNaN(pHolm) ? c.pValue() : pHolm;
        sb.append("| ")
                .append(budget)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(c.n())
                .append(" | ")
                .append(fmt(c.difference().mean(), 2))
                .append(" | ")
                .append(TestsTable.ci(c.difference().ci95Low(), c.difference().ci95High()))
                .append(" | ")
                .append(c.test())
                .append(" | ")
                .append(TestsTable.p(c.pValue()))
                .append(" | ")
                .append(TestsTable.p(pHolm))
                .append(" | ")
                .append(
                        verdict(c, p, GAIN_V1, " points", "gain")
                                + "; v2's +"
                                + fmt(GAIN_V2, 1)
                                + " "
                                + where(c, GAIN_V2))
                .append(" |\n");
    }

    /**
     * A plain verdict: the direction when {@code p < 0.05}, else "no significant difference", and
     * where the paper's figure lies against our interval.
     */
    static String verdict(PairedComparison c, double p, double claim, String unit, String what) {
        String paper =
                "the paper's " + fmt(claim, claim % 1 == 0 ? 0 : 1) + unit + " " + where(c, claim);
        if (Double.isNaN(p)) {
            return "not testable (n = " + c.n() + "); " + paper;
        }
        if (p < 0.05) {
            return (c.difference().mean() > 0 ? "AdaBet ahead (" : "AdaBet behind (")
                    + what
                    + " "
                    + fmt(c.difference().mean(), 1)
                    + ", p = "
                    + fmt(p, 3)
                    + "); "
                    + paper;
        }
        return "no significant " + what + " (p = " + fmt(p, 3) + "); " + paper;
    }

    private static String where(PairedComparison c, double claim) {
        double low = c.difference().ci95Low();
        double high = c.difference().ci95High();
        if (Double.isNaN(low)) {
            return "(no interval)";
        }
        return claim < low
                ? "is below our interval"
                : claim > high ? "is above our interval" : "is inside our interval";
    }

    private static PairedComparison negate(PairedComparison c) {
        var d = c.difference();
        return new PairedComparison(
                c.n(),
                c.nonZero(),
                new org.adabet.stats.Summary(d.n(), -d.mean(), d.sd(), -d.ci95High(), -d.ci95Low()),
                c.test(),
                c.test().equals("paired_t") ? -c.statistic() : c.statistic(),
                c.pValue());
    }

    /** Adabet's budgets, in label order. */
    private static List<String> budgets(
            Map<String, Map<String, Map<String, Map<Long, Double>>>> acc) {
        var base = acc.get(MethodTests.BASELINE);
        return base == null ? List.of() : new ArrayList<>(base.keySet());
    }

    /** Per pair: adabet's mean minus the mean of the gradient methods' means (pairs with all). */
    private static PairedComparison meanGradientGain(
            Map<String, Map<String, Map<String, Map<Long, Double>>>> acc, String budget) {
        Map<String, Map<Long, Double>> base = acc.get(MethodTests.BASELINE).get(budget);
        List<Map<String, Map<Long, Double>>> peers = new ArrayList<>();
        for (String g : GRADIENT) {
            var byBudget = acc.get(g);
            if (byBudget != null && byBudget.get(budget) != null) {
                peers.add(byBudget.get(budget));
            }
        }
        if (peers.size() < 2) {
            return null;
        }
        List<Double> gains = new ArrayList<>();
        base.forEach(
                (pair, seeds) -> {
                    if (peers.stream().allMatch(p -> p.containsKey(pair))) {
                        double peer =
                                peers.stream()
                                        .mapToDouble(p -> MethodTests.mean(p.get(pair)))
                                        .average()
                                        .orElseThrow();
                        gains.add(MethodTests.mean(seeds) - peer);
                    }
                });
        return PairedComparison.of(gains.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Per pair: 100 * (1 - adabet's peak / the baseline's), peaks the largest over seeds (memory is
     * known before training, so failed runs count too).
     *
     * @param baseline a gradient method, or {@link #MEAN} for the mean of their peaks
     * @param withSelection the larger of selection and training peak, else training only
     */
    private static PairedComparison memoryReduction(
            List<PairPeak> peaks, String budget, String baseline, boolean withSelection) {
        Map<String, Map<String, Long>> peak = new TreeMap<>(); // method -> pair -> bytes
        for (PairPeak p : peaks) {
            if (!p.budget().equals(budget)) {
                continue;
            }
            long bytes = withSelection ? p.peakWithSelectionBytes() : p.peakBytes();
            if (peak.computeIfAbsent(p.method(), k -> new TreeMap<>()).put(p.pair(), bytes)
                    != null) {
                throw new IllegalArgumentException("two peaks for one pair: " + p);
            }
        }
        Map<String, Long> base = peak.get(MethodTests.BASELINE);
        List<String> peers = baseline.equals(MEAN) ? GRADIENT : List.of(baseline);
        List<Map<String, Long>> theirs =
                peers.stream().filter(peak::containsKey).map(peak::get).toList();
        if (base == null || theirs.isEmpty() || (baseline.equals(MEAN) && theirs.size() < 2)) {
            return null;
        }
        List<Double> reductions = new ArrayList<>();
        base.forEach(
                (pair, bytes) -> {
                    if (theirs.stream().allMatch(t -> t.containsKey(pair))) {
                        double other =
                                theirs.stream()
                                        .mapToDouble(t -> t.get(pair))
                                        .average()
                                        .orElseThrow();
                        reductions.add(100 * (1 - bytes / other));
                    }
                });
        return PairedComparison.of(reductions.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

package org.adabet.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.adabet.seed.Seeds;
import org.adabet.selection.LayerBudget;
import org.adabet.selection.ScoringMethod;
import org.adabet.selection.SelectionContext;
import org.adabet.selection.SelectionMethod;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairSelectionInputs;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.SweepPlan;

/** Scores of every scoring method per pair, and their agreement with the oracle runs. */
public final class Agreements {
    private Agreements() {}

    /**
     * Every scoring method's layer scores for a pair; methods whose evidence is missing are left
     * out.
     */
    public static Map<String, Map<String, Double>> scores(
            SweepConfig config,
            SweepPlan plan,
            Pair pair,
            List<LayerInfo> layers,
            PairSelectionInputs inputs) {
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        SelectionContext context =
                new SelectionContext(
                        layers,
                        inputs.evidence(),
                        org.adabet.selection.Budget.ofRho(1.0),
                        Seeds.derive(config.seed(), "scores|" + pair.key()),
                        plan.memoryModel(),
                        config.selection().channelFraction());
        for (String name : SelectionMethods.names()) {
            SelectionMethod m = SelectionMethods.get(name);
            if (m instanceof ScoringMethod scoring) {
                try {
                    out.put(name, scoring.scores(context));
                } catch (IllegalArgumentException missingEvidence) {
                    // No statistics or gradients for this pair: nothing to compare.
                }
            }
        }
        return out;
    }

    /**
     * Per pair and scoring method: rank correlations and top-k overlaps (k = floor(rho * L) for
     * each configured rho) of the method's scores with the oracle's mean accuracy gains.
     */
    public static List<AgreementRow> compute(
            SweepConfig config,
            Map<Pair, List<LayerInfo>> layers,
            Map<Pair, Map<String, Map<String, Double>>> scores,
            List<RetrainOutcome> oracle) {
        List<AgreementRow> rows = new ArrayList<>();
        for (Map.Entry<Pair, List<LayerInfo>> e : layers.entrySet()) {
            Map<String, Double> gains = gains(e.getKey(), oracle);
            if (gains.size() != e.getValue().size()) {
                continue; // some oracle runs failed: no complete ranking to compare with
            }
            List<Integer> ks =
                    config.selection().rhos().stream()
                            .map(r -> LayerBudget.layers(r, e.getValue().size()))
                            .distinct()
                            .toList();
            double[] random = randomSpearman(config, e.getKey(), e.getValue(), gains, ks);
            scores.getOrDefault(e.getKey(), Map.of())
                    .forEach(
                            (method, s) ->
                                    rows.add(
                                            OracleAgreement.of(
                                                            e.getKey().key(),
                                                            method,
                                                            e.getValue(),
                                                            gains,
                                                            s,
                                                            ks)
                                                    .withNull(random)));
        }
        return rows;
    }

    /**
     * Spearman correlations with the oracle's gains of {@code selection.random-draws} random layer
     * scorings (RandomSelection's; draw 0 is the {@code random} row's own): the null distribution
     * every method's agreement is read against.
     */
    static double[] randomSpearman(
            SweepConfig config,
            Pair pair,
            List<LayerInfo> layers,
            Map<String, Double> gains,
            List<Integer> ks) {
        int draws = config.selection().randomDraws();
        double[] out = new double[draws];
        ScoringMethod random = (ScoringMethod) SelectionMethods.get("random");
        for (int d = 0; d < draws; d++) {
            String key = "scores|" + pair.key() + (d == 0 ? "" : "|draw=" + d);
            SelectionContext context =
                    new SelectionContext(
                            layers,
                            org.adabet.selection.PairEvidence.NONE,
                            org.adabet.selection.Budget.ofRho(1.0),
                            Seeds.derive(config.seed(), key),
                            null,
                            config.selection().channelFraction());
            out[d] =
                    OracleAgreement.of(
                                    pair.key(), "random", layers, gains, random.scores(context), ks)
                            .spearman();
        }
        return out;
    }

    /**
     * Mean over seeds of (test accuracy at the validation-chosen epoch - accuracy before) per
     * layer, from successful oracle runs.
     */
    public static Map<String, Double> gains(Pair pair, List<RetrainOutcome> oracle) {
        Map<String, double[]> sums = new HashMap<>();
        for (RetrainOutcome o : oracle) {
            if (o.task().pair().equals(pair) && o.succeeded()) {
                double[] s = sums.computeIfAbsent(o.task().layers().get(0), k -> new double[2]);
                s[0] += o.testAccuracy() - o.accuracyBefore();
                s[1]++;
            }
        }
        Map<String, Double> out = new HashMap<>();
        sums.forEach((layer, s) -> out.put(layer, s[0] / s[1]));
        return out;
    }
}

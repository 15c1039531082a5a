package org.adabet.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.adabet.seed.Seeds;
import org.adabet.selection.LayerBudget;
import org.adabet.selection.LayerRanking;
import org.adabet.selection.ScoringMethod;
import org.adabet.selection.SelectionContext;
import org.adabet.selection.SelectionMethod;
import org.adabet.selection.SelectionMethods;
import org.adabet.stats.Bootstrap;
import org.adabet.stats.SplitHalf;
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

    /** Resamples of each Spearman's bootstrap interval (over layers). */
    public static final int BOOTSTRAP_RESAMPLES = 1000;

    /**
     * Per pair and scoring method: rank correlations and top-k overlaps (k = floor(rho * L) for
     * each configured rho) of the method's scores with the oracle's mean accuracy gains, each
     * Spearman with its bootstrap interval, the null distribution of random scorings and the
     * oracle's noise ceiling. A pair some of whose layers have no successful oracle run keeps its
     * rows, with NaN correlations and the number of failed layers.
     */
    public static List<AgreementRow> compute(
            SweepConfig config,
            Map<Pair, List<LayerInfo>> layers,
            Map<Pair, Map<String, Map<String, Double>>> scores,
            List<RetrainOutcome> oracle) {
        List<AgreementRow> rows = new ArrayList<>();
        for (Map.Entry<Pair, List<LayerInfo>> e : layers.entrySet()) {
            Pair pair = e.getKey();
            List<LayerInfo> pairLayers = e.getValue();
            OracleSummary summary = oracle(config, pair, pairLayers, oracle);
            Map<String, Map<String, Double>> pairScores = scores.getOrDefault(pair, Map.of());
            Map<String, Double> gains = gains(pair, oracle);
            if (gains.size() != pairLayers.size()) {
                // Some layer has no oracle gain: no complete ranking to correlate with, but the
                // pair is reported, with how many layers failed.
                pairScores.forEach(
                        (method, s) ->
                                rows.add(
                                        AgreementRow.unmeasured(
                                                pair.key(),
                                                method,
                                                pairLayers.size(),
                                                summary.noiseCeiling(),
                                                summary.failedLayers())));
                continue;
            }
            List<Integer> ks =
                    config.selection().rhos().stream()
                            .map(r -> LayerBudget.layers(r, pairLayers.size()))
                            .distinct()
                            .toList();
            double[] random = randomSpearman(config, pair, pairLayers, gains, ks);
            // One seed per pair: every method is resampled over the same layers.
            long bootstrapSeed = Seeds.derive(config.seed(), "bootstrap|" + pair.key());
            double[] g = values(pairLayers, gains);
            pairScores.forEach(
                    (method, s) ->
                            rows.add(
                                    OracleAgreement.of(pair.key(), method, pairLayers, gains, s, ks)
                                            .withNull(random)
                                            .withOracle(
                                                    Bootstrap.spearman95(
                                                            g,
                                                            values(pairLayers, s),
                                                            BOOTSTRAP_RESAMPLES,
                                                            bootstrapSeed),
                                                    summary.noiseCeiling(),
                                                    summary.failedLayers())));
        }
        return rows;
    }

    /** Every described pair's oracle summary, in the layers' pair order. */
    public static List<OracleSummary> oracleSummaries(
            SweepConfig config, Map<Pair, List<LayerInfo>> layers, List<RetrainOutcome> oracle) {
        List<OracleSummary> out = new ArrayList<>();
        layers.forEach((pair, l) -> out.add(oracle(config, pair, l, oracle)));
        return out;
    }

    /**
     * One pair's oracle on its own: failed layers, split-half reliability across the configured
     * seeds (over the layers that succeeded on every seed), and the top layers by mean gain.
     */
    public static OracleSummary oracle(
            SweepConfig config, Pair pair, List<LayerInfo> layers, List<RetrainOutcome> oracle) {
        List<Long> seeds = config.retrain().seeds();
        Map<String, Map<Long, Double>> bySeed = new HashMap<>();
        for (RetrainOutcome o : oracle) {
            if (o.task().pair().equals(pair) && o.succeeded()) {
                bySeed.computeIfAbsent(o.task().layers().get(0), k -> new HashMap<>())
                        .put(o.task().seed(), o.testAccuracy() - o.accuracyBefore());
            }
        }
        List<LayerInfo> complete =
                layers.stream()
                        .filter(
                                l ->
                                        bySeed.getOrDefault(l.name(), Map.of())
                                                .keySet()
                                                .containsAll(seeds))
                        .toList();
        double[][] perSeed = new double[seeds.size()][complete.size()];
        for (int s = 0; s < seeds.size(); s++) {
            for (int i = 0; i < complete.size(); i++) {
                perSeed[s][i] = bySeed.get(complete.get(i).name()).get(seeds.get(s));
            }
        }
        SplitHalf.Result reliability =
                SplitHalf.of(perSeed, Seeds.derive(config.seed(), "split-half|" + pair.key()));
        Map<String, Double> gains = gains(pair, oracle);
        List<OracleSummary.LayerGain> top =
                LayerRanking.order(
                                layers.stream().filter(l -> gains.containsKey(l.name())).toList(),
                                gains)
                        .stream()
                        .limit(OracleSummary.TOP)
                        .map(l -> new OracleSummary.LayerGain(l.name(), gains.get(l.name())))
                        .toList();
        return new OracleSummary(
                pair.key(),
                layers.size(),
                seeds.size(),
                layers.size() - complete.size(),
                reliability,
                top);
    }

    private static double[] values(List<LayerInfo> layers, Map<String, Double> byLayer) {
        return layers.stream().mapToDouble(l -> byLayer.get(l.name())).toArray();
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

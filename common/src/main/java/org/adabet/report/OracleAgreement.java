package org.adabet.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.LayerInfo;
import org.adabet.selection.LayerRanking;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Agreement of a method's layer scores with the oracle (the accuracy gain of retraining each layer
 * alone): rank correlations and top-k overlap. Tells whether the scores track what the layers can
 * learn on this data.
 */
public final class OracleAgreement {
    private OracleAgreement() {}

    /**
     * @param gains oracle accuracy gain per layer (test accuracy at the validation-chosen epoch
     *     minus accuracy before, mean over seeds)
     * @param ks the k of each top-k overlap (e.g. floor(rho * L) for each budget)
     */
    public static AgreementRow of(
            String pair,
            String method,
            List<LayerInfo> layers,
            Map<String, Double> gains,
            Map<String, Double> scores,
            List<Integer> ks) {
        double[] g = new double[layers.size()];
        double[] s = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i).name();
            if (!gains.containsKey(name) || !scores.containsKey(name)) {
                throw new IllegalArgumentException(
                        "agreement of "
                                + method
                                + " on "
                                + pair
                                + ": layer '"
                                + name
                                + "' lacks an oracle gain or a score");
            }
            g[i] = gains.get(name);
            s[i] = scores.get(name);
        }
        List<AgreementRow.TopK> overlaps = new ArrayList<>();
        for (int k : ks) {
            Set<String> a = top(layers, scores, k);
            a.retainAll(top(layers, gains, k));
            overlaps.add(new AgreementRow.TopK(k, a.size()));
        }
        return new AgreementRow(
                pair,
                method,
                layers.size(),
                correlation(g, s, true),
                correlation(g, s, false),
                overlaps);
    }

    /** NaN when either side is constant (no ranking to compare). */
    private static double correlation(double[] a, double[] b, boolean spearman) {
        if (a.length < 2 || constant(a) || constant(b)) {
            return Double.NaN;
        }
        return spearman
                ? new SpearmansCorrelation().correlation(a, b)
                : new KendallsCorrelation().correlation(a, b);
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    /** The k highest values, equal values to the earlier layer (the selection's own tie rule). */
    static Set<String> top(List<LayerInfo> layers, Map<String, Double> values, int k) {
        Set<String> out = new HashSet<>();
        LayerRanking.order(layers, values).stream().limit(k).forEach(l -> out.add(l.name()));
        return out;
    }
}

package org.adabet.tda.cli;

import org.adabet.tda.Barcode;
import org.adabet.tda.DistanceMatrix;
import org.adabet.tda.PersistenceInterval;
import org.adabet.tda.RipsOptions;
import org.adabet.tda.VietorisRips;

/**
 * Writes a barcode in Ripser 1.2.1's layout, header lines included, so that {@code diff} against
 * {@code ripser} on the same input is empty: intervals with death > birth only, in the order they
 * were found, essential ones as {@code " [birth, )"}.
 */
final class RipserOutput {

    private RipserOutput() {}

    static String render(RipserInput input, RipsOptions options, Barcode barcode) {
        StringBuilder out = new StringBuilder();
        DistanceMatrix d = input.distances();
        int n = d.size();
        if (input.cloud() != null) {
            out.append("point cloud with ")
                    .append(n)
                    .append(" points in dimension ")
                    .append(input.cloud().dimension())
                    .append('\n');
        }
        if (input.cloud() != null && !options.usesEnclosingRadius()) {
            // Ripser 1.2.1 builds its sparse matrix straight from a point cloud when given a
            // threshold
            // and prints neither the value range nor the matrix line.
            appendIntervals(out, barcode, Math.min(barcode.maxDimension(), n - 2));
            return out.toString();
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long withinThreshold = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                float v = d.distance(i, j);
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v <= options.threshold()) {
                    withinThreshold++;
                }
            }
        }
        out.append("value range: [")
                .append(CppFloatFormat.format(min))
                .append(',')
                .append(CppFloatFormat.format(max))
                .append("]\n");
        if (options.usesEnclosingRadius()) {
            out.append("distance matrix with ")
                    .append(n)
                    .append(" points, using threshold at enclosing radius ")
                    .append(CppFloatFormat.format(VietorisRips.enclosingRadius(d)))
                    .append('\n');
        } else {
            // Ripser 1.2.1 prints (n * n - 1) / 2 here, not n (n - 1) / 2; copied for a clean diff.
            out.append("sparse distance matrix with ")
                    .append(n)
                    .append(" points and ")
                    .append(withinThreshold)
                    .append('/')
                    .append(((long) n * n - 1) / 2)
                    .append(" entries\n");
        }
        // Ripser clamps the dimension to n - 2: no (k+1)-simplex exists to kill a k-class below
        // that.
        appendIntervals(out, barcode, Math.min(barcode.maxDimension(), n - 2));
        return out.toString();
    }

    static void appendIntervals(StringBuilder out, Barcode barcode, int maxDimension) {
        for (int dim = 0; dim <= maxDimension; dim++) {
            out.append("persistence intervals in dim ").append(dim).append(":\n");
            for (PersistenceInterval p : barcode.inDimension(dim)) {
                if (!p.hasPositiveLength()) {
                    continue;
                }
                out.append(" [").append(CppFloatFormat.format(p.birth())).append(',');
                out.append(p.isEssential() ? " " : CppFloatFormat.format(p.death())).append(")\n");
            }
        }
    }
}

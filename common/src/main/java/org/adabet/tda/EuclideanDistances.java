package org.adabet.tda;

import java.util.Arrays;

/**
 * Euclidean distance matrices of point clouds, stored as float32.
 *
 * <p>{@link #of} goes through the Gram matrix, {@code ||x||^2 + ||y||^2 - 2 x.y}, because for
 * AdaBet's clouds (tens of points, up to ~10^6 coordinates) the work is one symmetric matrix
 * product that a blocked, vectorised kernel runs at memory speed. The Gram form cancels badly for
 * nearby points, so every entry is checked against a bound on the kernel's rounding error and,
 * where the bound could exceed the promised accuracy, recomputed directly from the differences (all
 * such pairs in one more cache-blocked pass over X); negative round-off therefore never reaches a
 * square root. Duplicate points give exactly 0. The result matches a direct double-precision
 * computation to 1e-5 relative.
 *
 * <p>When the Gram form leaves most pairs unresolved (activations of one layer for a batch are
 * often that correlated), the direct distances come first and the Gram entries are computed only in
 * the blocks where a pair may still resolve; the distances are the same bits either way, only the
 * work differs (a Gram matrix less, at resnet18's widest layers about a third of the distances'
 * time).
 */
public final class EuclideanDistances {

    /** Relative accuracy promised for every distance, against a direct double computation. */
    public static final double RELATIVE_ACCURACY = 1e-5;

    private EuclideanDistances() {}

    /**
     * Float lanes the distance kernel sums over (0: plain double loops, the Vector API module
     * absent). The lane count fixes the float32 summation order, so provenance records it.
     */
    public static int vectorLanes() {
        return GramKernel.VECTORIZED ? VectorGram.LANES : 0;
    }

    /** Distances of {@code cloud} through the Gram matrix (see class comment). */
    public static LowerDistanceMatrix of(PointCloud cloud) {
        return of(cloud, Order.ADAPTIVE);
    }

    /**
     * Which comes first for the pairs outside the Gram's diagonal blocks. Every order gives the
     * same bits; only the work differs.
     */
    enum Order {
        /** By the share of diagonal-block pairs the Gram form leaves unresolved. */
        ADAPTIVE,
        /** The whole Gram matrix, then direct distances for the pairs it leaves unresolved. */
        GRAM_FIRST,
        /**
         * Direct distances for every pair, then Gram entries only where a pair may be resolved:
         * cheaper when most pairs cancel (correlated activations), as the Gram is then mostly
         * wasted.
         */
        DIRECT_FIRST
    }

    /** {@link #of(PointCloud)} in a given order (the tests run each). */
    static LowerDistanceMatrix of(PointCloud cloud, Order order) {
        int n = cloud.size();
        int dim = cloud.dimension();
        float[] x = cloud.coordinates();
        int pairs = (int) ((long) n * (n - 1) / 2);
        float[] lower = new float[pairs];
        int perSide = GramKernel.blocksPerSide(n);
        double[] gram = new double[n * (n + 1) / 2];
        boolean[] diagonal = new boolean[perSide * perSide];
        for (int b = 0; b < perSide; b++) {
            diagonal[b * perSide + b] = true;
        }
        // The diagonal blocks hold the norms every pair needs, and a sample of the pairs.
        GramKernel.lowerGramBlocks(gram, x, n, dim, diagonal);
        for (int i = 0; i < n; i++) {
            // NaN or infinity in a row makes its sum of squares NaN or infinite (the squares are
            // never negative, so nothing cancels an infinity); a finite row can also overflow.
            if (!Double.isFinite(gram[index(i, i)])) {
                cloud.requireFinite(i, i + 1);
            }
        }
        Unresolved left;
        // Whether the unresolved pairs already hold their direct distances.
        boolean filled = false;
        if (order == Order.DIRECT_FIRST
                || order == Order.ADAPTIVE && mostlyUnresolved(gram, n, dim, 0.99)) {
            left = directFirst(gram, x, n, dim, lower, diagonal);
            filled = true;
        } else {
            boolean[] rest = new boolean[diagonal.length];
            for (int b = 0; b < rest.length; b++) {
                rest[b] = !diagonal[b];
            }
            GramKernel.lowerGramBlocks(gram, x, n, dim, rest);
            left = fromGram(gram, n, dim, lower, 0.99);
        }
        if (left.count > Math.max(pairs / 8, 16 * n)) {
            // A large common component (non-negative activations, say) makes most pairs cancel.
            // Centring on the mean removes it; float32 centring moves a distance by at most
            // u(|x - m| + |y - m|), which the accepted pairs' bound keeps below 0.01 of the budget.
            // It costs about a Gram matrix plus three passes over X, the pairwise fallback about a
            // pass per pair: measured, centring wins from n = 64 up and loses at n = 32.
            left = fromGram(GramKernel.lowerGram(centred(x, n, dim), n, dim), n, dim, lower, 0.97);
            filled = false;
        }
        if (!filled && left.count > 0) {
            // Always from the original coordinates: exact differences, no cancellation.
            double[] direct =
                    GramKernel.squaredDistances(x, dim, left.first, left.second, left.count);
            for (int p = 0; p < left.count; p++) {
                lower[left.slot[p]] = (float) Math.sqrt(direct[p]);
            }
        }
        return LowerDistanceMatrix.of(n, lower);
    }

    /** Whether the Gram form leaves at least half of the diagonal blocks' pairs unresolved. */
    private static boolean mostlyUnresolved(double[] gram, int n, int dim, double share) {
        double ratio = fallbackRatio(dim, share);
        int pairs = 0;
        int unresolved = 0;
        for (int i = 1; i < n; i++) {
            for (int j = i - i % GramKernel.BLOCK; j < i; j++) {
                pairs++;
                if (unresolved(gram, i, j, ratio)) {
                    unresolved++;
                }
            }
        }
        return pairs > 0 && 2 * unresolved >= pairs;
    }

    /**
     * The Gram-first result, reached from direct distances: a pair whose direct squared distance
     * lies below the fallback line by more than the Gram form's error bound (four times over) would
     * be left unresolved by the Gram entry whatever its value, so its block's Gram entries are
     * computed only when some pair in it may be resolved. Returns the unresolved pairs, as {@link
     * #fromGram} does on the whole matrix, and fills {@code lower} with every distance: the Gram
     * form's where it resolves, the direct one elsewhere.
     */
    private static Unresolved directFirst(
            double[] gram, float[] x, int n, int dim, float[] lower, boolean[] done) {
        int perSide = GramKernel.blocksPerSide(n);
        double ratio = fallbackRatio(dim, 0.99);
        // The diagonal blocks' pairs are decided by their Gram entries already; the others, and
        // those left unresolved, need their direct distances.
        Unresolved pending = new Unresolved();
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++, k++) {
                if (done[GramKernel.block(i, j, perSide)] && !unresolved(gram, i, j, ratio)) {
                    lower[k] = gramDistance(gram, i, j);
                } else {
                    pending.add(i, j, k);
                }
            }
        }
        double[] direct =
                GramKernel.squaredDistances(x, dim, pending.first, pending.second, pending.count);
        double margin = 4 * 2 * GramKernel.relativeErrorBound(dim);
        boolean[] wanted = new boolean[done.length];
        for (int p = 0; p < pending.count; p++) {
            int i = pending.first[p];
            int j = pending.second[p];
            int b = GramKernel.block(i, j, perSide);
            double norms = gram[index(i, i)] + gram[index(j, j)];
            boolean surelyUnresolved = direct[p] * (1 + 1e-3) + margin * norms < ratio * norms;
            wanted[b] |= !done[b] && !surelyUnresolved;
        }
        GramKernel.lowerGramBlocks(gram, x, n, dim, wanted);
        Unresolved left = new Unresolved();
        for (int p = 0; p < pending.count; p++) {
            int i = pending.first[p];
            int j = pending.second[p];
            int slot = pending.slot[p];
            if (wanted[GramKernel.block(i, j, perSide)] && !unresolved(gram, i, j, ratio)) {
                lower[slot] = gramDistance(gram, i, j);
            } else {
                left.add(i, j, slot);
                lower[slot] = (float) Math.sqrt(direct[p]);
            }
        }
        return left;
    }

    /** Pairs whose Gram-form distance is not guaranteed: rows and their slot in the triangle. */
    private static final class Unresolved {
        int[] first = new int[16];
        int[] second = new int[16];
        int[] slot = new int[16];
        int count;

        void add(int i, int j, int k) {
            if (count == first.length) {
                first = Arrays.copyOf(first, 2 * count);
                second = Arrays.copyOf(second, 2 * count);
                slot = Arrays.copyOf(slot, 2 * count);
            }
            first[count] = i;
            second[count] = j;
            slot[count++] = k;
        }
    }

    /**
     * Fills {@code lower} with every distance the Gram matrix resolves within {@code share *
     * RELATIVE_ACCURACY} and returns the others. With e the per-entry bound relative to |x||y|, a
     * squared distance is off by at most e|x|^2 + e|y|^2 + 2e|x||y| <= 2e(|x|^2 + |y|^2), and a
     * distance by half that relatively; the rest of the budget covers the float32 rounding.
     */
    private static Unresolved fromGram(double[] gram, int n, int dim, float[] lower, double share) {
        double ratio = fallbackRatio(dim, share);
        Unresolved left = new Unresolved();
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++, k++) {
                if (unresolved(gram, i, j, ratio)) {
                    left.add(i, j, k);
                } else {
                    lower[k] = gramDistance(gram, i, j);
                }
            }
        }
        return left;
    }

    /**
     * The squared distance below which, as a share of {@code |x|^2 + |y|^2}, the Gram form's error
     * could exceed {@code share * RELATIVE_ACCURACY}.
     */
    private static double fallbackRatio(int dim, double share) {
        double errorFactor = 2 * GramKernel.relativeErrorBound(dim);
        return errorFactor / (2 * share * RELATIVE_ACCURACY);
    }

    private static boolean unresolved(double[] gram, int i, int j, double ratio) {
        double gi = gram[index(i, i)];
        double gj = gram[index(j, j)];
        return gi + gj - 2 * gram[index(i, j)] < ratio * (gi + gj);
    }

    private static float gramDistance(double[] gram, int i, int j) {
        double sq = gram[index(i, i)] + gram[index(j, j)] - 2 * gram[index(i, j)];
        return (float) Math.sqrt(Math.max(sq, 0.0)); // clamp: 0 only when both rows are 0
    }

    /** A copy of the rows minus their mean (mean summed in double, rounded once). */
    private static float[] centred(float[] x, int n, int dim) {
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                mean[c] += x[i * dim + c];
            }
        }
        float[] m = new float[dim];
        for (int c = 0; c < dim; c++) {
            m[c] = (float) (mean[c] / n);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            int row = i * dim;
            for (int c = 0; c < dim; c++) {
                out[row + c] = x[row + c] - m[c];
            }
        }
        return out;
    }

    /**
     * Reference distances: differences and sums in double, one pair at a time. Slow; for checks.
     */
    public static LowerDistanceMatrix direct(PointCloud cloud) {
        cloud.requireFinite();
        int n = cloud.size();
        int dim = cloud.dimension();
        float[] x = cloud.coordinates();
        float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    double diff = (double) x[i * dim + c] - x[j * dim + c];
                    s += diff * diff;
                }
                lower[k++] = (float) Math.sqrt(s);
            }
        }
        return LowerDistanceMatrix.of(n, lower);
    }

    /**
     * Distances computed exactly as Ripser 1.2 computes them from a point cloud: the squared
     * differences summed in float32 in coordinate order, then a float32 square root. Used by the
     * command line so that its output diffs cleanly against {@code ripser --format point-cloud}.
     */
    public static LowerDistanceMatrix ripserCompatible(PointCloud cloud) {
        cloud.requireFinite();
        int n = cloud.size();
        int dim = cloud.dimension();
        float[] x = cloud.coordinates();
        float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                float s = 0f;
                for (int c = 0; c < dim; c++) {
                    float diff = x[i * dim + c] - x[j * dim + c];
                    s += diff * diff;
                }
                // A double square root rounded to float is the correctly rounded float square root.
                lower[k++] = (float) Math.sqrt(s);
            }
        }
        return LowerDistanceMatrix.of(n, lower);
    }

    /** Position of (i, j), {@code i >= j}, in a lower triangle that includes the diagonal. */
    static int index(int i, int j) {
        return i * (i + 1) / 2 + j;
    }
}

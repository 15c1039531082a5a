package org.adabet.tda;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.adabet.platform.ReproducibleMode;

/**
 * Lower triangle of {@code X X^T} with the Vector API: 4 x 4 register tiles of row pairs, the
 * columns walked in chunks that stay in L2 while every tile passes over them, so X streams from
 * memory once. Within a chunk each lane accumulates in float32 with fused multiply-adds; at the end
 * of a chunk the lanes are summed and added to a double, which bounds the float32 rounding error to
 * {@link #relativeErrorBound} of {@code |x| |y|} independently of D.
 *
 * <p>Only this class touches {@code jdk.incubator.vector}; {@link GramKernel} falls back to plain
 * loops when the module is absent.
 */
final class VectorGram {

    /**
     * The widest vectors the hardware has, unless {@code -Dadabet.tda.lanes=8}: the lane count
     * fixes the order of the float32 sums, so distances are bit-identical across CPUs only with it
     * fixed. Eight lanes (256 bits, every x86-64 CPU with AVX2) is the default in {@link
     * ReproducibleMode}; on AVX-512 hardware it costs about 3.7x in this kernel.
     */
    static final VectorSpecies<Float> SPECIES =
            species(
                    System.getProperty(
                            "adabet.tda.lanes", ReproducibleMode.requested() ? "8" : "preferred"));

    static final int LANES = SPECIES.length();

    /**
     * Columns per chunk: 4 KB per row, so the chunk of 128 rows stays in L2 (fastest of 256..2048
     * measured at 128 x 802,816 on AVX-512); the error bound grows with it.
     */
    static final int CHUNK = 1024;

    private VectorGram() {}

    private static VectorSpecies<Float> species(String lanes) {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        return switch (lanes) {
            case "preferred" -> preferred;
            case "8" -> preferred.length() >= 8 ? FloatVector.SPECIES_256 : preferred;
            default ->
                    throw new IllegalArgumentException(
                            "adabet.tda.lanes must be 8 or preferred, was " + lanes);
        };
    }

    /**
     * Sum of the lanes in a fixed order, in double. The Vector API leaves the order of {@code
     * reduceLanes(ADD)} on floats open (it can differ between compiled and interpreted code), and
     * the same input must give the same bits.
     */
    static double laneSum(FloatVector s) {
        float[] lanes = s.toArray();
        double sum = 0;
        for (float lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    /**
     * Error of one entry relative to {@code |x| |y|}: each lane sums CHUNK / LANES products (one
     * rounding each); the lanes are summed in double, so the log2(LANES) float32 roundings a float
     * lane sum would add are kept in the bound as slack and the double additions are negligible.
     */
    static double relativeErrorBound(int chunk) {
        int roundings = chunk / LANES + Integer.numberOfTrailingZeros(LANES) + 2;
        return roundings * 0x1p-24;
    }

    /**
     * Accumulates the Gram lower triangle of rows {@code 0..n-1} over the vector-aligned column
     * prefix into {@code g} (at {@link EuclideanDistances#index}); returns the number of columns
     * done, the caller finishes the rest.
     */
    static int accumulate(float[] x, int n, int dim, double[] g, int chunk, boolean doubleSums) {
        int vectorColumns = dim - dim % LANES;
        int blocks = (n + 3) / 4;
        for (int c0 = 0; c0 < vectorColumns; c0 += chunk) {
            int c1 = Math.min(vectorColumns, c0 + chunk);
            for (int bi = 0; bi < blocks; bi++) {
                for (int bj = 0; bj <= bi; bj++) {
                    tile(x, n, dim, g, 4 * bi, 4 * bj, c0, c1, doubleSums);
                }
            }
        }
        return vectorColumns;
    }

    private static void tile(
            float[] x,
            int n,
            int dim,
            double[] g,
            int i0,
            int j0,
            int c0,
            int c1,
            boolean doubleSums) {
        // Rows past n repeat the last row: computed, never stored, and no branch in the hot loop.
        int a0 = Math.min(i0, n - 1) * dim;
        int a1 = Math.min(i0 + 1, n - 1) * dim;
        int a2 = Math.min(i0 + 2, n - 1) * dim;
        int a3 = Math.min(i0 + 3, n - 1) * dim;
        int b0 = Math.min(j0, n - 1) * dim;
        int b1 = Math.min(j0 + 1, n - 1) * dim;
        int b2 = Math.min(j0 + 2, n - 1) * dim;
        int b3 = Math.min(j0 + 3, n - 1) * dim;
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        for (int k = c0; k < c1; k += LANES) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, x, a0 + k);
            FloatVector x1 = FloatVector.fromArray(SPECIES, x, a1 + k);
            FloatVector x2 = FloatVector.fromArray(SPECIES, x, a2 + k);
            FloatVector x3 = FloatVector.fromArray(SPECIES, x, a3 + k);
            FloatVector y0 = FloatVector.fromArray(SPECIES, x, b0 + k);
            FloatVector y1 = FloatVector.fromArray(SPECIES, x, b1 + k);
            FloatVector y2 = FloatVector.fromArray(SPECIES, x, b2 + k);
            FloatVector y3 = FloatVector.fromArray(SPECIES, x, b3 + k);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        add(g, n, i0, j0, s00, doubleSums);
        add(g, n, i0, j0 + 1, s01, doubleSums);
        add(g, n, i0, j0 + 2, s02, doubleSums);
        add(g, n, i0, j0 + 3, s03, doubleSums);
        add(g, n, i0 + 1, j0, s10, doubleSums);
        add(g, n, i0 + 1, j0 + 1, s11, doubleSums);
        add(g, n, i0 + 1, j0 + 2, s12, doubleSums);
        add(g, n, i0 + 1, j0 + 3, s13, doubleSums);
        add(g, n, i0 + 2, j0, s20, doubleSums);
        add(g, n, i0 + 2, j0 + 1, s21, doubleSums);
        add(g, n, i0 + 2, j0 + 2, s22, doubleSums);
        add(g, n, i0 + 2, j0 + 3, s23, doubleSums);
        add(g, n, i0 + 3, j0, s30, doubleSums);
        add(g, n, i0 + 3, j0 + 1, s31, doubleSums);
        add(g, n, i0 + 3, j0 + 2, s32, doubleSums);
        add(g, n, i0 + 3, j0 + 3, s33, doubleSums);
    }

    /**
     * {@link #squaredDistance} for many row pairs at once, walking the columns in the same L2-sized
     * chunks as the Gram kernel so that X still streams from memory once however many pairs there
     * are (per pair, correlated activations could otherwise cost a full pass over X each).
     */
    static double[] squaredDistances(float[] x, int dim, int[] first, int[] second, int count) {
        double[] total = new double[count];
        int vectorColumns = dim - dim % LANES;
        for (int c0 = 0; c0 < vectorColumns; c0 += CHUNK) {
            int c1 = Math.min(vectorColumns, c0 + CHUNK);
            for (int p = 0; p < count; p++) {
                int a = first[p] * dim;
                int b = second[p] * dim;
                FloatVector s = FloatVector.zero(SPECIES);
                for (int k = c0; k < c1; k += LANES) {
                    FloatVector d =
                            FloatVector.fromArray(SPECIES, x, a + k)
                                    .sub(FloatVector.fromArray(SPECIES, x, b + k));
                    s = d.fma(d, s);
                }
                total[p] += laneSum(s);
            }
        }
        for (int p = 0; p < count; p++) {
            int a = first[p] * dim;
            int b = second[p] * dim;
            for (int k = vectorColumns; k < dim; k++) {
                double d = (double) x[a + k] - x[b + k];
                total[p] += d * d;
            }
        }
        return total;
    }

    /**
     * {@code sum (x_a - x_b)^2} over one row pair: float32 differences and lane sums per chunk,
     * chunk sums in double. All terms are non-negative, so the relative error stays below {@link
     * #relativeErrorBound} of the result itself — no cancellation, unlike the Gram form.
     */
    static double squaredDistance(float[] x, int a, int b, int dim) {
        int vectorColumns = dim - dim % LANES;
        double total = 0;
        for (int c0 = 0; c0 < vectorColumns; c0 += CHUNK) {
            int c1 = Math.min(vectorColumns, c0 + CHUNK);
            FloatVector s = FloatVector.zero(SPECIES);
            for (int k = c0; k < c1; k += LANES) {
                FloatVector d =
                        FloatVector.fromArray(SPECIES, x, a + k)
                                .sub(FloatVector.fromArray(SPECIES, x, b + k));
                s = d.fma(d, s);
            }
            total += laneSum(s);
        }
        for (int k = vectorColumns; k < dim; k++) {
            double d = (double) x[a + k] - x[b + k];
            total += d * d;
        }
        return total;
    }

    private static void add(double[] g, int n, int i, int j, FloatVector s, boolean doubleSums) {
        if (i < n && j <= i) {
            int at = EuclideanDistances.index(i, j);
            // The bare-matmul peer keeps its running sum in float, like a float32 GEMM would.
            g[at] =
                    doubleSums
                            ? g[at] + laneSum(s)
                            : (float) g[at] + s.reduceLanes(VectorOperators.ADD);
        }
    }
}

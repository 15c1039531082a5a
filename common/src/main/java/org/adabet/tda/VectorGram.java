package org.adabet.tda;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Requested pairs in a 4 x 4 block of rows from which {@link #squaredDistances} computes the
     * whole block as one register tile: 16 pairs at the cost of about 4 pairs one by one.
     */
    static final int TILED_PAIRS = 4;

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
     * {@link #laneSum} of {@code vectors} vectors stored side by side in {@code lanes} ({@link
     * #LANES} floats each), into {@code out}: summed lane by lane across the vectors, so that their
     * independent chains of double additions overlap instead of each waiting on its own adds. Each
     * sum keeps laneSum's order (0, then lane 0, lane 1, ...), so its bits.
     */
    static void laneSums(float[] lanes, int vectors, double[] out) {
        for (int v = 0; v < vectors; v++) {
            out[v] = 0;
        }
        for (int l = 0; l < LANES; l++) {
            for (int v = 0; v < vectors; v++) {
                out[v] += lanes[v * LANES + l];
            }
        }
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
     * prefix into {@code g} (at {@link EuclideanDistances#index}), the 4 x 4 blocks of rows {@code
     * wanted} (null: all) only; returns the number of columns done, the caller finishes the rest.
     */
    static int accumulate(
            float[] x,
            int n,
            int dim,
            double[] g,
            int chunk,
            boolean doubleSums,
            boolean[] wanted) {
        int vectorColumns = dim - dim % LANES;
        int blocks = GramKernel.blocksPerSide(n);
        float[] lanes = new float[16 * LANES];
        double[] sums = new double[16];
        for (int c0 = 0; c0 < vectorColumns; c0 += chunk) {
            int c1 = Math.min(vectorColumns, c0 + chunk);
            for (int bi = 0; bi < blocks; bi++) {
                for (int bj = 0; bj <= bi; bj++) {
                    if (wanted != null && !wanted[bi * blocks + bj]) {
                        continue;
                    }
                    tile(x, n, dim, g, 4 * bi, 4 * bj, c0, c1, doubleSums, lanes, sums);
                }
            }
        }
        return vectorColumns;
    }

    /**
     * The Gram entries of rows {@code i0..i0+3} against {@code j0..j0+3} over one chunk, into g.
     */
    private static void tile(
            float[] x,
            int n,
            int dim,
            double[] g,
            int i0,
            int j0,
            int c0,
            int c1,
            boolean doubleSums,
            float[] lanes,
            double[] sums) {
        tileSums(x, n, dim, i0, j0, c0, c1, false, doubleSums, lanes, sums);
        for (int e = 0; e < 16; e++) {
            int i = i0 + e / 4;
            int j = j0 + e % 4;
            if (i < n && j <= i) {
                int at = EuclideanDistances.index(i, j);
                // The bare-matmul peer keeps its running sum in float, like a float32 GEMM would.
                g[at] = doubleSums ? g[at] + sums[e] : (float) g[at] + (float) sums[e];
            }
        }
    }

    /**
     * The register tile of rows {@code i0..i0+3} against {@code j0..j0+3} over columns {@code
     * c0..c1-1}: per lane, fused multiply-adds in float32 of the products {@code x_i x_j} or, with
     * {@code differences}, of the squares {@code (x_i - x_j)^2} ({@code x_j - x_i} is exactly
     * {@code -(x_i - x_j)} and squares the same); then into {@code sums} (entry {@code 4 (i - i0) +
     * (j - j0)}) each accumulator's {@link #laneSum}, or with {@code doubleSums} false its float32
     * {@code reduceLanes} (the bare-matmul peer). Every entry's arithmetic is that of the entry
     * alone, in the same order, so the same bits.
     */
    private static void tileSums(
            float[] x,
            int n,
            int dim,
            int i0,
            int j0,
            int c0,
            int c1,
            boolean differences,
            boolean doubleSums,
            float[] lanes,
            double[] sums) {
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
            // Loop-invariant: the JIT compiles one loop per branch.
            if (differences) {
                FloatVector d00 = x0.sub(y0);
                s00 = d00.fma(d00, s00);
                FloatVector d01 = x0.sub(y1);
                s01 = d01.fma(d01, s01);
                FloatVector d02 = x0.sub(y2);
                s02 = d02.fma(d02, s02);
                FloatVector d03 = x0.sub(y3);
                s03 = d03.fma(d03, s03);
                FloatVector d10 = x1.sub(y0);
                s10 = d10.fma(d10, s10);
                FloatVector d11 = x1.sub(y1);
                s11 = d11.fma(d11, s11);
                FloatVector d12 = x1.sub(y2);
                s12 = d12.fma(d12, s12);
                FloatVector d13 = x1.sub(y3);
                s13 = d13.fma(d13, s13);
                FloatVector d20 = x2.sub(y0);
                s20 = d20.fma(d20, s20);
                FloatVector d21 = x2.sub(y1);
                s21 = d21.fma(d21, s21);
                FloatVector d22 = x2.sub(y2);
                s22 = d22.fma(d22, s22);
                FloatVector d23 = x2.sub(y3);
                s23 = d23.fma(d23, s23);
                FloatVector d30 = x3.sub(y0);
                s30 = d30.fma(d30, s30);
                FloatVector d31 = x3.sub(y1);
                s31 = d31.fma(d31, s31);
                FloatVector d32 = x3.sub(y2);
                s32 = d32.fma(d32, s32);
                FloatVector d33 = x3.sub(y3);
                s33 = d33.fma(d33, s33);
            } else {
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
        }
        if (doubleSums) {
            s00.intoArray(lanes, 0);
            s01.intoArray(lanes, LANES);
            s02.intoArray(lanes, 2 * LANES);
            s03.intoArray(lanes, 3 * LANES);
            s10.intoArray(lanes, 4 * LANES);
            s11.intoArray(lanes, 5 * LANES);
            s12.intoArray(lanes, 6 * LANES);
            s13.intoArray(lanes, 7 * LANES);
            s20.intoArray(lanes, 8 * LANES);
            s21.intoArray(lanes, 9 * LANES);
            s22.intoArray(lanes, 10 * LANES);
            s23.intoArray(lanes, 11 * LANES);
            s30.intoArray(lanes, 12 * LANES);
            s31.intoArray(lanes, 13 * LANES);
            s32.intoArray(lanes, 14 * LANES);
            s33.intoArray(lanes, 15 * LANES);
            laneSums(lanes, 16, sums);
        } else {
            sums[0] = s00.reduceLanes(VectorOperators.ADD);
            sums[1] = s01.reduceLanes(VectorOperators.ADD);
            sums[2] = s02.reduceLanes(VectorOperators.ADD);
            sums[3] = s03.reduceLanes(VectorOperators.ADD);
            sums[4] = s10.reduceLanes(VectorOperators.ADD);
            sums[5] = s11.reduceLanes(VectorOperators.ADD);
            sums[6] = s12.reduceLanes(VectorOperators.ADD);
            sums[7] = s13.reduceLanes(VectorOperators.ADD);
            sums[8] = s20.reduceLanes(VectorOperators.ADD);
            sums[9] = s21.reduceLanes(VectorOperators.ADD);
            sums[10] = s22.reduceLanes(VectorOperators.ADD);
            sums[11] = s23.reduceLanes(VectorOperators.ADD);
            sums[12] = s30.reduceLanes(VectorOperators.ADD);
            sums[13] = s31.reduceLanes(VectorOperators.ADD);
            sums[14] = s32.reduceLanes(VectorOperators.ADD);
            sums[15] = s33.reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * {@link #squaredDistance} for many row pairs at once, walking the columns in the same L2-sized
     * chunks as the Gram kernel so that X still streams from memory once however many pairs there
     * are (per pair, correlated activations could otherwise cost a full pass over X each).
     */
    static double[] squaredDistances(float[] x, int dim, int[] first, int[] second, int count) {
        int n = x.length / dim;
        int blocks = GramKernel.blocksPerSide(n);
        // Pairs whose 4 x 4 block of rows holds at least TILED_PAIRS requested pairs go through a
        // register tile (8 loads for 16 pairs instead of 32); the others four at a time.
        int[] requested = new int[blocks * blocks];
        for (int p = 0; p < count; p++) {
            requested[GramKernel.block(first[p], second[p], blocks)]++;
        }
        int[] tileOfBlock = new int[blocks * blocks];
        List<Integer> tiles = new ArrayList<>();
        for (int t = 0; t < requested.length; t++) {
            tileOfBlock[t] = requested[t] >= TILED_PAIRS ? tiles.size() : -1;
            if (tileOfBlock[t] >= 0) {
                tiles.add(t);
            }
        }
        int[] rest = new int[count];
        int restCount = 0;
        for (int p = 0; p < count; p++) {
            if (tileOfBlock[GramKernel.block(first[p], second[p], blocks)] < 0) {
                rest[restCount++] = p;
            }
        }
        int[] restFirst = new int[restCount];
        int[] restSecond = new int[restCount];
        for (int q = 0; q < restCount; q++) {
            restFirst[q] = first[rest[q]];
            restSecond[q] = second[rest[q]];
        }
        double[] tileTotals = new double[16 * tiles.size()];
        double[] restTotals = new double[restCount];
        int vectorColumns = dim - dim % LANES;
        float[] lanes = new float[16 * LANES];
        double[] sums = new double[16];
        for (int c0 = 0; c0 < vectorColumns; c0 += CHUNK) {
            int c1 = Math.min(vectorColumns, c0 + CHUNK);
            for (int t = 0; t < tiles.size(); t++) {
                int b = tiles.get(t);
                tileSums(
                        x,
                        n,
                        dim,
                        4 * (b / blocks),
                        4 * (b % blocks),
                        c0,
                        c1,
                        true,
                        true,
                        lanes,
                        sums);
                for (int e = 0; e < 16; e++) {
                    tileTotals[16 * t + e] += sums[e];
                }
            }
            int q = 0;
            // Four pairs at once: four independent chains of fused multiply-adds keep the FMA
            // units busy where one chain waits on each add's latency.
            for (; q + 4 <= restCount; q += 4) {
                chunkOfFour(x, dim, restFirst, restSecond, q, c0, c1, restTotals, lanes, sums);
            }
            for (; q < restCount; q++) {
                int a = restFirst[q] * dim;
                int b = restSecond[q] * dim;
                FloatVector sum = FloatVector.zero(SPECIES);
                for (int k = c0; k < c1; k += LANES) {
                    FloatVector d =
                            FloatVector.fromArray(SPECIES, x, a + k)
                                    .sub(FloatVector.fromArray(SPECIES, x, b + k));
                    sum = d.fma(d, sum);
                }
                restTotals[q] += laneSum(sum);
            }
        }
        double[] total = new double[count];
        for (int q = 0; q < restCount; q++) {
            total[rest[q]] = restTotals[q];
        }
        for (int p = 0; p < count; p++) {
            int t = tileOfBlock[GramKernel.block(first[p], second[p], blocks)];
            if (t >= 0) {
                int i = Math.max(first[p], second[p]);
                int j = Math.min(first[p], second[p]);
                total[p] = tileTotals[16 * t + 4 * (i % 4) + j % 4];
            }
            int a = first[p] * dim;
            int b = second[p] * dim;
            for (int k = vectorColumns; k < dim; k++) {
                double d = (double) x[a + k] - x[b + k];
                total[p] += d * d;
            }
        }
        return total;
    }

    /** Pairs {@code p..p+3} of {@link #squaredDistances} over columns {@code c0..c1-1}. */
    private static void chunkOfFour(
            float[] x,
            int dim,
            int[] first,
            int[] second,
            int p,
            int c0,
            int c1,
            double[] total,
            float[] lanes,
            double[] sums) {
        int a0 = first[p] * dim;
        int b0 = second[p] * dim;
        int a1 = first[p + 1] * dim;
        int b1 = second[p + 1] * dim;
        int a2 = first[p + 2] * dim;
        int b2 = second[p + 2] * dim;
        int a3 = first[p + 3] * dim;
        int b3 = second[p + 3] * dim;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        for (int k = c0; k < c1; k += LANES) {
            FloatVector d0 =
                    FloatVector.fromArray(SPECIES, x, a0 + k)
                            .sub(FloatVector.fromArray(SPECIES, x, b0 + k));
            FloatVector d1 =
                    FloatVector.fromArray(SPECIES, x, a1 + k)
                            .sub(FloatVector.fromArray(SPECIES, x, b1 + k));
            FloatVector d2 =
                    FloatVector.fromArray(SPECIES, x, a2 + k)
                            .sub(FloatVector.fromArray(SPECIES, x, b2 + k));
            FloatVector d3 =
                    FloatVector.fromArray(SPECIES, x, a3 + k)
                            .sub(FloatVector.fromArray(SPECIES, x, b3 + k));
            s0 = d0.fma(d0, s0);
            s1 = d1.fma(d1, s1);
            s2 = d2.fma(d2, s2);
            s3 = d3.fma(d3, s3);
        }
        s0.intoArray(lanes, 0);
        s1.intoArray(lanes, LANES);
        s2.intoArray(lanes, 2 * LANES);
        s3.intoArray(lanes, 3 * LANES);
        laneSums(lanes, 4, sums);
        for (int q = 0; q < 4; q++) {
            total[p + q] += sums[q];
        }
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
}

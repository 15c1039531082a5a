package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GramKernelTest {

    /**
     * The many-pairs pass (four pairs interleaved, then the rest one by one) must give each pair
     * the bits of the one-pair path: distances, hence barcodes, may not depend on how many pairs
     * the Gram form left unresolved.
     */
    @ParameterizedTest
    @CsvSource({
        "5, 3, 7, false",
        "9, 4099, 30, false",
        "12, 25088, 66, false",
        "32, 1, 11, false",
        "7, 1029, 0, true",
        "32, 2048, 0, true",
        "13, 40, 0, true"
    })
    void manyPairsGiveEachPairTheBitsOfOnePair(int n, int dim, int drawn, boolean allPairs) {
        SplittableRandom r = new SplittableRandom(n * 7919L + dim);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(0, r.nextGaussian() * Math.scalb(1.0, r.nextInt(-30, 31)));
        }
        // Drawn pairs (repeats and (i, i) included) leave most 4 x 4 blocks of rows below the
        // tile's threshold; all ordered pairs send every block through the register tile, with
        // each pair in both orders.
        int count = allPairs ? n * (n - 1) : drawn;
        int[] first = new int[count];
        int[] second = new int[count];
        int p0 = 0;
        for (int i = 0; allPairs && i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    first[p0] = i;
                    second[p0++] = j;
                }
            }
        }
        for (int p = 0; !allPairs && p < count; p++) {
            first[p] = r.nextInt(n);
            second[p] = r.nextInt(n);
        }
        double[] many = GramKernel.squaredDistances(x, dim, first, second, count);
        for (int p = 0; p < count; p++) {
            double one = GramKernel.squaredDistance(x, first[p] * dim, second[p] * dim, dim);
            assertEquals(
                    Double.doubleToRawLongBits(one),
                    Double.doubleToRawLongBits(many[p]),
                    "pair " + p + " (" + first[p] + ", " + second[p] + ")");
        }
    }

    /**
     * Each Gram entry of the tiled kernel (16 entries' lane sums interleaved) has the bits of that
     * entry summed alone: per column chunk, fused multiply-adds per lane, the lanes added in order
     * in double, then the columns left over in double.
     */
    @ParameterizedTest
    @CsvSource({"5, 3", "9, 4099", "32, 20000", "13, 1040"})
    void tiledGramGivesEachEntryTheBitsOfTheEntryAlone(int n, int dim) {
        SplittableRandom r = new SplittableRandom(n * 104729L + dim);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            // Magnitudes over 2^-30..2^30: lane sums that are not exact in double, so the order
            // of every addition shows in the bits.
            x[i] = (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(-30, 31)));
        }
        double[] g = GramKernel.lowerGram(x, n, dim);
        int done = GramKernel.VECTORIZED ? dim - dim % VectorGram.LANES : 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double alone = 0;
                for (int c0 = 0; c0 < done; c0 += VectorGram.CHUNK) {
                    FloatVector s = FloatVector.zero(VectorGram.SPECIES);
                    for (int k = c0;
                            k < Math.min(done, c0 + VectorGram.CHUNK);
                            k += VectorGram.LANES) {
                        s =
                                FloatVector.fromArray(VectorGram.SPECIES, x, i * dim + k)
                                        .fma(
                                                FloatVector.fromArray(
                                                        VectorGram.SPECIES, x, j * dim + k),
                                                s);
                    }
                    alone += VectorGram.laneSum(s);
                }
                double tail = 0;
                for (int k = done; k < dim; k++) {
                    tail += (double) x[i * dim + k] * x[j * dim + k];
                }
                alone += tail;
                assertEquals(
                        Double.doubleToRawLongBits(alone),
                        Double.doubleToRawLongBits(g[EuclideanDistances.index(i, j)]),
                        "entry (" + i + ", " + j + ")");
            }
        }
    }
}

package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodePropertiesTest {

    private static PointCloud permuted(PointCloud c, long seed) {
        int n = c.size();
        int d = c.dimension();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(c.coordinates(), perm[i] * d, x, i * d, d);
        }
        return new PointCloud(n, d, x);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void barcodeIsInvariantUnderPointPermutation(long seed) {
        PointCloud c = VietorisRipsTest.gaussian(30 + (int) seed * 5, 4, seed);
        int maxDim = seed % 3 == 0 ? 2 : 1;
        Barcode a = VietorisRips.barcode(c, maxDim);
        Barcode b = VietorisRips.barcode(permuted(c, seed + 100), maxDim);
        // Permuting rows changes the float summation order in no distance, so values are identical.
        BarcodeAssert.assertSameMultiset(a.intervals(), b.intervals(), 0, "permutation");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void barcodeScalesWithTheCloud(long seed) {
        PointCloud c = VietorisRipsTest.gaussian(40, 3, seed);
        float[] x = c.coordinates().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 4f; // a power of two scales every float exactly
        }
        Barcode a = VietorisRips.barcode(c, 1);
        Barcode b = VietorisRips.barcode(new PointCloud(40, 3, x), 1);
        BarcodeAssert.assertSameMultiset(
                a.intervals().stream()
                        .map(
                                p ->
                                        new PersistenceInterval(
                                                p.dimension(), 4 * p.birth(), 4 * p.death()))
                        .toList(),
                b.intervals(),
                1e-6,
                "scaling by 4");
        float[] y = c.coordinates().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= 3.7f;
        }
        Barcode s = VietorisRips.barcode(new PointCloud(40, 3, y), 1);
        assertEquals(
                a.positiveLength().inDimension(0).size(), s.positiveLength().inDimension(0).size());
        double total =
                a.positiveLength().inDimension(1).stream()
                        .mapToDouble(PersistenceInterval::persistence)
                        .sum();
        double scaled =
                s.positiveLength().inDimension(1).stream()
                        .mapToDouble(PersistenceInterval::persistence)
                        .sum();
        assertEquals(3.7 * total, scaled, 1e-4 * (1 + scaled));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 57, 128})
    void dimensionZeroHasOneEssentialAndNMinusOneFiniteClasses(int n) {
        PointCloud c = VietorisRipsTest.gaussian(n, 5, n);
        Barcode b = VietorisRips.barcode(c, 1);
        assertEquals(1, b.essentialCount(0));
        assertEquals(n - 1, b.inDimension(0).stream().filter(p -> !p.isEssential()).count());
        for (PersistenceInterval p : b.intervals()) {
            assertTrue(p.birth() <= p.death(), p.toString());
        }
        assertEquals(
                0, b.essentialCount(1), "nothing of dimension 1 survives the enclosing radius");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 20})
    void duplicatePointsGiveZeroLengthFiniteH0IntervalsThatBettiIgnores(int n) {
        PointCloud c = VietorisRipsTest.gaussian(n, 3, n);
        float[] x = new float[2 * n * 3];
        System.arraycopy(c.coordinates(), 0, x, 0, 3 * n);
        System.arraycopy(c.coordinates(), 0, x, 3 * n, 3 * n);
        Barcode b = VietorisRips.barcode(new PointCloud(2 * n, 3, x), 1);
        assertEquals(2 * n - 1, b.inDimension(0).stream().filter(p -> !p.isEssential()).count());
        assertEquals(n, b.inDimension(0).stream().filter(p -> p.death() == 0f).count());
        assertEquals(n, b.betti(0), "n - 1 positive finite intervals plus the essential one");
    }
}

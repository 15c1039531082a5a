package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VietorisRipsTest {

    static PointCloud gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return new PointCloud(n, d, x);
    }

    static PointCloud circle(int n, double radius) {
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) (radius * Math.cos(2 * Math.PI * i / n));
            x[2 * i + 1] = (float) (radius * Math.sin(2 * Math.PI * i / n));
        }
        return new PointCloud(n, 2, x);
    }

    @Test
    void unitSquareMatchesRipser() {
        PointCloud square = PointCloud.ofRows(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
        Barcode b = VietorisRips.barcode(square, 1);
        assertEquals(
                List.of(
                        new PersistenceInterval(0, 0, 1),
                        new PersistenceInterval(0, 0, 1),
                        new PersistenceInterval(0, 0, 1),
                        new PersistenceInterval(0, 0, Float.POSITIVE_INFINITY),
                        new PersistenceInterval(1, 1, (float) Math.sqrt(2))),
                b.intervals());
    }

    @Test
    void circleHasOneDominantLoop() {
        Barcode b = VietorisRips.barcode(circle(24, 1.0), 1);
        List<PersistenceInterval> h1 = b.positiveLength().inDimension(1);
        assertEquals(1, h1.size(), h1.toString());
        assertTrue(h1.get(0).persistence() > 1.0f, h1.toString());
    }

    @Test
    void twoFarClustersGiveTwoLongComponents() {
        PointCloud a = gaussian(10, 3, 1);
        float[] x = new float[60];
        System.arraycopy(a.coordinates(), 0, x, 0, 30);
        PointCloud b = gaussian(10, 3, 2);
        for (int i = 0; i < 30; i++) {
            x[30 + i] = b.coordinates()[i] + 100f;
        }
        Barcode bc = VietorisRips.barcode(new PointCloud(20, 3, x), 1);
        List<PersistenceInterval> h0 = bc.inDimension(0);
        long longOnes = h0.stream().filter(p -> p.persistence() > 50f).count();
        assertEquals(2, longOnes);
        assertEquals(1, bc.essentialCount(0));
    }

    @Test
    void agreesWithTextbookReductionOnRandomClouds() {
        for (int seed = 0; seed < 40; seed++) {
            int n = 5 + seed % 9;
            int maxDim = seed % 3;
            PointCloud c = gaussian(n, 2 + seed % 3, seed);
            LowerDistanceMatrix d = EuclideanDistances.of(c);
            Barcode b = VietorisRips.barcode(d, RipsOptions.upToDimension(maxDim));
            BarcodeAssert.assertSameMultiset(
                    NaiveRips.intervals(d, maxDim, Float.POSITIVE_INFINITY),
                    b.intervals(),
                    0,
                    "seed " + seed);
        }
    }

    @Test
    void agreesWithTextbookReductionWithThresholdAndTies() {
        for (int seed = 0; seed < 30; seed++) {
            int n = 6 + seed % 7;
            SplittableRandom r = new SplittableRandom(seed);
            float[] x = new float[2 * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(4);
            }
            LowerDistanceMatrix d = EuclideanDistances.of(new PointCloud(n, 2, x));
            int maxDim = 1 + seed % 2;
            float t = seed % 3 == 0 ? 1.5f : Float.POSITIVE_INFINITY;
            Barcode b = VietorisRips.barcode(d, new RipsOptions(maxDim, t));
            BarcodeAssert.assertSameMultiset(
                    NaiveRips.intervals(d, maxDim, t), b.intervals(), 0, "grid seed " + seed);
        }
    }

    @Test
    void agreesWithTextbookReductionOnNonMetricMatricesFullOfTies() {
        // Rips filtrations need no triangle inequality; small integer distances tie everywhere and
        // exercise every tie-breaking path (apparent and emergent pairs, clearing) at once.
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom r = new SplittableRandom(1000 + seed);
            int n = 5 + r.nextInt(8);
            float[] lower = new float[n * (n - 1) / 2];
            for (int i = 0; i < lower.length; i++) {
                lower[i] = seed % 4 == 0 ? r.nextInt(3) : 1 + r.nextInt(4); // zeros too, sometimes
            }
            LowerDistanceMatrix d = LowerDistanceMatrix.of(n, lower);
            int maxDim = seed % 3;
            float t = seed % 5 == 0 ? 2f : Float.POSITIVE_INFINITY;
            Barcode b = VietorisRips.barcode(d, new RipsOptions(maxDim, t));
            // The oracle runs without the enclosing-radius cut: the cone argument needs no metric.
            BarcodeAssert.assertSameMultiset(
                    NaiveRips.intervals(d, maxDim, t),
                    b.intervals(),
                    0,
                    "tied matrix seed " + seed);
            assertEquals(
                    n, b.inDimension(0).size(), "every vertex pairs or survives in dimension 0");
        }
    }
}

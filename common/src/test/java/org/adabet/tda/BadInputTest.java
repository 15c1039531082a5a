package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {

    @Test
    void nanCoordinateIsRejectedNamingRowAndColumn() {
        float[] x = {0, 1, 2, 3, Float.NaN, 5};
        PointCloud cloud = new PointCloud(3, 2, x);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> VietorisRips.barcode(cloud, 1));
        assertTrue(e.getMessage().contains("row 2, column 0"), e.getMessage());
    }

    @Test
    void infiniteCoordinateIsRejected() {
        float[] x = {0, Float.POSITIVE_INFINITY};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new PointCloud(1, 2, x).requireFinite());
        assertTrue(e.getMessage().contains("row 0, column 1"), e.getMessage());
    }

    /**
     * Every distance path names the first bad coordinate: the Gram path through the row's norm (in
     * the vector-aligned columns and in the columns left over), the direct and Ripser-compatible
     * paths up front.
     */
    @ParameterizedTest
    @CsvSource({"5, 40, 3, 17, NaN", "33, 37, 30, 36, Infinity", "8, 1030, 0, 1029, -Infinity"})
    void everyDistancePathRejectsANonFiniteCoordinate(
            int n, int dim, int row, int column, float bad) {
        float[] x = new float[n * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = k % 7;
        }
        x[row * dim + column] = bad;
        PointCloud cloud = new PointCloud(n, dim, x);
        String expected = "row " + row + ", column " + column;
        for (org.junit.jupiter.api.function.Executable path :
                List.<org.junit.jupiter.api.function.Executable>of(
                        () -> EuclideanDistances.of(cloud),
                        () -> EuclideanDistances.of(cloud, EuclideanDistances.Order.GRAM_FIRST),
                        () -> EuclideanDistances.direct(cloud),
                        () -> EuclideanDistances.ripserCompatible(cloud))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, path);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void raggedRowsAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PointCloud.ofRows(new float[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void wrongCoordinateCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PointCloud(2, 2, new float[3]));
    }

    @Test
    void fewerThanTwoPointsIsRejectedForPersistence() {
        PointCloud one = new PointCloud(1, 3, new float[3]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> VietorisRips.barcode(one, 1));
        assertTrue(e.getMessage().contains("at least 2 points"), e.getMessage());
    }

    @Test
    void dimensionOutOfRangeIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RipsOptions.upToDimension(3));
        assertTrue(e.getMessage().contains("was 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RipsOptions.upToDimension(-1));
    }

    @Test
    void negativeOrNanDistanceIsRejectedNamingTheEntry() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LowerDistanceMatrix.of(3, new float[] {1, -2, 3}));
        assertTrue(e.getMessage().contains("row 2, column 0"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> LowerDistanceMatrix.of(2, new float[] {Float.NaN}));
        assertThrows(
                IllegalArgumentException.class,
                () -> LowerDistanceMatrix.of(3, new float[] {1, 2}));
    }

    @Test
    void tooLargeToIndexFailsBeforeAllocating() {
        // A distance matrix that claims 40,000 points but allocates nothing: the index check must
        // fire before the engine asks for a single distance.
        DistanceMatrix huge =
                new DistanceMatrix() {
                    @Override
                    public int size() {
                        return 40_000;
                    }

                    @Override
                    public float distance(int i, int j) {
                        throw new AssertionError("read a distance before the size check");
                    }
                };
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VietorisRips.barcode(huge, RipsOptions.upToDimension(2)));
        assertTrue(e.getMessage().contains("too large to index"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filtration.checkIndexBits(100_000, 1));
    }

    @Test
    void negativeThresholdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RipsOptions(1, -1f));
        assertThrows(IllegalArgumentException.class, () -> new RipsOptions(1, Float.NaN));
    }
}

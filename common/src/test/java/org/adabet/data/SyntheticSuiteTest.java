package org.adabet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.adabet.config.DataConfig;
import org.adabet.config.TargetDomain;
import org.junit.jupiter.api.Test;

class SyntheticSuiteTest {
    private static final DataConfig SMALL =
            new DataConfig(16, 4, 5, 3, List.of("corrupted", "new_classes"), 4, 2, List.of());

    @Test
    void sameSeedGivesBitIdenticalImages() {
        DomainData a = new SyntheticSuite(1, SMALL).target(TargetDomain.CORRUPTED);
        DomainData b = new SyntheticSuite(1, SMALL).target(TargetDomain.CORRUPTED);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertFalse(
                Arrays.equals(
                        a.train().pixels(),
                        new SyntheticSuite(2, SMALL)
                                .target(TargetDomain.CORRUPTED)
                                .train()
                                .pixels()));
    }

    @Test
    void splitsHaveTheConfiguredSizesAndBalancedInterleavedLabels() {
        DomainData s = new SyntheticSuite(1, SMALL).source();
        assertEquals(20, s.train().size());
        assertEquals(12, s.test().size());
        assertEquals(3 * 16 * 16, s.train().imageLength());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, Arrays.copyOf(s.train().labels(), 8));
        for (float v : s.train().pixels()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void targetsDifferFromTheSourceAndFromEachOther() {
        SyntheticSuite suite = new SyntheticSuite(3, SMALL);
        float[] source = suite.source().train().pixels();
        float[] corrupted = suite.target(TargetDomain.CORRUPTED).train().pixels();
        float[] novel = suite.target(TargetDomain.NEW_CLASSES).train().pixels();
        int n = Math.min(source.length, Math.min(corrupted.length, novel.length));
        assertFalse(Arrays.equals(Arrays.copyOf(source, n), Arrays.copyOf(corrupted, n)));
        assertFalse(Arrays.equals(Arrays.copyOf(corrupted, n), Arrays.copyOf(novel, n)));
    }

    private static double std(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    @Test
    void labelShiftSkewsTrainingTowardsTheFirstClassesAndTestTowardsTheLast() {
        DataConfig many = new DataConfig(8, 4, 5, 3, List.of("label_shift"), 200, 200, List.of());
        DomainData d = new SyntheticSuite(1, many).target(TargetDomain.LABEL_SHIFT);
        int[] train = counts(d.train().labels(), 4);
        int[] test = counts(d.test().labels(), 4);
        assertTrue(train[0] > train[3] * 2, Arrays.toString(train));
        assertTrue(test[3] > test[0] * 2, Arrays.toString(test));
    }

    @Test
    void colourShiftKeepsTheSourceLabelsAndChangesThePixels() {
        SyntheticSuite suite = new SyntheticSuite(3, SMALL);
        DomainData shifted = suite.target(TargetDomain.COLOUR_SHIFT);
        assertArrayEquals(
                Arrays.copyOf(suite.source().train().labels(), 8),
                Arrays.copyOf(shifted.train().labels(), 8));
        assertFalse(
                Arrays.equals(
                        suite.target(TargetDomain.CORRUPTED).train().pixels(),
                        shifted.train().pixels()));
    }

    private static int[] counts(int[] labels, int classes) {
        int[] c = new int[classes];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }
}

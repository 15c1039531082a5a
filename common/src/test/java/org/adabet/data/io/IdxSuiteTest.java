package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.adabet.config.ConfigLoader;
import org.adabet.config.DataConfig;
import org.adabet.config.IdxSuiteConfig;
import org.adabet.config.IdxTarget;
import org.adabet.data.DomainData;
import org.adabet.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX suite on small IDX files the test writes ({@link IdxFiles}). */
class IdxSuiteTest {
    @TempDir Path dir;

    private DataConfig config() throws IOException {
        IdxFiles.write(dir, 20, 10);
        return new DataConfig(
                10,
                2,
                5,
                3,
                List.of("idx_blur", "idx_held_out", "idx_subpopulation"),
                4,
                2,
                List.of(),
                new IdxSuiteConfig(
                        dir.toString(),
                        List.of(List.of(0, 1), List.of(2)),
                        List.of(List.of(3), List.of(4)),
                        List.of(3, 4, 5)));
    }

    @Test
    void sourceIsNormalisedPaddedAndBalanced() throws IOException {
        DomainData source = IdxSuite.source(1, config());
        ImageSet train = source.train();
        assertEquals(10, train.size());
        assertEquals(3, train.channels());
        assertEquals(10, train.height());
        assertEquals(2, train.numClasses());
        int[] perClass = new int[2];
        for (int l : train.labels()) {
            perClass[l]++;
        }
        assertArrayEquals(new int[] {5, 5}, perClass);
        double sum = 0;
        double sq = 0;
        for (float v : train.pixels()) {
            sum += v;
            sq += v * v;
        }
        int n = train.pixels().length;
        assertEquals(0, sum / n, 1e-4);
        assertEquals(1, Math.sqrt(sq / n - (sum / n) * (sum / n)), 1e-4);
        // The 1-pixel frame (28 -> 32 in the real suite; 8 -> 10 here) holds the normalised black,
        // the same value in every channel.
        float corner = train.pixels()[0];
        assertEquals(corner, train.pixels()[9]);
        assertEquals(corner, train.pixels()[100 + 99]);
        assertEquals(6, source.test().size());
    }

    @Test
    void targetsNeverHoldASourceImageAndTheSuiteIsSeeded() throws IOException {
        DataConfig data = config();
        int[] labels = IdxReader.readLabels(dir.resolve("train-labels-idx1-ubyte"));
        List<List<Integer>> classes = data.idx().sourceClasses();
        Set<Integer> source = new HashSet<>();
        IdxSuite.choose(1, labels, classes, 0, 5, "source", "train", dir)
                .forEach(c -> source.add(c[0]));
        Set<Integer> target = new HashSet<>();
        IdxSuite.choose(1, labels, classes, 5, 4, "idx_blur", "train", dir)
                .forEach(c -> target.add(c[0]));
        assertEquals(10, source.size());
        assertEquals(8, target.size());
        target.retainAll(source);
        assertTrue(target.isEmpty(), "shared images " + target);
        assertArrayEquals(
                IdxSuite.target(1, data, IdxTarget.BLUR).train().pixels(),
                IdxSuite.target(1, data, IdxTarget.BLUR).train().pixels());
        assertNotEquals(
                java.util.Arrays.hashCode(
                        IdxSuite.target(1, data, IdxTarget.BLUR).train().pixels()),
                java.util.Arrays.hashCode(
                        IdxSuite.target(2, data, IdxTarget.BLUR).train().pixels()));
    }

    @Test
    void heldOutTargetHasItsOwnClassesAndSubpopulationTheSourceOnes() throws IOException {
        DataConfig data = config();
        DomainData held = IdxSuite.target(1, data, IdxTarget.HELD_OUT);
        assertEquals(3, held.train().numClasses());
        assertEquals(12, held.train().size());
        DomainData sub = IdxSuite.target(1, data, IdxTarget.SUBPOPULATION);
        assertEquals(2, sub.train().numClasses());
        assertEquals(8, sub.train().size());
    }

    @Test
    void corruptionsDoWhatTheySay() {
        SplittableRandom r = new SplittableRandom(1);
        double[] flat = new double[64];
        java.util.Arrays.fill(flat, 0.4);
        double[] blurred = IdxSuite.corrupt(flat, 8, 8, IdxTarget.BLUR, r);
        for (double v : blurred) {
            assertEquals(0.4, v, 1e-12); // a normalised kernel keeps a constant image
        }
        double[] delta = new double[81];
        delta[40] = 1;
        double total = 0;
        for (double v : IdxSuite.blur(delta, 9, 9, IdxSuite.BLUR_SIGMA)) {
            total += v;
        }
        assertEquals(1, total, 1e-12); // radius 4 fits inside 9x9: no mass leaves the image
        double[] ramp = new double[64];
        for (int i = 0; i < 64; i++) {
            ramp[i] = i / 63.0;
        }
        double[] low = IdxSuite.corrupt(ramp, 8, 8, IdxTarget.CONTRAST, r);
        // The ramp's mean 0.5 stays; its range 1 becomes 0.3.
        assertEquals(0.5, (low[63] + low[0]) / 2, 1e-12);
        assertEquals(0.3, low[63] - low[0], 1e-12);
        double[] a = IdxSuite.corrupt(ramp, 8, 8, IdxTarget.NOISE, new SplittableRandom(5));
        double[] b = IdxSuite.corrupt(ramp, 8, 8, IdxTarget.NOISE, new SplittableRandom(5));
        assertArrayEquals(a, b);
        for (double v : a) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IdxSuite.file(dir, "nothing"));
        assertTrue(e.getMessage().contains("nothing.gz"), e.getMessage());
    }

    @Test
    void theFashionConfigurationBuildsFromDebiansFiles() {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(fashion), "dataset-fashion-mnist is not installed");
        DataConfig data = ConfigLoader.load("fashion", List.of()).data();
        DomainData source = IdxSuite.source(42, data);
        assertEquals(3000, source.train().size());
        assertEquals(600, source.test().size());
        assertEquals(32, source.train().height());
        DomainData held = IdxSuite.target(42, data, IdxTarget.HELD_OUT);
        assertEquals(5, held.train().numClasses());
        assertEquals(500, held.train().size());
        assertEquals(300, IdxSuite.target(42, data, IdxTarget.SUBPOPULATION).test().size());
    }
}

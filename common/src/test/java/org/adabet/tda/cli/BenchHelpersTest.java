package org.adabet.tda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchHelpersTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Timing.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Timing.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void correctedRatioIsWithheldWhenTheDifferenceIsNoise() {
        assertEquals("0.50", PhBenchMain.ratio(1.0, 2.0, 3.0));
        assertEquals("n/a", PhBenchMain.ratio(1.0, 0.2, 3.0), "under 0.3 ms");
        assertEquals("n/a", PhBenchMain.ratio(1.0, 0.5, 10.0), "under 10% of the raw time");
    }

    @Test
    void benchCloudsAreReproducible() {
        assertEquals(BenchClouds.make("relu", 4, 10, 7), BenchClouds.make("relu", 4, 10, 7));
    }
}

package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BettiStatisticsTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    private final Barcode barcode =
            new Barcode(
                    1,
                    List.of(
                            new PersistenceInterval(
                                    0, 0, 0), // duplicate points: zero length, not counted
                            new PersistenceInterval(0, 0, 1),
                            new PersistenceInterval(0, 0, 3),
                            new PersistenceInterval(0, 0, INF),
                            new PersistenceInterval(1, 2, 2.5f),
                            new PersistenceInterval(1, 1, 3)));

    @Test
    void countsPositiveLengthIntervalsAndSkipsEssentialOnesInTotals() {
        BettiStatistics s = BettiStatistics.of(barcode, 4, 10);
        assertEquals(new BettiStatistics(4, 10, 3, 2, 4.0, 2.5, 3.0, 2.0), s);
        assertEquals(2.0 / 40, s.referenceScore(), 1e-15);
    }

    @Test
    void thresholdedBettiCountsOnlyLongerIntervals() {
        assertEquals(1, BettiStatistics.beta1Above(barcode, 1.0));
        assertEquals(2, barcode.bettiAbove(1, 0.4));
        assertEquals(2, barcode.bettiAbove(0, 1.5), "the essential class always counts");
    }

    @Test
    void referenceScoreDoesNotOverflowForLargeLayers() {
        BettiStatistics s = new BettiStatistics(128, 802_816L * 1000, 1, 5, 0, 0, 0, 0);
        assertEquals(5.0 / (128.0 * 802_816_000.0), s.referenceScore(), 1e-25);
    }
}

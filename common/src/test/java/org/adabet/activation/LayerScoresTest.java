package org.adabet.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerScoresTest {
    private static LayerBatchStatistics stat(String layer, int batch, int beta1, long dimension) {
        return new LayerBatchStatistics(
                0,
                layer,
                "conv",
                1,
                batch,
                32,
                dimension,
                32,
                beta1,
                0,
                0,
                0,
                0,
                beta1 / (32.0 * dimension),
                new int[] {beta1, 1},
                0,
                0);
    }

    @Test
    void referenceScoreIsBeta1OverNTimesDSummedOverBatches() {
        Map<String, Double> s =
                LayerScores.reference(
                        List.of(stat("a", 1, 3, 100), stat("a", 0, 1, 100), stat("b", 0, 5, 10)));
        assertEquals(3 / 3200.0 + 1 / 3200.0, s.get("a"), 1e-18);
        assertEquals(5 / 320.0, s.get("b"), 1e-18);
        assertEquals(
                4.0,
                LayerScores.of(
                                List.of(stat("a", 1, 3, 100), stat("a", 0, 1, 100)),
                                ScoreVariant.BETA1)
                        .get("a"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new double[] {4, 2},
                LayerScores.channels(List.of(stat("a", 1, 3, 100), stat("a", 0, 1, 100))).get("a"));
    }
}

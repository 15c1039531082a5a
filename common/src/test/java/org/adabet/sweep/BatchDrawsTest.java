package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.junit.jupiter.api.Test;

class BatchDrawsTest {
    private static final Pair PAIR = new Pair("convnet_s", "corrupted");

    @Test
    void drawZeroIsTheNaturalOrderAndLaterDrawsSeededPermutations() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, BatchDraws.order(7, PAIR, 0, 5));
        int[] one = BatchDraws.order(7, PAIR, 1, 100);
        assertArrayEquals(one, BatchDraws.order(7, PAIR, 1, 100));
        assertFalse(Arrays.equals(one, BatchDraws.order(7, PAIR, 2, 100)));
        assertFalse(Arrays.equals(one, BatchDraws.order(8, PAIR, 1, 100)));
        int[] sorted = one.clone();
        Arrays.sort(sorted);
        assertArrayEquals(BatchDraws.order(7, PAIR, 0, 100), sorted);
    }

    @Test
    void theStatisticsTasksAreDrawsTimesPairsTimesBatchesWithDrawZeroKeysAsBefore() {
        SweepConfig config =
                ConfigLoader.load(
                        "quick", List.of("statistics.batches=2", "statistics.batch-draws=3"));
        List<StatisticsTask> tasks = SweepPlan.of(config).statisticsTasks();
        assertEquals(3 * 4 * 2, tasks.size());
        assertEquals(new StatisticsTask(new Pair("convnet_s", "corrupted"), 0, 0), tasks.get(0));
        assertEquals(
                "convnet_s/corrupted|batch=1", TaskKeys.statistics(new StatisticsTask(PAIR, 1)));
        assertEquals(
                "convnet_s/corrupted|batch=1|draw=2",
                TaskKeys.statistics(new StatisticsTask(PAIR, 1, 2)));
    }
}

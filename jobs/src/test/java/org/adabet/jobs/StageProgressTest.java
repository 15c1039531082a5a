package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void printsAtEachTenthWithTheTimeLeftFromTheMeanTaskTime() {
        StageProgress p = new StageProgress("retrain: 20 tasks", 20, 0);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            p.taskEnded(i != 7, i * 3 * SECOND).ifPresent(lines::add);
        }
        assertEquals(10, lines.size(), lines.toString());
        assertEquals("retrain: 2/20 tasks, about 54s left", lines.get(0));
        assertEquals("retrain: 8/20 tasks, 1 failed attempts, about 36s left", lines.get(3));
        assertEquals("retrain: 20/20 tasks, 1 failed attempts, about 0s left", lines.get(9));
        assertEquals("retrain: 20/20 tasks in 1m00s, 1 failed attempts", p.finished(60 * SECOND));
    }

    @Test
    void aSlowStageIsNeverSilentForLongerThanTheQuietPeriod() {
        StageProgress p = new StageProgress("oracle: 1000 tasks", 1000, 0);
        assertTrue(p.taskEnded(true, SECOND).isEmpty());
        assertEquals(
                "oracle: 2/1000 tasks, about 291m05s left",
                p.taskEnded(true, StageProgress.QUIET_NANOS + 5 * SECOND).orElseThrow());
    }
}

package org.adabet.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
    @Test
    void startsAtBaseHalvesAtMidpointAndApproachesZero() {
        CosineSchedule s = new CosineSchedule(0.1, 100);
        assertEquals(0.1, s.at(0), 1e-15);
        assertEquals(0.05, s.at(50), 1e-15);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), s.at(99), 1e-15);
    }
}

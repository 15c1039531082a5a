package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adabet.device.DeviceProfile;
import org.adabet.stats.Summary;
import org.junit.jupiter.api.Test;

class ComparisonGroupTest {
    private static final List<DeviceProfile> DEVICES =
            List.of(new DeviceProfile("small", 1000, 1.0), new DeviceProfile("big", 5000, 2.0));

    private static ComparisonGroup group(int runs, int failed, double mean, double sd, double p) {
        return new ComparisonGroup(
                "convnet_s/a",
                "adabet",
                "rho=0.2",
                runs,
                failed,
                mean,
                sd,
                70,
                71,
                40,
                2,
                11,
                p,
                900,
                2000,
                2500,
                4e9,
                12.5,
                300,
                false,
                2,
                0,
                800,
                List.of("conv1", "fc"));
    }

    @Test
    void theIntervalFromMomentsIsTheIntervalOfTheSample() {
        double[] sample = {80.1, 82.3, 79.4, 85.0};
        Summary direct = Summary.of(sample);
        double mean = (80.1 + 82.3 + 79.4 + 85.0) / 4;
        double ss = 0;
        for (double v : sample) {
            ss += (v - mean) * (v - mean);
        }
        Summary fromMoments = Summary.of(4, mean, Math.sqrt(ss / 3));
        assertEquals(direct, fromMoments);
        assertEquals(direct, group(4, 0, mean, Math.sqrt(ss / 3), 10).toRow(DEVICES).accuracy());
    }

    @Test
    void oneRunHasNoSpreadAndNoRunHasNoMeanOrParameters() {
        Summary one = group(1, 1, 81.0, Double.NaN, 10).toRow(DEVICES).accuracy();
        assertEquals(Summary.of(new double[] {81.0}), one);
        ComparisonRow none = group(0, 2, Double.NaN, Double.NaN, Double.NaN).toRow(DEVICES);
        assertTrue(Double.isNaN(none.accuracy().mean()));
        assertEquals(0, none.parametersTrained(), "Math.round(NaN), as the mean of no run gave");
    }

    @Test
    void devicesAndRoundingFollowTheConfiguration() {
        ComparisonRow r = group(2, 0, 80, 1, 10.5).toRow(DEVICES);
        assertEquals(11, r.parametersTrained(), "rounded half up");
        assertEquals(List.of("big"), r.fits(), "peak 2000 bytes fits 5000, not 1000");
        assertEquals(List.of(4.0, 2.0), r.deviceSeconds());
        assertEquals("conv1 fc", r.layers());
    }

    @Test
    void aGroupWithoutRunsIsRejectedNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> group(0, 0, 1, 1, 1));
        assertEquals(
                "comparison group convnet_s/a|adabet|rho=0.2 must hold a run, was runs=0,"
                        + " failed=0",
                e.getMessage());
    }
}

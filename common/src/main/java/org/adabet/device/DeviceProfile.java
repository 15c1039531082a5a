package org.adabet.device;

import java.io.Serializable;

/**
 * A device a retraining run is checked against.
 *
 * @param memoryBytes memory a training process can use
 * @param gflops sustained single-precision GFLOP/s
 */
public record DeviceProfile(String name, long memoryBytes, double gflops) implements Serializable {

    public DeviceProfile {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    "adabet.devices: name may hold only letters, digits, '_', '.' and '-', was '"
                            + name
                            + "'");
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException(
                    "adabet.devices." + name + ".memory must be > 0 bytes, was " + memoryBytes);
        }
        if (!(gflops > 0) || Double.isInfinite(gflops)) {
            throw new IllegalArgumentException(
                    "adabet.devices."
                            + name
                            + ".gflops must be a finite number > 0, was "
                            + gflops);
        }
    }

    /** Whether a run with this peak memory fits. */
    public boolean fits(long peakBytes) {
        return peakBytes <= memoryBytes;
    }

    /** Seconds to execute this many FLOPs at the sustained rate. */
    public double seconds(double flops) {
        return flops / (gflops * 1e9);
    }
}

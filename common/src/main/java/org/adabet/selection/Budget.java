package org.adabet.selection;

import java.io.Serializable;
import java.util.Locale;

/**
 * How much a budgeted method may select: a fraction rho of the candidate layers (floor(rho * L)) or
 * a peak training memory in bytes. Exactly one of the two is set.
 */
public record Budget(Double rho, Long memoryBytes) implements Serializable {

    public Budget {
        if ((rho == null) == (memoryBytes == null)) {
            throw new IllegalArgumentException(
                    "a budget is either rho or memory bytes, was rho="
                            + rho
                            + ", memory="
                            + memoryBytes);
        }
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new IllegalArgumentException(
                    "memory budget must be > 0 bytes, was " + memoryBytes);
        }
    }

    public static Budget ofRho(double rho) {
        return new Budget(rho, null);
    }

    public static Budget ofMemory(long bytes) {
        return new Budget(null, bytes);
    }

    /** The budget as written in tables: {@code rho=0.1} or {@code mem=262144}. */
    public String label() {
        return rho != null ? String.format(Locale.ROOT, "rho=%s", rho) : "mem=" + memoryBytes;
    }
}

package org.adabet.tda.cli;

import java.util.Locale;

/** The Ripser 1.2 input formats this command reads. */
enum InputFormat {
    /** One point per line, coordinates separated by commas or whitespace. */
    POINT_CLOUD("point-cloud"),
    /**
     * The strict lower triangle d(1,0), d(2,0), d(2,1), d(3,0), ... as one stream of values; line
     * breaks do not matter, the count must be n (n - 1) / 2.
     */
    LOWER_DISTANCE("lower-distance"),
    /**
     * One row per line; line i (0-based) contributes its first i values, so a full matrix or a
     * lower triangle with the diagonal both work. This is also what Debian's ripser 1.2.1 does when
     * no --format is given (its help says lower-distance, its reader is this one), so it is our
     * default too: {@code adabet ph FILE} and {@code ripser FILE} read the same matrix.
     */
    DISTANCE("distance");

    final String flag;

    InputFormat(String flag) {
        this.flag = flag;
    }

    static InputFormat parse(String s) {
        for (InputFormat f : values()) {
            if (f.flag.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown --format '" + s + "' (supported: point-cloud, lower-distance, distance)");
    }
}

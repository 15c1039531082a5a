package org.adabet.tda.cli;

import java.util.Locale;

/** The Ripser 1.2 input formats this command reads. */
enum InputFormat {
  /** One point per line, coordinates separated by commas or whitespace. */
  POINT_CLOUD("point-cloud"),
  /** Line i holds d(i,0) .. d(i,i-1); the first line (point 0) holds nothing that is read. */
  LOWER_DISTANCE("lower-distance"),
  /** The full matrix, one row per line; only the strict lower triangle is read. */
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
    throw new IllegalArgumentException("unknown --format '" + s
        + "' (supported: point-cloud, lower-distance, distance)");
  }
}

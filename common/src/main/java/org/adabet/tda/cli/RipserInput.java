package org.adabet.tda.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.adabet.tda.EuclideanDistances;
import org.adabet.tda.LowerDistanceMatrix;
import org.adabet.tda.PointCloud;

/**
 * Reads Ripser 1.2's text formats. Values are separated by commas and/or whitespace. Unlike
 * Ripser (which asserts or silently truncates), every malformed input is an
 * {@link IllegalArgumentException} naming the line (1-based) and the offending value.
 *
 * <p>Lower-distance input is read line by line as Debian's ripser 1.2.1 does: line i (0-based)
 * contributes its first i values, so the first line belongs to point 0 and a diagonal or upper
 * part on a line is ignored. That makes the same reader serve the full-matrix format.
 *
 * @param cloud the point cloud, for point-cloud input; null otherwise
 * @param distances the distances as Ripser would compute or read them
 */
record RipserInput(PointCloud cloud, LowerDistanceMatrix distances) {

  static RipserInput read(BufferedReader in, InputFormat format) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("empty input: no values to read");
    }
    return format == InputFormat.POINT_CLOUD ? pointCloud(lines) : lowerTriangle(lines);
  }

  private static RipserInput pointCloud(List<String> lines) {
    List<float[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int l = 0; l < lines.size(); l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      float[] row = values(lines.get(l), l);
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw new IllegalArgumentException("ragged point cloud: line " + (l + 1) + " has "
            + row.length + " coordinates, line " + (lineNumbers.get(0) + 1) + " has " + rows.get(0).length);
      }
      rows.add(row);
      lineNumbers.add(l);
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException("persistence needs at least 2 points, got " + rows.size());
    }
    PointCloud cloud = PointCloud.ofRows(rows.toArray(new float[0][]));
    return new RipserInput(cloud, EuclideanDistances.ripserCompatible(cloud));
  }

  private static RipserInput lowerTriangle(List<String> lines) {
    int n = lines.size();
    if (n < 2) {
      throw new IllegalArgumentException("persistence needs at least 2 points, got " + n
          + " (the first line of a lower-distance file is point 0 and holds no distances)");
    }
    if (n > LowerDistanceMatrix.MAX_POINTS) {
      throw new IllegalArgumentException("too many points: " + n);
    }
    float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
    int k = 0;
    for (int i = 1; i < n; i++) {
      float[] row = values(lines.get(i), i);
      if (row.length < i) {
        throw new IllegalArgumentException("line " + (i + 1) + " must hold the " + i
            + " distances to the points before it, has " + row.length);
      }
      for (int j = 0; j < i; j++) {
        if (!(row[j] >= 0f) || row[j] == Float.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("line " + (i + 1) + ", value " + (j + 1)
              + ": distance must be finite and >= 0, was " + row[j]);
        }
        lower[k++] = row[j];
      }
    }
    return new RipserInput(null, LowerDistanceMatrix.of(n, lower));
  }

  private static float[] values(String line, int lineIndex) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return new float[0];
    }
    String[] tokens = trimmed.split("[,\\s]+");
    float[] out = new float[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      try {
        out[t] = Float.parseFloat(tokens[t]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + (lineIndex + 1) + ", value " + (t + 1)
            + ": not a number: '" + tokens[t] + "'");
      }
      if (!Float.isFinite(out[t])) {
        throw new IllegalArgumentException("line " + (lineIndex + 1) + ", value " + (t + 1)
            + ": not finite: '" + tokens[t] + "'");
      }
    }
    return out;
  }
}

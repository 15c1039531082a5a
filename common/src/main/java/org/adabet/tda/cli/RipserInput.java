package org.adabet.tda.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.adabet.tda.EuclideanDistances;
import org.adabet.tda.LowerDistanceMatrix;
import org.adabet.tda.PointCloud;

/**
 * Reads Ripser 1.2's text formats. Values are separated by commas and/or whitespace. Unlike Ripser
 * (which asserts or silently truncates), every malformed input is an {@link
 * IllegalArgumentException} naming the line (1-based) and the offending value.
 *
 * <p>Formats follow what Debian's ripser 1.2.1 actually does (see {@link InputFormat}): a
 * lower-distance input is one stream of values, a distance input is read row by row with line i
 * contributing its first i values.
 *
 * @param cloud the point cloud, for point-cloud input; null otherwise
 * @param distances the distances as Ripser would compute or read them
 * @param warning a note for standard error, or null
 */
record RipserInput(PointCloud cloud, LowerDistanceMatrix distances, String warning) {

    RipserInput(PointCloud cloud, LowerDistanceMatrix distances) {
        this(cloud, distances, null);
    }

    static RipserInput read(BufferedReader in, InputFormat format) throws IOException {
        return read(in, format, false);
    }

    /**
     * @param defaulted true when the user gave no --format: then row-wise reading warns if the
     *     first line holds anything but a 0, since a lower-distance stream (d(1,0) first) would be
     *     misread
     */
    static RipserInput read(BufferedReader in, InputFormat format, boolean defaulted)
            throws IOException {
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
        return switch (format) {
            case POINT_CLOUD -> pointCloud(lines);
            case LOWER_DISTANCE -> lowerStream(lines);
            case DISTANCE ->
                    withWarning(lowerTriangle(lines), defaulted ? firstLineWarning(lines) : null);
        };
    }

    /**
     * A note for standard error when the default (row-wise) reading probably misreads the input:
     * values on the first line are ignored by it, but a lower-distance stream starts there.
     */
    private static RipserInput withWarning(RipserInput input, String warning) {
        return new RipserInput(input.cloud(), input.distances(), warning);
    }

    private static String firstLineWarning(List<String> lines) {
        float[] first = values(lines.get(0), 0);
        if (first.length == 0 || (first.length == 1 && first[0] == 0f)) {
            return null;
        }
        return "warning: the values on line 1 were ignored: without --format the input is read row by row"
                + " (line i gives d(i,0) .. d(i,i-1)), as ripser 1.2.1 does; if the file lists d(1,0), d(2,0),"
                + " d(2,1), ... from its first line, use --format lower-distance";
    }

    private static RipserInput lowerStream(List<String> lines) {
        int count = 0;
        for (int l = 0; l < lines.size(); l++) {
            count += values(lines.get(l), l).length;
        }
        long n = Math.round((1 + Math.sqrt(1 + 8.0 * count)) / 2);
        if (n * (n - 1) / 2 != count) {
            throw new IllegalArgumentException(
                    "lower-distance input has "
                            + count
                            + " values, not n (n - 1) / 2 for any number of points n");
        }
        if (n < 2) {
            throw new IllegalArgumentException("persistence needs at least 2 points, got " + n);
        }
        if (n > LowerDistanceMatrix.MAX_POINTS) {
            throw new IllegalArgumentException("too many points: " + n);
        }
        float[] lower = new float[count];
        int k = 0;
        for (int l = 0; l < lines.size(); l++) {
            float[] row = values(lines.get(l), l);
            for (int v = 0; v < row.length; v++) {
                if (!(row[v] >= 0f)) {
                    throw new IllegalArgumentException(
                            "line "
                                    + (l + 1)
                                    + ", value "
                                    + (v + 1)
                                    + ": distance must be >= 0, was "
                                    + row[v]);
                }
                lower[k++] = row[v];
            }
        }
        return new RipserInput(null, LowerDistanceMatrix.of((int) n, lower));
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
                throw new IllegalArgumentException(
                        "ragged point cloud: line "
                                + (l + 1)
                                + " has "
                                + row.length
                                + " coordinates, line "
                                + (lineNumbers.get(0) + 1)
                                + " has "
                                + rows.get(0).length);
            }
            rows.add(row);
            lineNumbers.add(l);
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(
                    "persistence needs at least 2 points, got " + rows.size());
        }
        PointCloud cloud = PointCloud.ofRows(rows.toArray(new float[0][]));
        return new RipserInput(cloud, EuclideanDistances.ripserCompatible(cloud));
    }

    private static RipserInput lowerTriangle(List<String> lines) {
        int n = lines.size();
        if (n < 2) {
            throw new IllegalArgumentException(
                    "persistence needs at least 2 points, got "
                            + n
                            + " (read row by row, the first line is point 0's and holds no distances)");
        }
        if (n > LowerDistanceMatrix.MAX_POINTS) {
            throw new IllegalArgumentException("too many points: " + n);
        }
        float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
        int k = 0;
        for (int i = 1; i < n; i++) {
            float[] row = values(lines.get(i), i);
            if (row.length < i) {
                throw new IllegalArgumentException(
                        "line "
                                + (i + 1)
                                + " must hold the "
                                + i
                                + " distances to the points before it, has "
                                + row.length);
            }
            for (int j = 0; j < i; j++) {
                if (!(row[j] >= 0f) || row[j] == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            "line "
                                    + (i + 1)
                                    + ", value "
                                    + (j + 1)
                                    + ": distance must be finite and >= 0, was "
                                    + row[j]);
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
                throw new IllegalArgumentException(
                        "line "
                                + (lineIndex + 1)
                                + ", value "
                                + (t + 1)
                                + ": not a number: '"
                                + tokens[t]
                                + "'");
            }
            if (!Float.isFinite(out[t])) {
                throw new IllegalArgumentException(
                        "line "
                                + (lineIndex + 1)
                                + ", value "
                                + (t + 1)
                                + ": not finite: '"
                                + tokens[t]
                                + "'");
            }
        }
        return out;
    }
}

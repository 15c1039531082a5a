package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code convnet_s}'s initialisation, activations, a short training trajectory and its gradient
 * statistics, checked three ways that hold on any x86-64 CPU:
 *
 * <ul>
 *   <li>the seeded initialisation is plain Java ({@link SeededInit}), so its bits are compared
 *       exactly with the value recorded when the graph network replaced the step-list one;
 *   <li>two networks from one seed in one JVM give the same bits everywhere (what the sweep's
 *       determinism on one machine rests on);
 *   <li>the values match a recorded reference ({@code /model/convnet_s_trajectory.txt}, regenerated
 *       by {@link #main}) within {@link #TOLERANCE} of each tensor's RMS. libtorch's kernels round
 *       differently per instruction set, so the reference cannot be compared bit for bit.
 * </ul>
 *
 * <p>The tolerance: float32's unit roundoff is u = 2^-24 ~ 6e-8; each activation is a dot product
 * of at most 9 x 16 = 144 terms, so one layer's rounding is below 144u ~ 1e-5 of the magnitudes it
 * sums (worst case; typical is sqrt(144)u), and five stages and three SGD steps each pass it on
 * roughly unamplified at these weight scales. 1e-4 of the RMS leaves a factor ~10 over that worst
 * case. Measured: the largest deviation over five kernel paths (native AVX-512, ATen avx2 and
 * default, oneDNN at AVX2, and an emulated Intel Haswell) is recorded in the README.
 */
class ConvnetSReferenceTest {
    static final double TOLERANCE = 1e-4;

    /** Elements kept per tensor in the reference: evenly spaced, first and last included. */
    static final int SAMPLES = 24;

    private static final String RESOURCE = "/model/convnet_s_trajectory.txt";

    @Test
    void seededInitialisationIsBitIdenticalToTheRecordedOne() {
        assertEquals("d5bc1c9d", ConvnetSTrajectory.hash(ConvnetSTrajectory.compute().initial()));
    }

    @Test
    void twoNetworksFromOneSeedGiveBitIdenticalActivationsTrainingAndGradients() {
        assertEquals(
                ConvnetSTrajectory.compute().checksums(), ConvnetSTrajectory.compute().checksums());
    }

    @Test
    void activationsTrainingAndGradientsMatchTheRecordedReferenceWithinFloat32Rounding()
            throws IOException {
        Deviation worst = largestDeviation(ConvnetSTrajectory.compute());
        assertTrue(worst.relative() <= TOLERANCE, "largest deviation from the reference: " + worst);
    }

    /** The largest deviation of one tensor from the reference, relative to that tensor's RMS. */
    record Deviation(double relative, String tensor) {
        @Override
        public String toString() {
            return String.format("%.3g of the RMS, in %s", relative, tensor);
        }
    }

    static Deviation largestDeviation(ConvnetSTrajectory trajectory) throws IOException {
        Map<String, double[]> reference = read();
        Map<String, double[]> now = summaries(trajectory.values());
        assertEquals(reference.keySet(), now.keySet(), "tensors of the trajectory");
        Deviation worst = new Deviation(0, "");
        for (Map.Entry<String, double[]> e : reference.entrySet()) {
            double deviation = deviation(e.getValue(), now.get(e.getKey()));
            if (deviation > worst.relative()) {
                worst = new Deviation(deviation, e.getKey());
            }
        }
        return worst;
    }

    /**
     * Per tensor: element count, RMS, then {@link #SAMPLES} evenly spaced elements (all of them
     * when fewer).
     */
    static Map<String, double[]> summaries(Map<String, double[]> values) {
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach(
                (name, v) -> {
                    int kept = Math.min(SAMPLES, v.length);
                    double[] s = new double[2 + kept];
                    s[0] = v.length;
                    double sq = 0;
                    for (double x : v) {
                        sq += x * x;
                    }
                    s[1] = Math.sqrt(sq / Math.max(1, v.length));
                    for (int k = 0; k < kept; k++) {
                        s[2 + k] =
                                v[kept == 1 ? 0 : (int) ((long) k * (v.length - 1) / (kept - 1))];
                    }
                    out.put(name, s);
                });
        return out;
    }

    /**
     * Largest |difference| of RMS and samples, relative to the reference RMS; infinite if the
     * counts differ.
     */
    static double deviation(double[] reference, double[] now) {
        if (reference.length != now.length || reference[0] != now[0]) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = Math.max(reference[1], Double.MIN_NORMAL);
        double worst = 0;
        for (int i = 1; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(reference[i] - now[i]) / scale);
        }
        return worst;
    }

    static Map<String, double[]> read() throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (InputStream in = ConvnetSReferenceTest.class.getResourceAsStream(RESOURCE)) {
            assertTrue(in != null, RESOURCE + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i]);
                }
                out.put(f[0], v);
            }
        }
        return out;
    }

    /**
     * Regenerates the reference on purpose only (the point is that it stays put): writes it to the
     * path given, e.g. {@code common/src/test/resources/model/convnet_s_trajectory.txt}.
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(
                "# convnet_s (width 4, 16x16, 5 classes, seed 17): activations of one pass over 8 seeded images,");
        lines.add(
                "# parameters after 3 SGD steps on features.1.conv, features.2.bn, features.4.bn, classifier,");
        lines.add("# then gradient statistics (fisher, gradient norm, parameter norm per layer).");
        lines.add(
                "# Per tensor: name, element count, RMS, " + SAMPLES + " evenly spaced elements.");
        lines.add(
                "# Made by ConvnetSReferenceTest.main on "
                        + System.getProperty("os.arch")
                        + " with libtorch's native"
                        + " kernels; compared within "
                        + TOLERANCE
                        + " of each tensor's RMS, never bit for bit.");
        summaries(ConvnetSTrajectory.compute().values())
                .forEach(
                        (name, s) -> {
                            StringBuilder sb = new StringBuilder(name);
                            for (int i = 0; i < s.length; i++) {
                                sb.append(' ')
                                        .append(
                                                i == 0
                                                        ? String.valueOf((long) s[0])
                                                        : String.format("%.9g", s[i]));
                            }
                            lines.add(sb.toString());
                        });
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        try (PrintStream p = new PrintStream(System.out, true, StandardCharsets.UTF_8)) {
            p.println("wrote " + lines.size() + " lines to " + out);
        }
    }
}

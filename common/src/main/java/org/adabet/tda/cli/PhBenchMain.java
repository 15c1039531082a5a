package org.adabet.tda.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.tda.Barcode;
import org.adabet.tda.EuclideanDistances;
import org.adabet.tda.FloatGram;
import org.adabet.tda.LowerDistanceMatrix;
import org.adabet.tda.PointCloud;
import org.adabet.tda.RipsOptions;
import org.adabet.tda.VietorisRips;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet bench ph [--quick]}: times this engine in-process (warmed up, median of several
 * runs, single-threaded) against a bare float32 matmul in the same JVM (distance step) and against
 * Debian's single-threaded {@code ripser} 1.2.1 subprocess fed the same float32 matrix as
 * lower-distance text (persistence step). Ripser's wall time includes its process start-up and text
 * parsing, so three ratios are printed: raw, start-up corrected (minus ripser's median time on a
 * 2-point input) and input corrected (minus ripser's median time on the same file with {@code
 * --threshold 0}, which reads and parses everything but computes nothing). Prints, never asserts;
 * exit status 2 when ripser is missing.
 */
@Command(
        name = "ph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Times the persistence engine against Debian's ripser (apt-get install ripser).")
public final class PhBenchMain implements Callable<Integer> {

    private record ComputeCase(String kind, int n, int dim, int maxDim) {}

    @Option(names = "--quick", description = "smaller sizes, fewer repetitions")
    boolean quick;

    /**
     * Entry point of {@code adabet bench ph [--quick]}; exits with status 2 when ripser is missing.
     */
    public static void main(String[] args) {
        CommandLine cl = Cli.commandLine(new PhBenchMain(), System.out, System.err);
        cl.setCommandName("adabet bench ph");
        int status = cl.execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        RipserProcess ripser = RipserProcess.onPath();
        if (ripser == null) {
            System.err.println(
                    "adabet bench ph: 'ripser' is not on the PATH; install it with: apt-get install ripser");
            return Cli.USAGE_ERROR;
        }
        run(ripser, quick, System.out);
        return 0;
    }

    static void run(RipserProcess ripser, boolean quick, PrintStream out)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("adabet-bench-ph");
        try {
            Path two = dir.resolve("two-points.lower_distance");
            Files.writeString(two, "\n1\n");
            double startup = ripser.medianMillis(two, 1, null, 11);
            out.printf(
                    "adabet bench ph%s: Java %s, %s; all timings single-threaded (like ripser); medians%n",
                    quick ? " --quick" : "",
                    System.getProperty("java.version"),
                    FloatGram.vectorApiActive()
                            ? "Vector API on (" + FloatGram.lanes() + " float lanes)"
                            : "Vector API OFF (run with --add-modules=jdk.incubator.vector)");
            out.printf("ripser start-up (2-point input): %.1f ms%n%n", startup);
            adabetWorkload(ripser, quick, dir, startup, out);
            computeBound(ripser, quick, dir, startup, out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void adabetWorkload(
            RipserProcess ripser, boolean quick, Path dir, double startup, PrintStream out)
            throws IOException, InterruptedException {
        out.println(
                "AdaBet workload: ReLU'd Gaussian, dims 0-1. (a) distances vs bare float32 X.X^T"
                        + " (same JVM; goal <= 1.2); (b) persistence vs ripser on the same matrix (goal <= 1.0)");
        out.printf(
                "%5s %8s | %9s %9s %6s %5s | %8s %9s %7s %7s %7s %4s | %9s %8s%n",
                "n",
                "D",
                "dist ms",
                "matmul ms",
                "chunk",
                "(a)",
                "PH ms",
                "ripser ms",
                "(b)raw",
                "(b)-st",
                "(b)-in",
                "same",
                "ms/layer",
                "layers/s");
        int[] ns = quick ? new int[] {32} : new int[] {32, 64, 128};
        int[] ds = {25_088, 100_352, 802_816};
        for (int n : ns) {
            for (int d : ds) {
                PointCloud cloud = BenchClouds.make("relu", n, d, 31L * n + d);
                int reps = (long) n * n * d > 2_000_000_000L ? 5 : 9;
                // The peer gets its fastest column chunk, then both are timed alternately.
                double fastest = Double.POSITIVE_INFINITY;
                int bestChunk = 0;
                for (int chunk : FloatGram.chunks()) {
                    double t =
                            Timing.medianMillis(
                                    () -> FloatGram.lowerProduct(cloud.coordinates(), n, d, chunk),
                                    2,
                                    3);
                    if (t < fastest) {
                        fastest = t;
                        bestChunk = chunk;
                    }
                }
                int chunk = bestChunk;
                double[] both =
                        Timing.interleavedMedianMillis(
                                () -> EuclideanDistances.of(cloud),
                                () -> FloatGram.lowerProduct(cloud.coordinates(), n, d, chunk),
                                2,
                                reps);
                double dist = both[0];
                double peer = both[1];
                LowerDistanceMatrix m = EuclideanDistances.of(cloud);
                PersistenceTiming ph =
                        persistence(ripser, dir, m, RipsOptions.upToDimension(1), 5, startup);
                double perLayer = dist + ph.ours;
                out.printf(
                        "%5d %8d | %9.2f %9.2f %6d %5.2f | %8.2f %9.2f %7.2f %7s %7s %4s | %9.2f %8.1f%n",
                        n,
                        d,
                        dist,
                        peer,
                        bestChunk,
                        dist / peer,
                        ph.ours,
                        ph.ripser,
                        ph.ours / ph.ripser,
                        ratio(ph.ours, ph.ripserLessStartup(), ph.ripser),
                        ratio(ph.ours, ph.ripserLessInput(), ph.ripser),
                        ph.same ? "yes" : "NO",
                        perLayer,
                        1000 / perLayer);
            }
        }
        out.println();
    }

    private static void computeBound(
            RipserProcess ripser, boolean quick, Path dir, double startup, PrintStream out)
            throws IOException, InterruptedException {
        out.println(
                "Compute-bound persistence on precomputed distances: ours / ripser (goal <= 1.0, > 1.5 not acceptable)");
        out.printf(
                "%-9s %5s %5s %4s | %9s %9s %10s %10s | %7s %7s %7s %4s%n",
                "cloud",
                "n",
                "D",
                "dims",
                "ours ms",
                "ripser ms",
                "-startup",
                "-input",
                "raw",
                "-st",
                "-in",
                "same");
        List<ComputeCase> cases =
                new ArrayList<>(
                        List.of(
                                new ComputeCase("gaussian", 256, 1000, 1),
                                new ComputeCase("uniform", 256, 1000, 1),
                                new ComputeCase("gaussian", 1024, 50, 1),
                                new ComputeCase("uniform", 1024, 50, 1),
                                new ComputeCase("gaussian", 200, 3, 2)));
        if (quick) {
            cases.remove(3);
            cases.remove(1);
        }
        for (ComputeCase c : cases) {
            PointCloud cloud = BenchClouds.make(c.kind, c.n, c.dim, 17L * c.n + c.dim);
            LowerDistanceMatrix m = EuclideanDistances.of(cloud);
            PersistenceTiming ph =
                    persistence(ripser, dir, m, RipsOptions.upToDimension(c.maxDim), 3, startup);
            out.printf(
                    "%-9s %5d %5d %4s | %9.1f %9.1f %10.1f %10.1f | %7.2f %7s %7s %4s%n",
                    c.kind,
                    c.n,
                    c.dim,
                    "0-" + c.maxDim,
                    ph.ours,
                    ph.ripser,
                    ph.ripserLessStartup(),
                    ph.ripserLessInput(),
                    ph.ours / ph.ripser,
                    ratio(ph.ours, ph.ripserLessStartup(), ph.ripser),
                    ratio(ph.ours, ph.ripserLessInput(), ph.ripser),
                    ph.same ? "yes" : "NO");
        }
        out.println();
        out.println(
                "raw: ripser wall time incl. process start-up and parsing its text input; -st/-startup: less"
                        + " the 2-point start-up time; -in/-input: less ripser's time on the same file with --threshold 0"
                        + " (start-up + reading + parsing); n/a where that difference is under 0.3 ms or 10% of the raw"
                        + " time (process noise). same: our printed barcode equals ripser's byte for byte.");
    }

    private record PersistenceTiming(
            double ours, double ripser, double startup, double input, boolean same) {
        double ripserLessStartup() {
            return ripser - startup;
        }

        double ripserLessInput() {
            return ripser - input;
        }
    }

    /**
     * {@code ours / denominator}, or "n/a" where the corrected ripser time is under 0.3 ms or 10%
     * of its raw time: a difference of two noisy process timings that small says nothing.
     */
    static String ratio(double ours, double denominator, double raw) {
        if (denominator < 0.3 || denominator < 0.1 * raw) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.2f", ours / denominator);
    }

    private static PersistenceTiming persistence(
            RipserProcess ripser,
            Path dir,
            LowerDistanceMatrix m,
            RipsOptions options,
            int reps,
            double startup)
            throws IOException, InterruptedException {
        // Millisecond runs need more warm-up (the JIT) and more samples than second-long ones.
        long t0 = System.nanoTime();
        VietorisRips.barcode(m, options);
        boolean small = System.nanoTime() - t0 < 20_000_000L;
        double ours =
                Timing.medianMillis(
                        () -> VietorisRips.barcode(m, options), small ? 30 : 3, small ? 21 : reps);
        Path file = dir.resolve("case.lower_distance");
        RipserProcess.writeLowerDistance(m, file);
        // Short runs are dominated by process noise: take more of them.
        int ripserReps =
                ripser.run(file, options.maxDimension(), null).nanos() < 100_000_000L ? 15 : 3;
        double theirs = ripser.medianMillis(file, options.maxDimension(), null, ripserReps);
        double input = ripser.medianMillis(file, options.maxDimension(), 0f, ripserReps);
        Barcode b = VietorisRips.barcode(m, options);
        String expected = ripser.run(file, options.maxDimension(), null).output();
        boolean same = expected.equals(RipserOutput.render(new RipserInput(null, m), options, b));
        return new PersistenceTiming(ours, theirs, startup, input, same);
    }
}

package org.adabet.tda.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adabet.tda.DistanceMatrix;

/** Runs Debian's {@code ripser} as a subprocess and times it (wall clock, start to exit). */
final class RipserProcess {

    private final Path executable;

    private RipserProcess(Path executable) {
        this.executable = executable;
    }

    /** Finds {@code ripser} on the PATH, or null. */
    static RipserProcess onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "ripser");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new RipserProcess(p);
            }
        }
        return null;
    }

    /**
     * Writes {@code d} as lower-distance text; Float.toString round-trips every float32 exactly.
     */
    static void writeLowerDistance(DistanceMatrix d, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            int n = d.size();
            w.write('\n');
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (j > 0) {
                        w.write(',');
                    }
                    w.write(Float.toString(d.distance(i, j)));
                }
                w.write('\n');
            }
        }
    }

    /** Output and elapsed nanoseconds of one run. */
    record Run(String output, long nanos) {}

    Run run(Path input, int dim, Float threshold) throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                executable.toString(),
                                "--format",
                                "lower-distance",
                                "--dim",
                                Integer.toString(dim)));
        if (threshold != null) {
            cmd.add("--threshold");
            cmd.add(Float.toString(threshold));
        }
        cmd.add(input.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        int status = p.waitFor();
        long t1 = System.nanoTime();
        if (status != 0) {
            throw new IOException(
                    "ripser exited with "
                            + status
                            + ": "
                            + new String(out, StandardCharsets.US_ASCII));
        }
        return new Run(new String(out, StandardCharsets.US_ASCII), t1 - t0);
    }

    /** Median wall time of {@code reps} runs, in milliseconds. */
    double medianMillis(Path input, int dim, Float threshold, int reps)
            throws IOException, InterruptedException {
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            t[r] = run(input, dim, threshold).nanos() / 1e6;
        }
        return Timing.median(t);
    }
}

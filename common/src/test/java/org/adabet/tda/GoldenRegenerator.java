package org.adabet.tda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: regenerates the golden barcodes with Debian's {@code ripser} (1.2.1). Run by {@code
 * src/test/resources/tda/regenerate-golden.sh}. For each {@link GoldenCase} it writes the distance
 * matrix as lower-distance text, runs {@code ripser --format lower-distance}, and stores ripser's
 * output verbatim under a header saying how it was made; then writes {@code index.txt}.
 */
public final class GoldenRegenerator {

    private GoldenRegenerator() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/tda/golden");
        Files.createDirectories(dir);
        String version = ripserVersion();
        List<String> names = new ArrayList<>();
        for (GoldenCase c : GoldenCase.ALL) {
            Path input = Files.createTempFile("golden", ".lower_distance");
            Files.writeString(input, c.lowerDistanceText(), StandardCharsets.US_ASCII);
            List<String> cmd =
                    new ArrayList<>(
                            List.of(
                                    "ripser",
                                    "--format",
                                    "lower-distance",
                                    "--dim",
                                    Integer.toString(c.maxDim())));
            if (c.threshold() != Float.POSITIVE_INFINITY) {
                cmd.add("--threshold");
                cmd.add(Float.toString(c.threshold()));
            }
            cmd.add(input.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ripser failed on " + c + ":\n" + out);
            }
            Files.delete(input);
            String header =
                    "# Golden barcode made by Debian's ripser "
                            + version
                            + " ("
                            + String.join(" ", cmd.subList(0, cmd.size() - 1))
                            + ")\n# on Euclidean distances of a GoldenClouds cloud (double, rounded once to float32),\n"
                            + "# written as lower-distance text with 9 significant digits. Compare as multisets,\n"
                            + "# births/deaths to 1e-5 relative (ripser prints 6 digits); counts must be identical.\n"
                            + "# Regenerate with src/test/resources/tda/regenerate-golden.sh\n"
                            + "# case: "
                            + c.header()
                            + "\n";
            Files.writeString(dir.resolve(c.fileName()), header + out, StandardCharsets.US_ASCII);
            names.add(c.fileName());
            System.out.println("wrote " + c.fileName());
        }
        Files.write(dir.resolve("index.txt"), names, StandardCharsets.US_ASCII);
    }

    private static String ripserVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "ripser").start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return v.isEmpty() ? "(version unknown)" : v;
    }
}

package org.adabet.tda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adabet.tda.GoldenCase;
import org.adabet.tda.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhMainTest {

    private record Result(int status, String out, String err) {}

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                PhMain.run(
                        args,
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)),
                        new PrintStream(out, true, StandardCharsets.US_ASCII),
                        new PrintStream(err, true, StandardCharsets.US_ASCII));
        return new Result(
                status,
                out.toString(StandardCharsets.US_ASCII),
                err.toString(StandardCharsets.US_ASCII));
    }

    static Stream<String> goldenFiles() {
        return GoldenFiles.goldenNames().stream();
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void lowerDistanceOutputIsByteIdenticalToRipser(String name) {
        String text = GoldenFiles.resource("golden/" + name);
        GoldenCase c = GoldenFiles.goldenCase(text);
        // The same command line the golden file was made with (see its header).
        String[] args =
                c.threshold() == Float.POSITIVE_INFINITY
                        ? new String[] {
                            "--format", "lower-distance", "--dim", Integer.toString(c.maxDim())
                        }
                        : new String[] {
                            "--format",
                            "lower-distance",
                            "--dim",
                            Integer.toString(c.maxDim()),
                            "--threshold",
                            Float.toString(c.threshold())
                        };
        Result r = run(c.lowerDistanceText(), args);
        assertEquals(0, r.status, r.err);
        assertEquals(GoldenFiles.body(text), r.out, name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "circle30-k1",
                "torus100-k2",
                "grid40-k2",
                "duplicates20-k1",
                "relu24x300-k1",
                "two-points-k1"
            })
    void pointCloudOutputIsByteIdenticalToRipser(String name, @TempDir Path dir)
            throws IOException {
        Path in = dir.resolve(name + ".in");
        Files.writeString(in, GoldenFiles.resource("point-cloud/" + name + ".in"));
        String k = name.substring(name.length() - 1);
        Result r = run("", "--format", "point-cloud", "--dim", k, in.toString());
        assertEquals(0, r.status, r.err);
        assertEquals(
                GoldenFiles.body(GoldenFiles.resource("point-cloud/" + name + ".ripser")),
                r.out,
                name);
    }

    @Test
    void readsStandardInputAndFullMatrices() {
        Result r = run("0 1 2\n1 0 3\n2 3 0\n", "--format", "distance");
        assertEquals(0, r.status, r.err);
        assertEquals(
                "value range: [1,3]\ndistance matrix with 3 points, using threshold at enclosing radius 2\n"
                        + "persistence intervals in dim 0:\n [0,1)\n [0,2)\n [0, )\npersistence intervals in dim 1:\n",
                r.out);
    }

    @Test
    void pointCloudWithThresholdPrintsLikeRipser() {
        // Verified against Debian ripser 1.2.1: no value range line, and the square's loop never
        // dies.
        Result r = run("0,0\n1,0\n0,1\n1,1\n", "--format", "point-cloud", "--threshold", "1.2");
        assertEquals(0, r.status, r.err);
        assertEquals(
                "point cloud with 4 points in dimension 2\npersistence intervals in dim 0:\n"
                        + " [0,1)\n [0,1)\n [0,1)\n [0, )\npersistence intervals in dim 1:\n [1, )\n",
                r.out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|--format point-cloud|empty input",
                "1,2\\n3\\n|--format point-cloud|line 2 has 1 coordinates",
                "1,2\\n3,nan\\n|--format point-cloud|line 2, value 2",
                "1,2\\n3,x\\n|--format point-cloud|not a number: 'x'",
                "1,2\\n|--format point-cloud|at least 2 points",
                "\\n1\\n2\\n|--format distance|line 3 must hold the 2 distances",
                "\\n1\\n2\\n|--format lower-distance|has 2 values, not n (n - 1) / 2",
                "1 2 3\\n||at least 2 points",
                "\\n-1\\n|--format lower-distance|line 2, value 1",
                "\\n1\\n|--dim 3|tda.maxDim must be in [0, 2], was 3",
                "\\n1\\n|--dim -1|was -1",
                "\\n1\\n|--format binary|unknown --format",
                "\\n1\\n|--threshold -2|--threshold must be >= 0"
            })
    void badInputExitsWithStatusTwoAndAMessage(String input, String args, String message) {
        Result r =
                run(
                        input.replace("\\n", "\n"),
                        args == null || args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(2, r.status);
        assertTrue(r.err.contains(message), r.err);
        assertEquals("", r.out);
    }

    @Test
    void defaultFormatReadsRowByRowLikeRipserAndWarnsWhenLineOneHasValues() {
        // Debian's ripser 1.2.1 without --format: line i gives d(i,0..i-1), line 1 is ignored.
        Result r = run("85\n120 48\n10 73 44\n37 47 76 42\n");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.startsWith("value range: [10,120]\ndistance matrix with 4 points"), r.out);
        assertTrue(r.err.contains("--format lower-distance"), r.err);
        Result stream = run("85\n120 48\n10 73 44\n37 47 76 42\n", "--format", "lower-distance");
        assertTrue(
                stream.out.startsWith("value range: [10,120]\ndistance matrix with 5 points"),
                stream.out);
        assertEquals("", stream.err);
    }

    @Test
    void missingFileIsBadInput() {
        Result r = run("", "/nonexistent/file.txt");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("no such file"), r.err);
    }
}

package org.adabet.tda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden files from the test classpath. */
public final class GoldenFiles {

    private GoldenFiles() {}

    public static String resource(String path) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/tda/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource tda/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> goldenNames() {
        return resource("golden/index.txt").lines().filter(l -> !l.isBlank()).toList();
    }

    /** The text after the '#' header lines: ripser's output verbatim. */
    public static String body(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** The '# case:' line of a golden file. */
    public static GoldenCase goldenCase(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# case: ")) {
                return GoldenCase.parse(line.substring("# case: ".length()));
            }
        }
        throw new IllegalStateException("golden file without a '# case:' line");
    }

    /** Parses ripser's interval lines back into intervals. */
    public static List<PersistenceInterval> intervals(String ripserOutput) {
        List<PersistenceInterval> out = new ArrayList<>();
        int dim = -1;
        for (String line : ripserOutput.split("\n")) {
            if (line.startsWith("persistence intervals in dim ")) {
                dim = Integer.parseInt(line.substring(29, line.length() - 1));
            } else if (line.startsWith(" [")) {
                String[] p = line.substring(2, line.length() - 1).split(",");
                float birth = Float.parseFloat(p[0]);
                float death = p[1].isBlank() ? Float.POSITIVE_INFINITY : Float.parseFloat(p[1]);
                out.add(new PersistenceInterval(dim, birth, death));
            }
        }
        return out;
    }
}

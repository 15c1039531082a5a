package org.adabet.tda;

import java.util.List;

/**
 * One golden case: a cloud recipe and what to compute. Distances are {@link
 * EuclideanDistances#direct} (double, rounded once to float32) so that the golden files do not
 * depend on the Gram kernel's blocking.
 */
public record GoldenCase(String kind, int n, int dim, long seed, int maxDim, float threshold) {

    /** The cases the regeneration script computes with ripser. */
    public static final List<GoldenCase> ALL =
            List.of(
                    new GoldenCase("gaussian", 3, 2, 1, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("gaussian", 20, 2, 2, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("gaussian", 100, 10, 3, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("gaussian", 300, 50, 4, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("gaussian", 60, 2000, 5, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("uniform", 4, 3, 6, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("uniform", 150, 3, 7, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("uniform", 250, 100, 8, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("relu", 32, 1000, 9, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("relu", 128, 500, 10, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("circle", 50, 2, 11, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("circle", 120, 5, 12, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("torus", 200, 3, 13, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("clusters", 90, 4, 14, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("duplicates", 40, 3, 15, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("grid", 60, 3, 16, 2, Float.POSITIVE_INFINITY),
                    new GoldenCase("grid", 200, 2, 17, 1, Float.POSITIVE_INFINITY),
                    new GoldenCase("gaussian", 80, 3, 18, 2, 1.2f),
                    new GoldenCase("torus", 150, 3, 19, 1, 0.9f));

    public String fileName() {
        return kind
                + "-n"
                + n
                + "-d"
                + dim
                + "-s"
                + seed
                + "-k"
                + maxDim
                + (threshold == Float.POSITIVE_INFINITY ? "" : "-t" + threshold)
                + ".txt";
    }

    String header() {
        return "kind="
                + kind
                + " n="
                + n
                + " dim="
                + dim
                + " seed="
                + seed
                + " maxdim="
                + maxDim
                + " threshold="
                + threshold;
    }

    public static GoldenCase parse(String header) {
        String kind = null;
        int n = 0;
        int dim = 0;
        long seed = 0;
        int maxDim = 0;
        float threshold = Float.POSITIVE_INFINITY;
        for (String kv : header.trim().split("\\s+")) {
            String[] p = kv.split("=", 2);
            switch (p[0]) {
                case "kind" -> kind = p[1];
                case "n" -> n = Integer.parseInt(p[1]);
                case "dim" -> dim = Integer.parseInt(p[1]);
                case "seed" -> seed = Long.parseLong(p[1]);
                case "maxdim" -> maxDim = Integer.parseInt(p[1]);
                case "threshold" -> threshold = Float.parseFloat(p[1]);
                default -> throw new IllegalArgumentException("unknown golden key " + p[0]);
            }
        }
        return new GoldenCase(kind, n, dim, seed, maxDim, threshold);
    }

    PointCloud cloud() {
        return GoldenClouds.make(kind, n, dim, seed);
    }

    LowerDistanceMatrix distances() {
        return EuclideanDistances.direct(cloud());
    }

    RipsOptions options() {
        return new RipsOptions(maxDim, threshold);
    }

    /** The distances as Ripser's lower-distance text, 9 significant digits (exact for float32). */
    public String lowerDistanceText() {
        LowerDistanceMatrix d = distances();
        StringBuilder sb = new StringBuilder("\n");
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(String.format(java.util.Locale.ROOT, "%.9g", d.distance(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

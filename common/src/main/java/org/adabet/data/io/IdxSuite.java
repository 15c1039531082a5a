package org.adabet.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.adabet.config.DataConfig;
import org.adabet.config.IdxSuiteConfig;
import org.adabet.config.IdxTarget;
import org.adabet.data.DomainData;
import org.adabet.data.ImageSet;
import org.adabet.seed.Seeds;

/**
 * A source domain and its targets from MNIST-family IDX files (Fashion-MNIST: Xiao, Rasul and
 * Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms",
 * 2017).
 *
 * <p>Each class draws from a pool: the images of its labels in the file, in a seeded order (seed,
 * split, labels). The source takes the first {@code data.source.*-per-class} of each pool, every
 * target of the same pool the next {@code data.target.*-per-class}, so no target holds a source
 * image; the corruption targets share their images (one comparison, three corruptions). Images then
 * get a seeded class-mixed order (the statistics read the first batches unshuffled).
 *
 * <p><b>Grey to the networks' input</b>: value / 255; a corruption, if any, at the files' size;
 * zero-padded (black) centred to {@code image-size} (which must be at least the files' size: no
 * resampling); copied into the three input channels; normalised by the mean and sd of every pixel
 * of the source training split (one value for all channels, so a target shares the source's
 * normalisation).
 *
 * <p><b>Corruptions</b> (seeded per target and split): blur = separable Gaussian, sigma 1.5 px,
 * radius 4, edges clamped; noise = additive Gaussian, sigma 0.3, clipped to [0, 1]; contrast = m +
 * 0.3 (x - m) with m the image's mean.
 */
public final class IdxSuite {
    private static final Map<String, IdxReader.Images> IMAGES = new ConcurrentHashMap<>();
    private static final Map<String, int[]> LABELS = new ConcurrentHashMap<>();

    static final double BLUR_SIGMA = 1.5;
    static final double NOISE_SIGMA = 0.3;
    static final double CONTRAST = 0.3;

    private IdxSuite() {}

    /** The source domain: the configured source classes. */
    public static DomainData source(long seed, DataConfig data) {
        IdxSuiteConfig idx = data.idx();
        float[] norm = normalisation(seed, data);
        return new DomainData(
                "source",
                build(
                        seed,
                        data,
                        "source",
                        "train",
                        idx.sourceClasses(),
                        0,
                        data.sourceTrainPerClass(),
                        null,
                        norm),
                build(
                        seed,
                        data,
                        "source",
                        "test",
                        idx.sourceClasses(),
                        0,
                        data.sourceTestPerClass(),
                        null,
                        norm));
    }

    /** One of the suite's targets. */
    public static DomainData target(long seed, DataConfig data, IdxTarget target) {
        IdxSuiteConfig idx = data.idx();
        float[] norm = normalisation(seed, data);
        List<List<Integer>> classes =
                switch (target) {
                    case HELD_OUT -> idx.heldOutClasses().stream().map(List::of).toList();
                    case SUBPOPULATION -> idx.subpopulationClasses();
                    default -> idx.sourceClasses();
                };
        // Pools shared with the source skip its images; the others start at their beginning.
        boolean shared = target != IdxTarget.HELD_OUT && target != IdxTarget.SUBPOPULATION;
        int trainSkip = shared ? data.sourceTrainPerClass() : 0;
        int testSkip = shared ? data.sourceTestPerClass() : 0;
        return new DomainData(
                target.configName(),
                build(
                        seed,
                        data,
                        target.configName(),
                        "train",
                        classes,
                        trainSkip,
                        data.targetTrainPerClass(),
                        target,
                        norm),
                build(
                        seed,
                        data,
                        target.configName(),
                        "test",
                        classes,
                        testSkip,
                        data.targetTestPerClass(),
                        target,
                        norm));
    }

    /** Mean and sd of every pixel of the source training split, padding included. */
    private static float[] normalisation(long seed, DataConfig data) {
        ImageSet raw =
                build(
                        seed,
                        data,
                        "source",
                        "train",
                        data.idx().sourceClasses(),
                        0,
                        data.sourceTrainPerClass(),
                        null,
                        new float[] {0, 1});
        double sum = 0;
        double sq = 0;
        for (float v : raw.pixels()) {
            sum += v;
            sq += (double) v * v;
        }
        int n = raw.pixels().length;
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(sq / n - mean * mean, 1e-12));
        return new float[] {(float) mean, (float) sd};
    }

    private static ImageSet build(
            long seed,
            DataConfig data,
            String domain,
            String split,
            List<List<Integer>> classes,
            int skip,
            int perClass,
            IdxTarget corruption,
            float[] norm) {
        Path dir = Path.of(data.idx().path());
        String prefix = split.equals("train") ? "train" : "t10k";
        IdxReader.Images images =
                IMAGES.computeIfAbsent(
                        file(dir, prefix + "-images-idx3-ubyte").toString(),
                        f -> IdxReader.readImages(Path.of(f)));
        int[] labels =
                LABELS.computeIfAbsent(
                        file(dir, prefix + "-labels-idx1-ubyte").toString(),
                        f -> IdxReader.readLabels(Path.of(f)));
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(
                    "IDX suite at "
                            + dir
                            + ": "
                            + split
                            + " split has "
                            + images.count()
                            + " images but "
                            + labels.length
                            + " labels");
        }
        int size = data.imageSize();
        if (size < images.rows() || size < images.columns()) {
            throw new IllegalArgumentException(
                    "adabet.data.image-size "
                            + size
                            + " is smaller than the IDX images ("
                            + images.rows()
                            + "x"
                            + images.columns()
                            + ") at "
                            + dir);
        }
        List<int[]> chosen = choose(seed, labels, classes, skip, perClass, domain, split, dir);
        SplittableRandom noise = Seeds.random(seed, "idx-corruption|" + domain + "|" + split);
        int rows = images.rows();
        int cols = images.columns();
        int top = (size - rows) / 2;
        int left = (size - cols) / 2;
        int plane = size * size;
        float background = (0 - norm[0]) / norm[1];
        float[] pixels = new float[chosen.size() * 3 * plane];
        int[] out = new int[chosen.size()];
        java.util.Arrays.fill(pixels, background);
        for (int k = 0; k < chosen.size(); k++) {
            double[] grey = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int q = 0; q < cols; q++) {
                    grey[r * cols + q] = images.pixel(chosen.get(k)[0], r, q) / 255.0;
                }
            }
            grey = corrupt(grey, rows, cols, corruption, noise);
            for (int ch = 0; ch < 3; ch++) {
                int base = (k * 3 + ch) * plane;
                for (int r = 0; r < rows; r++) {
                    for (int q = 0; q < cols; q++) {
                        pixels[base + (top + r) * size + left + q] =
                                (float) ((grey[r * cols + q] - norm[0]) / norm[1]);
                    }
                }
            }
            out[k] = chosen.get(k)[1];
        }
        return new ImageSet(domain + "/" + split, 3, size, size, pixels, out, classes.size());
    }

    /**
     * The images a domain's split takes: {file index, class} in the domain's order. Images {@code
     * skip .. skip + perClass} of each class's seeded pool.
     */
    static List<int[]> choose(
            long seed,
            int[] labels,
            List<List<Integer>> classes,
            int skip,
            int perClass,
            String domain,
            String split,
            Path dir) {
        List<int[]> chosen = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (classes.get(c).contains(labels[i])) {
                    pool.add(i);
                }
            }
            shuffle(pool, Seeds.random(seed, "idx-pool|" + split + "|" + classes.get(c)));
            if (pool.size() < skip + perClass) {
                throw new IllegalArgumentException(
                        "IDX suite at "
                                + dir
                                + ": class "
                                + classes.get(c)
                                + " has "
                                + pool.size()
                                + " "
                                + split
                                + " images, "
                                + domain
                                + " needs "
                                + (skip + perClass)
                                + " (the source's first)");
            }
            for (int j = skip; j < skip + perClass; j++) {
                chosen.add(new int[] {pool.get(j), c});
            }
        }
        shuffle(chosen, Seeds.random(seed, "idx-order|" + domain + "|" + split));
        return chosen;
    }

    /** The corruption of a target (none for the source, held-out and subpopulation targets). */
    static double[] corrupt(
            double[] grey, int rows, int cols, IdxTarget target, SplittableRandom random) {
        if (target == null) {
            return grey;
        }
        return switch (target) {
            case BLUR -> blur(grey, rows, cols, BLUR_SIGMA);
            case NOISE -> {
                double[] out = new double[grey.length];
                for (int i = 0; i < grey.length; i++) {
                    out[i] = Math.min(1, Math.max(0, grey[i] + NOISE_SIGMA * gaussian(random)));
                }
                yield out;
            }
            case CONTRAST -> {
                double m = java.util.Arrays.stream(grey).average().orElse(0);
                double[] out = new double[grey.length];
                for (int i = 0; i < grey.length; i++) {
                    out[i] = m + CONTRAST * (grey[i] - m);
                }
                yield out;
            }
            default -> grey;
        };
    }

    /** Separable Gaussian blur, radius ceil(3 sigma) - 1 = 4 for sigma 1.5, edges clamped. */
    static double[] blur(double[] grey, int rows, int cols, double sigma) {
        int radius = (int) Math.ceil(3 * sigma) - 1;
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            total += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        double[] across = new double[grey.length];
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int qq = Math.min(cols - 1, Math.max(0, q + i));
                    v += kernel[i + radius] * grey[r * cols + qq];
                }
                across[r * cols + q] = v;
            }
        }
        double[] out = new double[grey.length];
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int rr = Math.min(rows - 1, Math.max(0, r + i));
                    v += kernel[i + radius] * across[rr * cols + q];
                }
                out[r * cols + q] = v;
            }
        }
        return out;
    }

    /** Box-Muller: a standard normal from two uniforms. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** {@code name} in {@code dir}, or {@code name.gz}; an error naming both when neither is. */
    static Path file(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new IllegalArgumentException(
                "IDX suite: neither " + plain + " nor " + gz + " exists (adabet.data.idx.path)");
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

package org.adabet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adabet.config.DataConfig;
import org.adabet.config.TargetDomain;
import org.adabet.seed.Seeds;

/**
 * A deterministic domain-shift suite generated from a seed: a source domain to pretrain on and
 * target domains that differ from it in stated ways ({@link TargetDomain}). Each class is a set of
 * coloured oriented gratings; every sample moves, turns and rescales them, adds two random
 * distractor strokes and pixel noise, so no class is separable by a single pixel statistic. The
 * same (seed, settings) gives bit-identical images on any machine.
 */
public final class SyntheticSuite {
    /** Bumped whenever generated images change, so cached pretrained models are not reused. */
    public static final int GENERATOR_VERSION = 1;

    private static final int CHANNELS = 3;
    private static final int STROKES_PER_CLASS = 4;
    private static final int DISTRACTORS = 2;
    private static final double DISTRACTOR_AMPLITUDE = 0.7;
    private static final double SOURCE_NOISE = 0.3;
    private static final double CORRUPTED_NOISE = 0.1;
    private static final double CORRUPTED_CONTRAST = 0.8;
    private static final double CORRUPTED_BRIGHTNESS = 0.2;
    private static final double LABEL_SHIFT_NOISE = 0.6;

    /** Training classes drawn with weight 0.7^c, test classes with weight (1/0.7)^c. */
    private static final double LABEL_SKEW = 0.7;

    private final long seed;
    private final DataConfig config;

    public SyntheticSuite(long seed, DataConfig config) {
        this.seed = seed;
        this.config = config;
    }

    /** The source domain (the pretraining data). */
    public DomainData source() {
        List<Stroke[]> templates = templates("source", config.sourceClasses());
        return new DomainData(
                "source",
                render("source", "train", templates, config.sourceTrainPerClass(), null, 1),
                render("source", "test", templates, config.sourceTestPerClass(), null, 1));
    }

    /** A target domain's training and test split. */
    public DomainData target(TargetDomain domain) {
        String family = domain.hasNewClasses() ? "novel" : "source";
        List<Stroke[]> templates = templates(family, config.sourceClasses());
        Corruption corruption =
                switch (domain) {
                    case CORRUPTED ->
                            new Corruption(
                                    mix("corruption|mix"),
                                    true,
                                    CORRUPTED_CONTRAST,
                                    CORRUPTED_BRIGHTNESS,
                                    CORRUPTED_NOISE);
                    case COLOUR_SHIFT -> new Corruption(mix("colour-shift|mix"), false, 1, 0, 0);
                    case LABEL_SHIFT -> new Corruption(null, false, 1, 0, LABEL_SHIFT_NOISE);
                    case NEW_CLASSES -> null;
                };
        String name = domain.configName();
        boolean skewed = domain == TargetDomain.LABEL_SHIFT;
        return new DomainData(
                name,
                render(
                        name,
                        "train",
                        templates,
                        config.targetTrainPerClass(),
                        corruption,
                        skewed ? LABEL_SKEW : 1),
                render(
                        name,
                        "test",
                        templates,
                        config.targetTestPerClass(),
                        corruption,
                        skewed ? 1 / LABEL_SKEW : 1));
    }

    /** Number of classes of a domain: the suite keeps the class count the same for every domain. */
    public int numClasses() {
        return config.sourceClasses();
    }

    private List<Stroke[]> templates(String family, int classes) {
        List<Stroke[]> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            SplittableRandom rng = Seeds.random(seed, "template|" + family + "|" + c);
            Stroke[] strokes = new Stroke[STROKES_PER_CLASS];
            for (int s = 0; s < strokes.length; s++) {
                strokes[s] = Stroke.random(rng, config.imageSize());
            }
            out.add(strokes);
        }
        return out;
    }

    /**
     * @param skew 1 for balanced, interleaved classes; otherwise each image's class is drawn with
     *     weight skew^c (so class 0 is the most frequent when skew < 1, the least when skew > 1)
     */
    private ImageSet render(
            String domain,
            String split,
            List<Stroke[]> templates,
            int perClass,
            Corruption corruption,
            double skew) {
        int size = config.imageSize();
        int len = CHANNELS * size * size;
        int n = templates.size() * perClass;
        float[] pixels = new float[n * len];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = Seeds.random(seed, "sample|" + domain + "|" + split + "|" + i);
            // Balanced: interleave classes so any prefix of the split is class-balanced.
            int label = skew == 1 ? i % templates.size() : skewedClass(rng, templates.size(), skew);
            labels[i] = label;
            float[] image = sample(templates.get(label), rng, size);
            if (corruption != null) {
                image = corruption.apply(image, size, rng);
            }
            System.arraycopy(image, 0, pixels, i * len, len);
        }
        return new ImageSet(
                domain + "/" + split, CHANNELS, size, size, pixels, labels, templates.size());
    }

    private static int skewedClass(SplittableRandom rng, int classes, double skew) {
        double total = 0;
        for (int c = 0; c < classes; c++) {
            total += Math.pow(skew, c);
        }
        double u = rng.nextDouble(total);
        for (int c = 0; c < classes; c++) {
            u -= Math.pow(skew, c);
            if (u < 0) {
                return c;
            }
        }
        return classes - 1;
    }

    private static float[] sample(Stroke[] template, SplittableRandom rng, int size) {
        float[] image = new float[CHANNELS * size * size];
        double shift = size * 0.1;
        double dx = rng.nextDouble(-shift, shift);
        double dy = rng.nextDouble(-shift, shift);
        for (Stroke stroke : template) {
            stroke.jitter(rng, dx, dy).paint(image, size, 1.0);
        }
        for (int d = 0; d < DISTRACTORS; d++) {
            Stroke.random(rng, size).paint(image, size, DISTRACTOR_AMPLITUDE);
        }
        for (int p = 0; p < image.length; p++) {
            image[p] += (float) (SOURCE_NOISE * rng.nextGaussian());
        }
        return image;
    }

    /** A strong channel permutation plus random leakage: colours the source never showed. */
    private double[][] mix(String key) {
        SplittableRandom rng = Seeds.random(seed, key);
        double[][] mix = new double[CHANNELS][CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            for (int j = 0; j < CHANNELS; j++) {
                mix[i][j] = (j == (i + 1) % CHANNELS ? 0.8 : 0.0) + rng.nextDouble(-0.4, 0.4);
            }
        }
        return mix;
    }

    /**
     * A target's image shift: channel mixing (null: none), an optional 3x3 binomial blur, then
     * contrast, a per-image brightness jitter and extra pixel noise.
     */
    private record Corruption(
            double[][] mix, boolean blur, double contrast, double brightness, double noise) {
        float[] apply(float[] image, int size, SplittableRandom rng) {
            int plane = size * size;
            float[] mixed = image;
            if (mix != null) {
                mixed = new float[image.length];
                for (int c = 0; c < CHANNELS; c++) {
                    for (int k = 0; k < CHANNELS; k++) {
                        double m = mix[c][k];
                        for (int p = 0; p < plane; p++) {
                            mixed[c * plane + p] += (float) (m * image[k * plane + p]);
                        }
                    }
                }
            }
            float[] out = new float[image.length];
            double offset = brightness == 0 ? 0 : brightness * rng.nextGaussian();
            for (int c = 0; c < CHANNELS; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double v =
                                blur
                                        ? blurred(mixed, c * plane, size, x, y)
                                        : mixed[c * plane + y * size + x];
                        out[c * plane + y * size + x] =
                                (float)
                                        (contrast * v
                                                + offset
                                                + (noise == 0 ? 0 : noise * rng.nextGaussian()));
                    }
                }
            }
            return out;
        }

        /** 3x3 binomial blur ([1 2 1] x [1 2 1] / 16), edges clamped. */
        private static double blurred(float[] image, int offset, int size, int x, int y) {
            double sum = 0;
            for (int dy = -1; dy <= 1; dy++) {
                int yy = Math.min(size - 1, Math.max(0, y + dy));
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = Math.min(size - 1, Math.max(0, x + dx));
                    sum += (2 - Math.abs(dy)) * (2 - Math.abs(dx)) * image[offset + yy * size + xx];
                }
            }
            return sum / 16;
        }
    }
}

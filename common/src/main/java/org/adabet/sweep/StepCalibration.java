package org.adabet.sweep;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.SplittableRandom;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.platform.ReproducibleMode;
import org.adabet.retrain.Trainer;

/**
 * Times an architecture's basic operations ({@link StepCosts}) in this JVM: it builds the network
 * (seeded random weights: the cost does not depend on their values), runs {@value #WARM_UPS}
 * warm-ups and then {@value #TIMED} timed repetitions of a training step (every candidate layer
 * trainable), a capturing forward pass, a labelled backward pass and an inference pass of {@link
 * Trainer#EVAL_BATCH} images to predictions (what evaluation runs), on random images. Results are
 * cached as a small JSON file keyed by architecture, width-dependent shape, image size, batch sizes
 * and the kernel path ({@link ReproducibleMode#kernelPath()}), so a second plan reads them back.
 */
public final class StepCalibration {
    /**
     * Timed repetitions after the warm-ups. The fastest is kept: other work on a shared machine
     * only ever adds time to a repetition, so the minimum is the least disturbed measurement of
     * what a task running on its own core pays.
     */
    static final int TIMED = 5;

    /** Untimed first runs: library loading, first-call allocation and kernel selection. */
    static final int WARM_UPS = 2;

    private static final Gson GSON = new Gson();

    private StepCalibration() {}

    /** The cache key of a calibration (a file-name-safe string). */
    public static String key(Architecture arch, int trainBatch, int forwardBatch) {
        String raw =
                "calibration-"
                        + arch.name()
                        + "-p"
                        + arch.parameterCount()
                        + "-c"
                        + arch.numClasses()
                        + "-i"
                        + arch.imageSize()
                        + "-b"
                        + trainBatch
                        + "-f"
                        + forwardBatch
                        + "-e"
                        + Trainer.EVAL_BATCH
                        + "-"
                        + ReproducibleMode.kernelPath();
        return raw.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The cached calibration in {@code cacheDir}, or a new one (measured now and cached).
     *
     * @param measured set to true when this call measured (for the caller's message)
     */
    public static StepCosts costs(
            Path cacheDir,
            Architecture arch,
            int trainBatch,
            int forwardBatch,
            boolean[] measured) {
        Path file = cacheDir.resolve(key(arch, trainBatch, forwardBatch) + ".json");
        Optional<StepCosts> cached = read(file);
        if (cached.isPresent()) {
            measured[0] = false;
            return cached.get();
        }
        StepCosts c = measure(arch, trainBatch, forwardBatch);
        write(file, c);
        measured[0] = true;
        return c;
    }

    /** Times the operations now (no cache). */
    public static StepCosts measure(Architecture arch, int trainBatch, int forwardBatch) {
        int channels = arch.inputChannels();
        int pixels = channels * arch.imageSize() * arch.imageSize();
        SplittableRandom rng = new SplittableRandom(0);
        float[] trainImages = random(rng, trainBatch * pixels);
        int[] trainLabels = labels(rng, trainBatch, arch.numClasses());
        float[] images = random(rng, forwardBatch * pixels);
        int[] labels = labels(rng, forwardBatch, arch.numClasses());
        float[] evalImages = random(rng, Trainer.EVAL_BATCH * pixels);
        try (Network net = Networks.create(arch, 0)) {
            net.setTrainable(net.layers().stream().map(LayerInfo::name).toList());
            double step =
                    fastest(
                            () ->
                                    net.trainStep(
                                            trainImages, trainLabels, trainBatch, 1e-4, 0.0, 0.0));
            double forward = fastest(() -> net.activations(images, forwardBatch));
            double gradient = fastest(() -> net.gradientStatistics(images, labels, forwardBatch));
            double predict = fastest(() -> net.predict(evalImages, Trainer.EVAL_BATCH));
            return new StepCosts(
                    step, trainBatch, forward, forwardBatch, gradient, predict, Trainer.EVAL_BATCH);
        }
    }

    private static double fastest(Runnable op) {
        for (int i = 0; i < WARM_UPS; i++) {
            op.run();
        }
        double[] t = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            op.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        return java.util.Arrays.stream(t).min().orElseThrow();
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        return x;
    }

    private static int[] labels(SplittableRandom rng, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    /** A cached calibration; an unreadable or invalid file counts as none (it is re-measured). */
    static Optional<StepCosts> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StepCosts c =
                    GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), StepCosts.class);
            return Optional.ofNullable(c);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes atomically (a temporary file moved in place). */
    static void write(Path file, StepCosts c) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "calibration", ".tmp");
            Files.writeString(tmp, GSON.toJson(c), StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache calibration " + file, e);
        }
    }
}

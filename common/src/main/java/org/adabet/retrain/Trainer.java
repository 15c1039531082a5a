package org.adabet.retrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.adabet.config.TrainConfig;
import org.adabet.data.ImageSet;
import org.adabet.model.Network;
import org.adabet.model.PrefixCut;

/**
 * The training loop shared by pretraining and retraining: SGD with momentum, weight decay and
 * cosine decay over the layers the network has been told to train, a seeded shuffle each epoch,
 * evaluation on the test split (and a validation split, when given) after every epoch. The last
 * incomplete batch of an epoch is dropped (BatchNorm cannot train on a batch of one).
 *
 * <p>With {@link PrefixCaching} on, a run whose touched layers all lie behind a cut of the module
 * tree ({@link Network#frozenPrefix()}) computes the frozen prefix's output once per image of each
 * split (or takes it from the {@link PrefixCache}) and trains and evaluates only the suffix from
 * it: the same batches, the same steps, the same arithmetic on the suffix.
 */
public final class Trainer {
    /** Images per inference pass when a split is evaluated or its prefix outputs computed. */
    public static final int EVAL_BATCH = 256;

    private Trainer() {}

    /** Trains {@code network} in place and returns the per-epoch test accuracies. */
    public static TrainingResult train(
            Network network, ImageSet train, ImageSet test, TrainConfig config, long seed) {
        return train(network, train, null, test, config, seed);
    }

    /**
     * Trains {@code network} in place and returns the per-epoch validation and test accuracies.
     *
     * @param validation null or empty for none (the result then chooses the last epoch)
     */
    public static TrainingResult train(
            Network network,
            ImageSet train,
            ImageSet validation,
            ImageSet test,
            TrainConfig config,
            long seed) {
        return train(network, train, validation, test, config, seed, PrefixCaching.OFF);
    }

    /**
     * As {@link #train(Network, ImageSet, ImageSet, ImageSet, TrainConfig, long)}, from cached
     * prefix outputs when {@code caching} is on, the network has a frozen prefix and the three
     * splits' prefix outputs fit the cache's bound; {@link TrainingResult#prefixCached()} says
     * whether they were used.
     */
    public static TrainingResult train(
            Network network,
            ImageSet train,
            ImageSet validation,
            ImageSet test,
            TrainConfig config,
            long seed,
            PrefixCaching caching) {
        long start = System.nanoTime();
        checkBatches(train, config); // before any prefix output is computed
        Optional<PrefixCut> cut = caching.enabled() ? network.frozenPrefix() : Optional.empty();
        if (cut.isPresent()) {
            long samples =
                    (long) train.size()
                            + test.size()
                            + (validation == null ? 0 : validation.size());
            if (4 * cut.get().sampleElements() * samples <= caching.cache().maxBytes()) {
                PrefixFeatures f = new PrefixFeatures(network, cut.get(), caching);
                return loop(
                        f.path(),
                        f.of(train),
                        validation == null ? null : f.of(validation),
                        f.of(test),
                        config,
                        seed,
                        start,
                        true);
            }
        }
        return loop(RunPath.whole(network), train, validation, test, config, seed, start, false);
    }

    private static TrainingResult loop(
            RunPath network,
            ImageSet train,
            ImageSet validation,
            ImageSet test,
            TrainConfig config,
            long seed,
            long start,
            boolean prefixCached) {
        int batch = Math.min(config.batchSize(), train.size());
        int perEpoch = train.size() / batch;
        CosineSchedule schedule =
                new CosineSchedule(config.learningRate(), perEpoch * config.epochs());
        SplittableRandom rng = new SplittableRandom(seed);
        List<Double> accuracy = new ArrayList<>();
        List<Double> validationAccuracy = new ArrayList<>();
        double loss = Double.NaN;
        int step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = shuffled(train.size(), rng);
            for (int b = 0; b < perEpoch; b++) {
                int from = b * batch;
                loss =
                        network.trainStep(
                                train.gather(order, from, batch),
                                train.gatherLabels(order, from, batch),
                                batch,
                                schedule.at(step),
                                config.momentum(),
                                config.weightDecay());
                step++;
            }
            accuracy.add(accuracy(network, test));
            if (validation != null && validation.size() > 0) {
                validationAccuracy.add(accuracy(network, validation));
            }
        }
        return new TrainingResult(
                accuracy,
                validationAccuracy,
                loss,
                step,
                (System.nanoTime() - start) / 1_000_000,
                prefixCached);
    }

    private static void checkBatches(ImageSet train, TrainConfig config) {
        int batch = Math.min(config.batchSize(), train.size());
        if (batch < 2 || train.size() / batch < 1) {
            throw new IllegalArgumentException(
                    "training split '"
                            + train.name()
                            + "' has "
                            + train.size()
                            + " images, too few for batches of "
                            + config.batchSize());
        }
    }

    /** Fraction of {@code data} the network classifies correctly (inference mode). */
    public static double accuracy(Network network, ImageSet data) {
        return accuracy(RunPath.whole(network), data);
    }

    private static double accuracy(RunPath network, ImageSet data) {
        int[] order = data.naturalOrder();
        int correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, data.size() - from);
            int[] predicted = network.predict(data.gather(order, from, count), count);
            for (int i = 0; i < count; i++) {
                if (predicted[i] == data.labels()[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / data.size();
    }

    /** Prefix outputs of a split in evaluation-sized chunks, in its natural order. */
    static float[] prefixOutput(Network network, PrefixCut cut, ImageSet data) {
        int[] order = data.naturalOrder();
        long elements = cut.sampleElements();
        float[] out = new float[Math.toIntExact(elements * data.size())];
        for (int from = 0; from < data.size(); from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, data.size() - from);
            float[] chunk = network.prefixOutput(cut, data.gather(order, from, count), count);
            System.arraycopy(chunk, 0, out, Math.toIntExact(from * elements), chunk.length);
        }
        return out;
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}

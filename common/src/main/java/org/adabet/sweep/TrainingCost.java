package org.adabet.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.adabet.device.TrainingFlops;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.PrefixCut;
import org.adabet.model.TrainableSpec;

/**
 * What one training run costs on one core, from the calibrated whole-network rates ({@link
 * StepCosts}) scaled by FLOP shares ({@link TrainingFlops}), the way the training loop runs it
 * ({@code retrain.Trainer}).
 *
 * <p>A run whose touched layers lie behind a cut with {@code frozen} candidate layers in front (the
 * frozen-prefix cache on) steps and evaluates the suffix only: each step is charged {@code (T(spec)
 * - F(prefix)) / T(all)} of the calibrated all-layers step, where {@code T} is the training FLOPs
 * per sample (the whole forward pass, input gradients back to the earliest trained layer, weight
 * gradients of the trained parameters) and {@code F(prefix)} the forward FLOPs of the frozen
 * prefix, which the step no longer runs; each evaluation image is charged {@code F(suffix) /
 * F(all)} of the calibrated inference pass. The prefix outputs themselves are computed once per
 * image per cut ({@link #prefixPassMillis}) and shared by the runs of a pair; a run without a cut
 * ({@code frozen = 0}) pays the whole network at every step and evaluation. Fixed costs per step
 * (the optimizer's update, gathering a batch) are not modelled.
 */
public final class TrainingCost {
    private TrainingCost() {}

    /**
     * The split sizes and schedule of a run.
     *
     * @param epochs passes over the fitting split
     * @param fit images of the fitting split (steps of {@code min(batch, fit)}, the last incomplete
     *     batch dropped)
     * @param batch the configured batch size
     * @param evalImages images evaluated after every epoch (validation plus test)
     */
    public record Schedule(int epochs, int fit, int batch, int evalImages) {
        public Schedule {
            if (epochs < 0 || fit < 0 || batch < 1 || evalImages < 0) {
                throw new IllegalArgumentException(
                        "schedule needs epochs, fit, evalImages >= 0 and batch >= 1, was epochs "
                                + epochs
                                + ", fit "
                                + fit
                                + ", batch "
                                + batch
                                + ", evalImages "
                                + evalImages);
            }
        }

        /** Images stepped over in the whole run: {@code epochs x floor(fit / b) x b}. */
        public long steppedImages() {
            int b = Math.min(batch, fit);
            return b < 1 ? 0 : (long) epochs * (fit / b) * b;
        }
    }

    /**
     * One run training {@code spec} on {@code layers} behind a cut with {@code frozen} candidate
     * layers in front (0: no cut), prefix outputs excluded.
     */
    public static double runMillis(
            StepCosts c, List<LayerInfo> layers, TrainableSpec spec, int frozen, Schedule s) {
        return s.steppedImages() * c.trainMillisPerImage() * stepShare(layers, spec, frozen)
                + (double) s.epochs()
                        * s.evalImages()
                        * c.predictMillisPerImage()
                        * (1 - prefixShare(layers, frozen));
    }

    /** A run training every layer of the whole network (pretraining: no cut). */
    public static double wholeNetworkMillis(StepCosts c, Schedule s) {
        return s.steppedImages() * c.trainMillisPerImage()
                + (double) s.epochs() * s.evalImages() * c.predictMillisPerImage();
    }

    /**
     * A BatchNorm re-estimation run: one inference pass over its {@code images} (the fitting
     * images, then the evaluation ones), no step.
     */
    public static double adaptMillis(StepCosts c, int images) {
        return images * c.predictMillisPerImage();
    }

    /**
     * Computing the prefix outputs of a cut with {@code frozen} layers in front for {@code images}.
     */
    public static double prefixPassMillis(
            StepCosts c, List<LayerInfo> layers, int frozen, int images) {
        return (double) images * c.predictMillisPerImage() * prefixShare(layers, frozen);
    }

    /**
     * Candidate layers in front of the cut a run of {@code spec} trains behind: 0 without the cache
     * ({@code cachesPrefix} false) or without a cut.
     */
    public static int frozen(Architecture architecture, TrainableSpec spec, boolean cachesPrefix) {
        if (!cachesPrefix) {
            return 0;
        }
        Set<String> touched = new HashSet<>(spec.layers());
        touched.addAll(spec.biasOnly());
        return PrefixCut.frozenLayers(architecture, touched);
    }

    /**
     * The prefix outputs of every cut a one-layer run of {@code layers} trains behind, each
     * computed once for the schedule's fitting and evaluation images (what a pair's runs pay at
     * most).
     */
    public static double allPrefixPassesMillis(
            StepCosts c, Architecture architecture, List<LayerInfo> layers, Schedule s) {
        Set<Integer> cuts = new TreeSet<>();
        for (LayerInfo l : layers) {
            cuts.add(PrefixCut.frozenLayers(architecture, Set.of(l.name())));
        }
        double ms = 0;
        for (int frozen : cuts) {
            ms += prefixPassMillis(c, layers, frozen, s.fit() + s.evalImages());
        }
        return ms;
    }

    /**
     * A step of {@code spec} from the cut's output, as a share of the calibrated all-layers step:
     * {@code (T(spec) - F(prefix)) / T(all)}.
     */
    public static double stepShare(List<LayerInfo> layers, TrainableSpec spec, int frozen) {
        long all =
                TrainingFlops.perSample(
                        layers,
                        TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList()));
        if (all == 0) {
            return 1;
        }
        long prefix = forwardFlops(layers, frozen);
        return Math.max(0, TrainingFlops.perSample(layers, spec) - prefix) / (double) all;
    }

    /** The frozen prefix's share of the forward FLOPs, {@code F(prefix) / F(all)}. */
    public static double prefixShare(List<LayerInfo> layers, int frozen) {
        if (frozen < 0 || frozen > layers.size()) {
            throw new IllegalArgumentException(
                    "frozen must be in [0, " + layers.size() + "], was " + frozen);
        }
        long all = forwardFlops(layers, layers.size());
        return all == 0 ? 0 : forwardFlops(layers, frozen) / (double) all;
    }

    private static long forwardFlops(List<LayerInfo> layers, int firstLayers) {
        return layers.stream()
                .filter(l -> l.index() < firstLayers)
                .mapToLong(LayerInfo::forwardFlops)
                .sum();
    }
}

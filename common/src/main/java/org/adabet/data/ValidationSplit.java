package org.adabet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adabet.seed.Seeds;

/**
 * A seeded, stratified validation split carved out of a training split, for choosing the epoch of a
 * retraining run without looking at the test split.
 *
 * <p>Each class of n images gives {@link #heldOut(int, double)} images to validation, chosen by a
 * Fisher-Yates shuffle seeded from (seed, "validation|" + class), so one class's choice does not
 * depend on the others. Both parts keep the training split's original order: the pipeline reads the
 * first batches of the fitting part unshuffled as AdaBet's unlabelled batches, and that order is
 * already class-mixed.
 */
public final class ValidationSplit {
    private ValidationSplit() {}

    /**
     * The fitting part (what the selection methods read and the network trains on) and the
     * validation part (what chooses the epoch).
     */
    public record Parts(ImageSet fit, ImageSet validation) {}

    /**
     * Images of a class of {@code n} held out at {@code fraction}: {@code round(n * fraction)}, at
     * least one and leaving at least one when {@code n >= 2} and {@code fraction > 0}; none when
     * {@code n < 2} or {@code fraction == 0}.
     */
    public static int heldOut(int n, double fraction) {
        if (fraction <= 0 || n < 2) {
            return 0;
        }
        int held = (int) Math.round(n * fraction);
        return Math.max(1, Math.min(n - 1, held));
    }

    /**
     * @param fraction in [0, 1); 0 gives an empty validation part
     * @throws IllegalArgumentException when {@code fraction} is outside [0, 1)
     */
    public static Parts split(ImageSet train, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "validation fraction of '"
                            + train.name()
                            + "' must be in [0, 1), was "
                            + fraction);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < train.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byClass.get(train.labels()[i]).add(i);
        }
        boolean[] held = new boolean[train.size()];
        int heldCount = 0;
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> members = byClass.get(c);
            int k = heldOut(members.size(), fraction);
            shuffle(members, Seeds.random(seed, "validation|" + c));
            for (int j = 0; j < k; j++) {
                held[members.get(j)] = true;
            }
            heldCount += k;
        }
        int[] fit = new int[train.size() - heldCount];
        int[] validation = new int[heldCount];
        int f = 0;
        int v = 0;
        for (int i = 0; i < train.size(); i++) {
            if (held[i]) {
                validation[v++] = i;
            } else {
                fit[f++] = i;
            }
        }
        return new Parts(
                train.subset(train.name() + "/fit", fit),
                train.subset(train.name() + "/validation", validation));
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

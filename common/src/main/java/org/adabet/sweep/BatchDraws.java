package org.adabet.sweep;

import java.util.SplittableRandom;
import org.adabet.seed.Seeds;

/**
 * The order in which a statistics draw takes images from the fitting part of a target's training
 * split; batch b of the draw is positions [b n, (b + 1) n) of it. Draw 0 is the natural order (the
 * reference takes the first batches of an unshuffled loader); draw d > 0 is a permutation seeded by
 * (run seed, pair, d), so its k batches are k n distinct images chosen uniformly at random, the
 * same on every executor.
 */
public final class BatchDraws {
    private BatchDraws() {}

    /**
     * @param size images in the fitting part
     */
    public static int[] order(long runSeed, Pair pair, int draw, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (draw == 0) {
            return order;
        }
        SplittableRandom random =
                Seeds.random(runSeed, "statistics-draw|" + pair.key() + "|draw=" + draw);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}

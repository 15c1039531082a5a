package org.adabet.weights;

import java.io.Serializable;

/**
 * How a state dict reader treats integer tensors.
 *
 * @param skipBatchCounters drop BatchNorm's {@code *.num_batches_tracked} counters (int64 in
 *     torchvision exports; they hold no weights and no DJL block has them); each drop is noted
 */
public record ReadOptions(boolean skipBatchCounters) implements Serializable {
    /** The default: batch counters are skipped. */
    public static final ReadOptions DEFAULT = new ReadOptions(true);

    /** Suffix of the BatchNorm counter tensors torchvision writes. */
    public static final String BATCH_COUNTER_SUFFIX = "num_batches_tracked";

    boolean skips(String name, DType dtype) {
        return skipBatchCounters
                && dtype.isInteger()
                && (name.equals(BATCH_COUNTER_SUFFIX) || name.endsWith("." + BATCH_COUNTER_SUFFIX));
    }
}

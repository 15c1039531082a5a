package org.adabet.retrain;

/**
 * Whether and where a training run takes its frozen prefix's output from a {@link PrefixCache}.
 *
 * @param cache null: never (every step runs the whole network)
 * @param weights identifies the weights in front of any cut of the network being trained (a
 *     pretrained model's key); runs that give the same value, on the same architecture and images,
 *     share entries, so it must change whenever those weights do
 */
public record PrefixCaching(PrefixCache cache, String weights) {
    /** No caching. */
    public static final PrefixCaching OFF = new PrefixCaching(null, "");

    public PrefixCaching {
        if (cache != null && (weights == null || weights.isBlank())) {
            throw new IllegalArgumentException("prefix caching needs the weights' identity");
        }
    }

    /** The shared cache of this JVM for weights {@code weights}, or {@link #OFF}. */
    public static PrefixCaching of(boolean enabled, String weights) {
        return enabled ? new PrefixCaching(PrefixCache.shared(), weights) : OFF;
    }

    public boolean enabled() {
        return cache != null;
    }
}

package org.adabet.selection;

/**
 * What a selection method reads from the target data before it can choose; the sweep plans its
 * statistics and gradient passes, costs and failure causes from these, never from method names.
 */
public enum Evidence {
    /** AdaBet's per-layer Betti statistics: forward passes only, no labels. */
    LAYER_STATISTICS,
    /** Per-channel Betti statistics on top of the layer ones (channel-level selection). */
    CHANNEL_STATISTICS,
    /** One labelled forward and backward pass: per-layer Fisher information and gradient norms. */
    GRADIENTS,
    /**
     * 1 - linear CKA between consecutive candidate layers' outputs, on the statistics batches
     * (forward only, no labels).
     */
    REPRESENTATION_CHANGE
}

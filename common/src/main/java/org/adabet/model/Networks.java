package org.adabet.model;

import java.util.Set;

/** Builds {@link Network}s: fresh, or from saved parameters with an optionally replaced head. */
public final class Networks {
    private Networks() {}

    /** A network with seeded initial weights. */
    public static Network create(Architecture architecture, long initSeed) {
        return new DjlNetwork(architecture, initSeed);
    }

    /**
     * A network with pretrained parameters. When {@code architecture} has a different number of
     * classes than the pretrained one, the head is freshly initialised from {@code headSeed} and
     * every other tensor is loaded.
     *
     * @throws IllegalArgumentException if a tensor is missing, unexpected or of the wrong shape
     */
    public static Network load(
            Architecture architecture,
            NetworkParameters pretrained,
            boolean newHead,
            long headSeed) {
        return load(architecture, pretrained, newHead, headSeed, "parameters");
    }

    /**
     * As {@link #load(Architecture, NetworkParameters, boolean, long)}, with tensors named as
     * torchvision's {@code state_dict} keys, so a torchvision export read by {@code
     * org.adabet.weights.StateDictReader} loads directly.
     *
     * @param source names the parameters' origin (a file) in the error message
     * @throws IllegalArgumentException listing every missing, unexpected and shape-mismatched
     *     tensor
     */
    public static Network load(
            Architecture architecture,
            NetworkParameters pretrained,
            boolean newHead,
            long headSeed,
            String source) {
        DjlNetwork net = new DjlNetwork(architecture, headSeed);
        try {
            net.load(pretrained, newHead ? Set.of(architecture.headName()) : Set.of(), source);
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }
}

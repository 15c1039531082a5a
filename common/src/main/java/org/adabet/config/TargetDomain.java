package org.adabet.config;

/** The target domains of the synthetic suite, each differing from the source in a stated way. */
public enum TargetDomain {
    /**
     * The source classes under a channel-mixing colour shift, blur, lower contrast and stronger
     * noise.
     */
    CORRUPTED(
            "corrupted",
            false,
            "source classes; colour channels mixed, 3x3 binomial blur, contrast x0.8, brightness jitter sigma 0.2, extra noise sigma 0.1"),
    /** Classes the source never had: the model needs a new, randomly initialised head. */
    NEW_CLASSES(
            "new_classes", true, "new classes drawn from a different template family; new head"),
    /** The source classes in other colours: a channel-mixing matrix, nothing else. */
    COLOUR_SHIFT(
            "colour_shift",
            false,
            "source classes; colour channels mixed by another fixed random matrix"),
    /** The source classes, noisier, with skewed and differently skewed label distributions. */
    LABEL_SHIFT(
            "label_shift",
            false,
            "source classes with extra noise sigma 0.6; training labels drawn with "
                    + "weight 0.7^c, test labels with weight (1/0.7)^c");

    private final String configName;
    private final boolean newClasses;
    private final String shift;

    TargetDomain(String configName, boolean newClasses, String shift) {
        this.configName = configName;
        this.newClasses = newClasses;
        this.shift = shift;
    }

    /** The name used in configuration files and result tables. */
    public String configName() {
        return configName;
    }

    /**
     * Whether the target's classes differ from the source's, so the classifier head is replaced.
     */
    public boolean hasNewClasses() {
        return newClasses;
    }

    /** A one-line statement of how this domain differs from the source. */
    public String shift() {
        return shift;
    }

    /** The domain with this configuration name, or null. */
    public static TargetDomain fromConfigName(String name) {
        for (TargetDomain d : values()) {
            if (d.configName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return configName;
    }
}

package org.adabet.config;

/**
 * The targets of a suite built from MNIST-family IDX files (conf/fashion.conf): held-out classes,
 * input-level corruptions of the source classes, and a subpopulation shift.
 */
public enum IdxTarget {
    /** Classes the source never had, one per held-out label: a new head. */
    HELD_OUT("idx_held_out", true, "held-out classes; new head"),
    /** The source classes under a Gaussian blur (sigma 1.5 px). */
    BLUR("idx_blur", false, "source classes; Gaussian blur sigma 1.5 px"),
    /** The source classes with additive Gaussian noise. */
    NOISE("idx_noise", false, "source classes; Gaussian noise sigma 0.3 of the pixel range"),
    /** The source classes at 30% contrast. */
    CONTRAST("idx_contrast", false, "source classes; contrast x0.3 about each image's mean"),
    /**
     * The source's superclasses drawn from their other subclasses (Santurkar et al.'s BREEDS
     * subpopulation shift): the head is kept, and surgical fine-tuning (Lee et al., ICLR 2023)
     * found middle blocks best for such shifts, where input corruptions favour the first.
     */
    SUBPOPULATION(
            "idx_subpopulation",
            false,
            "source superclasses from their held-back subclasses; expected to favour middle layers");

    private final String configName;
    private final boolean newClasses;
    private final String shift;

    IdxTarget(String configName, boolean newClasses, String shift) {
        this.configName = configName;
        this.newClasses = newClasses;
        this.shift = shift;
    }

    public String configName() {
        return configName;
    }

    public boolean hasNewClasses() {
        return newClasses;
    }

    /** A one-line statement of how this target differs from the source. */
    public String shift() {
        return shift;
    }

    /** The target with this configuration name, or null. */
    public static IdxTarget fromConfigName(String name) {
        for (IdxTarget t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return configName;
    }
}

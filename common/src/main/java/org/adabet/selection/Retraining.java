package org.adabet.selection;

/** How a method's run changes the network once its choice is made. */
public enum Retraining {
    /** SGD steps on the labelled training split over what the method chose. */
    GRADIENT_STEPS,
    /**
     * No gradient step: every BatchNorm's running statistics are re-estimated on the unlabelled
     * training images (AdaBN); the network needs BatchNorm layers.
     */
    BATCH_NORM_STATISTICS
}

package org.adabet.sweep;

/**
 * Calibrated costs of one architecture's basic operations on this JVM's kernels, what {@link
 * PlanEstimate} multiplies by the planned counts.
 *
 * @param trainStepMillis one SGD step of {@code trainBatch} images with every candidate layer
 *     trainable (an upper bound for a run that trains fewer)
 * @param trainBatch images per timed training step
 * @param forwardMillis one inference pass of {@code forwardBatch} images capturing every layer's
 *     output (what a statistics task runs)
 * @param forwardBatch images per timed forward pass (the statistics batch)
 * @param gradientMillis one labelled backward pass of {@code forwardBatch} images (a gradient task)
 */
public record StepCosts(
        double trainStepMillis,
        int trainBatch,
        double forwardMillis,
        int forwardBatch,
        double gradientMillis) {

    public StepCosts {
        nonNegative("trainStepMillis", trainStepMillis);
        nonNegative("forwardMillis", forwardMillis);
        nonNegative("gradientMillis", gradientMillis);
        if (trainBatch < 1) {
            throw new IllegalArgumentException("trainBatch must be >= 1, was " + trainBatch);
        }
        if (forwardBatch < 1) {
            throw new IllegalArgumentException("forwardBatch must be >= 1, was " + forwardBatch);
        }
    }

    /** Forward cost of one image (evaluation passes are charged at this rate). */
    public double forwardMillisPerImage() {
        return forwardMillis / forwardBatch;
    }

    /** Training-step cost of one image (steps of another batch size are scaled linearly). */
    public double trainMillisPerImage() {
        return trainStepMillis / trainBatch;
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite value >= 0, was " + value);
        }
    }
}

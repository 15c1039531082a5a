package org.adabet.sweep;

/**
 * Calibrated costs of one architecture's basic operations on this JVM's kernels, what {@link
 * PlanEstimate} and {@link TrainingCost} multiply by the planned counts.
 *
 * @param trainStepMillis one SGD step of {@code trainBatch} images through the whole network with
 *     every candidate layer trainable (a run that trains less is charged its share of the FLOPs)
 * @param trainBatch images per timed training step
 * @param forwardMillis one inference pass of {@code forwardBatch} images capturing every layer's
 *     output (what a statistics task runs)
 * @param forwardBatch images per timed forward pass (the statistics batch)
 * @param gradientMillis one labelled backward pass of {@code forwardBatch} images (a gradient task)
 * @param predictMillis one inference pass of {@code predictBatch} images through the whole network
 *     to its predictions, nothing captured (what evaluation and the prefix outputs run)
 * @param predictBatch images per timed inference pass (the training loop's evaluation chunk)
 */
public record StepCosts(
        double trainStepMillis,
        int trainBatch,
        double forwardMillis,
        int forwardBatch,
        double gradientMillis,
        double predictMillis,
        int predictBatch) {

    public StepCosts {
        nonNegative("trainStepMillis", trainStepMillis);
        nonNegative("forwardMillis", forwardMillis);
        nonNegative("gradientMillis", gradientMillis);
        nonNegative("predictMillis", predictMillis);
        positive("trainBatch", trainBatch);
        positive("forwardBatch", forwardBatch);
        positive("predictBatch", predictBatch);
    }

    /** Capturing forward cost of one image (a statistics pass). */
    public double forwardMillisPerImage() {
        return forwardMillis / forwardBatch;
    }

    /** Training-step cost of one image (steps of another batch size are scaled linearly). */
    public double trainMillisPerImage() {
        return trainStepMillis / trainBatch;
    }

    /** Inference cost of one image through the whole network (evaluation, prefix outputs). */
    public double predictMillisPerImage() {
        return predictMillis / predictBatch;
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite value >= 0, was " + value);
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, was " + value);
        }
    }
}

package org.adabet.retrain;

/**
 * Cosine decay of the learning rate from its base value to 0 over the whole run, stepped per batch.
 */
public record CosineSchedule(double baseLearningRate, int totalSteps) {

    public CosineSchedule {
        if (totalSteps < 1) {
            throw new IllegalArgumentException(
                    "cosine schedule needs at least one step, was " + totalSteps);
        }
    }

    /** The learning rate of step {@code t} (0-based): base * (1 + cos(pi * t / T)) / 2. */
    public double at(int step) {
        return baseLearningRate * 0.5 * (1 + Math.cos(Math.PI * step / totalSteps));
    }
}

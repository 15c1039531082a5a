package org.adabet.retrain;

import org.adabet.model.Network;
import org.adabet.model.PrefixCut;

/**
 * What the training loop steps and evaluates: the whole network from images, or a cut's suffix from
 * the prefix's outputs. Inputs are whatever the loop's sets hold, sample after sample.
 */
interface RunPath {
    double trainStep(
            float[] inputs,
            int[] labels,
            int count,
            double learningRate,
            double momentum,
            double weightDecay);

    int[] predict(float[] inputs, int count);

    static RunPath whole(Network network) {
        return new RunPath() {
            @Override
            public double trainStep(
                    float[] inputs, int[] labels, int count, double lr, double mu, double wd) {
                return network.trainStep(inputs, labels, count, lr, mu, wd);
            }

            @Override
            public int[] predict(float[] inputs, int count) {
                return network.predict(inputs, count);
            }
        };
    }

    static RunPath suffix(Network network, PrefixCut cut) {
        return new RunPath() {
            @Override
            public double trainStep(
                    float[] inputs, int[] labels, int count, double lr, double mu, double wd) {
                return network.trainStepFrom(cut, inputs, labels, count, lr, mu, wd);
            }

            @Override
            public int[] predict(float[] inputs, int count) {
                return network.predictFrom(cut, inputs, count);
            }
        };
    }
}

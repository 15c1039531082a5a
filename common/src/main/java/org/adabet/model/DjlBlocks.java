package org.adabet.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** Maps engine-neutral {@link LayerSpec}s to DJL blocks. */
final class DjlBlocks {
    private DjlBlocks() {}

    static Block of(LayerSpec spec) {
        return switch (spec.kind()) {
            case CONV -> Conv2d.builder()
                    .setKernelShape(new Shape(spec.kernel(), spec.kernel()))
                    .optStride(new Shape(spec.stride(), spec.stride()))
                    .optPadding(new Shape(spec.kernel() / 2, spec.kernel() / 2))
                    .setFilters(spec.outChannels())
                    .optBias(false) // followed by BatchNorm, as in torchvision
                    .build();
            case BATCH_NORM -> BatchNorm.builder().build();
            case RELU -> Activation.reluBlock();
            case GLOBAL_AVG_POOL -> Pool.globalAvgPool2dBlock();
            case LINEAR -> Linear.builder().setUnits(spec.outChannels()).build();
        };
    }

    /** DJL's parameter name as torchvision calls it. */
    static String torchName(String djlName) {
        return switch (djlName) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djlName;
        };
    }
}

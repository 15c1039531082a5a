package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Map;

/**
 * The forward computation of one {@link LayerSpec} leaf with DJL's functional operators (the same
 * ones DJL's blocks call), so that parameters stay plain arrays named as torchvision names them.
 * Results are attached to the input's manager, so a caller's sub-manager scope frees them.
 */
final class DjlOps {
    /**
     * torchvision's defaults: BatchNorm2d eps 1e-5 and momentum 0.1 (DJL's 0.9 is the kept
     * fraction).
     */
    private static final float BN_EPS = 1e-5f;

    private static final float BN_MOMENTUM = 0.9f;

    /** torchvision's ViT uses LayerNorm with eps 1e-6. */
    private static final float LN_EPS = 1e-6f;

    private DjlOps() {}

    /**
     * @param p the layer's tensors by local name
     * @param training batch statistics (and running-statistics updates) for BatchNorm
     */
    static NDArray apply(LayerSpec l, NDArray x, Map<String, NDArray> p, boolean training) {
        NDManager scope = x.getManager();
        NDArray y =
                switch (l.kind()) {
                    case CONV ->
                            Conv2d.conv2d(
                                            x,
                                            p.get("weight"),
                                            p.get("bias"),
                                            new Shape(l.stride(), l.stride()),
                                            new Shape(l.padding(), l.padding()),
                                            new Shape(1, 1),
                                            l.groups())
                                    .singletonOrThrow();
                    case BATCH_NORM ->
                            BatchNorm.batchNorm(
                                            x,
                                            p.get("running_mean"),
                                            p.get("running_var"),
                                            p.get("weight"),
                                            p.get("bias"),
                                            1,
                                            BN_MOMENTUM,
                                            BN_EPS,
                                            training)
                                    .singletonOrThrow();
                    case LINEAR ->
                            Linear.linear(x, p.get("weight"), p.get("bias")).singletonOrThrow();
                    case LAYER_NORM ->
                            LayerNorm.layerNorm(
                                            x,
                                            new Shape(l.outChannels()),
                                            p.get("weight"),
                                            p.get("bias"),
                                            LN_EPS)
                                    .singletonOrThrow();
                    case ATTENTION -> attention(l, x, p);
                    case TOKENS -> tokens(x, p);
                    case RELU -> Activation.relu(x);
                    case RELU6 -> Activation.relu6(x);
                    // Exact (erf) GELU, as torch.nn.GELU's default.
                    case GELU -> x.mul(x.mul(1 / Math.sqrt(2)).erf().add(1)).mul(0.5);
                    case GLOBAL_AVG_POOL -> Pool.globalAvgPool2d(x);
                    case MAX_POOL ->
                            Pool.maxPool2d(
                                    x,
                                    new Shape(l.kernel(), l.kernel()),
                                    new Shape(l.stride(), l.stride()),
                                    new Shape(l.padding(), l.padding()),
                                    false);
                    case ADAPTIVE_AVG_POOL -> adaptiveAvgPool(x, l.kernel());
                    case FLATTEN -> x.reshape(x.getShape().get(0), -1);
                    // (N, D, h, w) -> (N, h*w, D): patches in row-major order, as torchvision's
                    // _process_input.
                    case PATCHES ->
                            x.reshape(x.getShape().get(0), x.getShape().get(1), -1)
                                    .transpose(0, 2, 1);
                    case CLASS_TOKEN -> x.get(new NDIndex(":, 0"));
                };
        y.attach(scope);
        return y;
    }

    /** {@code nn.MultiheadAttention(x, x, x)} with batch-first input (N, S, D), no dropout. */
    private static NDArray attention(LayerSpec l, NDArray x, Map<String, NDArray> p) {
        long n = x.getShape().get(0);
        long s = x.getShape().get(1);
        long d = l.outChannels();
        long heads = l.extra();
        long hd = d / heads;
        NDList qkv =
                Linear.linear(x, p.get("in_proj_weight"), p.get("in_proj_bias"))
                        .singletonOrThrow()
                        .split(3, 2);
        NDArray q =
                qkv.get(0).reshape(n, s, heads, hd).transpose(0, 2, 1, 3).mul(1 / Math.sqrt(hd));
        NDArray k = qkv.get(1).reshape(n, s, heads, hd).transpose(0, 2, 3, 1);
        NDArray v = qkv.get(2).reshape(n, s, heads, hd).transpose(0, 2, 1, 3);
        NDArray weights = q.matMul(k).softmax(-1);
        NDArray out = weights.matMul(v).transpose(0, 2, 1, 3).reshape(n, s, d);
        return Linear.linear(out, p.get("out_proj.weight"), p.get("out_proj.bias"))
                .singletonOrThrow();
    }

    /** Prepends the class token to the patch tokens and adds the position embedding. */
    private static NDArray tokens(NDArray x, Map<String, NDArray> p) {
        NDArray cls = p.get("class_token");
        NDArray batchCls = x.get(new NDIndex(":, :1, :")).zerosLike().add(cls);
        return NDArrays.concat(new NDList(batchCls, x), 1).add(p.get("pos_embedding"));
    }

    /**
     * PyTorch's adaptive average pooling: output cell i averages input rows floor(i*H/o) to
     * ceil((i+1)*H/o). The windows are a product of row and column intervals, so the pooling is
     * {@code A x B} with constant averaging matrices.
     */
    private static NDArray adaptiveAvgPool(NDArray x, int out) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h == out && w == out) {
            return x; // the identity (a copy by duplicate() would cut the autograd graph)
        }
        NDArray rows = DjlArrays.floats(x.getManager(), averaging(out, h), new Shape(out, h));
        NDArray cols =
                DjlArrays.floats(x.getManager(), averaging(out, w), new Shape(out, w)).transpose();
        return rows.matMul(x).matMul(cols);
    }

    private static float[] averaging(int out, long in) {
        float[] a = new float[Math.toIntExact(out * in)];
        for (int i = 0; i < out; i++) {
            long start = Math.floorDiv(i * in, out);
            long end = -Math.floorDiv(-(i + 1) * in, out);
            for (long j = start; j < end; j++) {
                a[Math.toIntExact(i * in + j)] = 1f / (end - start);
            }
        }
        return a;
    }
}

package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Float arrays copied into engine arrays without leaving native memory for the garbage collector.
 *
 * <p>DJL's {@code create(float[])} copies the values into a new direct buffer and wraps it without
 * a copy, so every batch leaves a direct buffer behind that only a garbage collection frees: an
 * executor's resident memory then climbs by the batches of many tasks before a collection returns
 * it. Here the values go through one staging buffer per thread, wrapped only long enough for
 * libtorch to copy them into memory it owns and frees when the array is closed.
 */
final class DjlArrays {
    /** Larger inputs take DJL's path instead of holding a staging buffer of their size. */
    static final int MAX_STAGING_BYTES = 16 << 20;

    private static final ThreadLocal<ByteBuffer> STAGING =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    private DjlArrays() {}

    /**
     * A float32 array of {@code shape} holding a copy of {@code values}, attached to {@code scope}.
     */
    static NDArray floats(NDManager scope, float[] values, Shape shape) {
        int bytes = Math.multiplyExact(values.length, Float.BYTES);
        if (bytes > MAX_STAGING_BYTES || bytes == 0) {
            return scope.create(values, shape);
        }
        ByteBuffer staging = STAGING.get();
        if (staging.capacity() < bytes) {
            staging = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            STAGING.set(staging);
        }
        ByteBuffer view = staging.duplicate().order(ByteOrder.nativeOrder());
        view.clear().limit(bytes);
        view.asFloatBuffer().put(values);
        try (NDArray wrapped = scope.create(view, shape, DataType.FLOAT32)) {
            // The wrapped array reads the staging buffer in place; the copy owns its memory.
            return wrapped.duplicate();
        }
    }
}

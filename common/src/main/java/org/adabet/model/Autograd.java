package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd recording for the calling thread only, driven through DJL's PyTorch JNI.
 *
 * <p>DJL 0.36's {@code GradientCollector} keeps one JVM-wide "collecting" flag, so two threads
 * cannot record at the same time even though libtorch's grad mode is thread-local and its CPU
 * backward pass runs on the calling thread over that thread's own graph. This scope switches grad
 * mode on for the calling thread alone and restores the previous mode on close, so Spark tasks
 * sharing an executor train at the same time.
 *
 * <p>Unlike a collector, it never touches gradients it did not produce: the caller zeroes its
 * parameters' gradients after reading them (libtorch accumulates them across backward passes). Open
 * it with try-with-resources on the thread that runs the forward and backward passes.
 */
final class Autograd implements AutoCloseable {
    private final Thread owner = Thread.currentThread();
    private final boolean wasRecording;

    private Autograd() {
        DjlRuntime.engine();
        wasRecording = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording operations on the calling thread. */
    static Autograd record() {
        return new Autograd();
    }

    /**
     * Back-propagates a scalar (or any array, as the sum of its elements) into the gradients of
     * every array of this thread's graph that requires one. The graph is freed afterwards.
     */
    void backward(NDArray target) {
        checkOwner();
        try (NDArray seed = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
        }
    }

    @Override
    public void close() {
        checkOwner();
        JniUtils.setGradMode(wasRecording);
    }

    // Grad mode belongs to the thread that opened the scope; from another it would switch the wrong
    // thread's mode.
    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "autograd scope opened on thread '"
                            + owner.getName()
                            + "' used on '"
                            + Thread.currentThread().getName()
                            + "'");
        }
    }
}

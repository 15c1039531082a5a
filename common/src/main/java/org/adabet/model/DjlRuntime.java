package org.adabet.model;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.adabet.platform.ReproducibleMode;

/**
 * DJL's process-wide settings, applied once before the PyTorch engine loads: offline (the native
 * jars on the classpath are the only source of libtorch), a cache folder, and one intra-op thread
 * unless the launcher says otherwise, so that concurrent Spark tasks do not oversubscribe cores and
 * every reduction runs in the same order (deterministic results).
 */
final class DjlRuntime {
    private static volatile Engine engine;

    private DjlRuntime() {}

    static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (DjlRuntime.class) {
                e = engine;
                if (e == null) {
                    defaultProperty("ai.djl.offline", "true");
                    defaultProperty("ai.djl.pytorch.num_threads", "1");
                    defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
                    if (System.getProperty("DJL_CACHE_DIR") == null
                            && System.getenv("DJL_CACHE_DIR") == null) {
                        System.setProperty(
                                "DJL_CACHE_DIR",
                                Path.of(System.getProperty("java.io.tmpdir"), "adabet-djl-cache")
                                        .toString());
                    }
                    // libtorch reads its kernel-dispatch variables once, when it loads.
                    ReproducibleMode.applyIfRequested();
                    e = Engine.getEngine("PyTorch");
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * Turns autograd recording off for the calling thread. PyTorch's grad mode is per thread and
     * starts enabled on every new thread (a Spark task thread among them); left on, inference
     * records graphs for nothing and the in-place SGD update is refused.
     */
    static void noGradOnThisThread() {
        engine();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

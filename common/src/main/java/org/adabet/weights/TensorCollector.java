package org.adabet.weights;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.NetworkParameters;

/** Gathers decoded tensors of one file, applying {@link ReadOptions} and recording notes. */
final class TensorCollector {
    private final Path source;
    private final ReadOptions options;
    private final Map<String, NetworkParameters.Tensor> tensors = new LinkedHashMap<>();
    private final Set<String> integerTensors = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    TensorCollector(Path source, ReadOptions options) {
        this.source = source;
        this.options = options;
    }

    /** Whether the tensor will be dropped, so its bytes need not be decoded. */
    boolean skip(String name, DType dtype, long[] shape) {
        if (options.skips(name, dtype)) {
            notes.add(
                    "skipped "
                            + name
                            + " ("
                            + dtype
                            + " "
                            + Arrays.toString(shape)
                            + ", a BatchNorm batch counter)");
            return true;
        }
        return false;
    }

    /** Decodes and keeps a tensor; {@code data} holds exactly its bytes from its position. */
    void add(String name, DType dtype, long[] shape, ByteBuffer data, String where) {
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException(where + ": tensor '" + name + "' appears twice");
        }
        float[] values = dtype.decode(data, Math.toIntExact(elements(shape, where)));
        if (dtype.isInteger()) {
            integerTensors.add(name);
            notes.add("converted " + name + " from integer type " + dtype + " to float32");
        }
        tensors.put(name, new NetworkParameters.Tensor(shape.clone(), values));
    }

    StateDict result() {
        return new StateDict(source, new NetworkParameters(tensors), integerTensors, notes);
    }

    /** Element count of a shape, refusing negative dimensions and tensors beyond one Java array. */
    static long elements(long[] shape, String where) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        where + ": negative dimension in shape " + Arrays.toString(shape));
            }
            n = d == 0 || n <= Long.MAX_VALUE / d ? n * d : Long.MAX_VALUE;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    where
                            + ": shape "
                            + Arrays.toString(shape)
                            + " has "
                            + n
                            + " elements, more than one float array can hold");
        }
        return n;
    }
}

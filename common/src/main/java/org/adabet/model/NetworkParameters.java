package org.adabet.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named tensors of a network (weights and BatchNorm statistics) in a small engine-independent
 * binary format, used for the pretraining cache and to ship models to executors.
 */
public final class NetworkParameters implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAGIC = 0x41444250; // "ADBP"
    private static final int VERSION = 1;

    /** One tensor: its shape and row-major values. */
    public record Tensor(long[] shape, float[] values) implements Serializable {
        public Tensor {
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (n != values.length) {
                throw new IllegalArgumentException(
                        "tensor of shape "
                                + Arrays.toString(shape)
                                + " needs "
                                + n
                                + " values, has "
                                + values.length);
            }
        }
    }

    private final Map<String, Tensor> tensors;

    public NetworkParameters(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Tensors by name, in the network's order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** Writes {@link #toBytes()} to {@code file} (our checkpoint format). */
    public void save(java.nio.file.Path file) {
        try {
            java.nio.file.Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write parameters to " + file, e);
        }
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file if it is missing, not a parameter file or
     *     corrupt
     */
    public static NetworkParameters load(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter file not found: " + file);
        }
        try {
            return fromBytes(java.nio.file.Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float v : e.getValue().values()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source names the bytes' origin (a file path) in error messages
     * @throws IllegalArgumentException if the bytes are not a parameter file of this version
     */
    public static NetworkParameters fromBytes(byte[] data, String source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(
                        source + " is not an AdaBet parameter file (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        source
                                + " has parameter format version "
                                + version
                                + ", expected "
                                + VERSION);
            }
            int count = in.readInt();
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long n = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                    n *= shape[d];
                }
                float[] values = new float[Math.toIntExact(n)];
                for (int v = 0; v < values.length; v++) {
                    values[v] = in.readFloat();
                }
                map.put(name, new Tensor(shape, values));
            }
            return new NetworkParameters(map);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    source + " is truncated or corrupt: " + e.getMessage(), e);
        }
    }
}

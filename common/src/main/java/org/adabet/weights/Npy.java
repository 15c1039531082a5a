package org.adabet.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0), the one codec for every array the
 * project reads or writes: the magic {@code \x93NUMPY}, a version, a header length (2 bytes in 1.0,
 * 4 in 2.0/3.0) and a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape':
 * (2, 3), }}, then the data in C order. Every header field is checked, its length first, so a
 * corrupt file gives one message naming it rather than an exception from deep inside.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * Far above anything numpy writes for a plain array, so a corrupt length cannot allocate
     * gigabytes.
     */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {}

    /** An array's shape and row-major values. */
    public record Array(long[] shape, float[] values) {}

    /** A parsed header: the element type and the shape (C order; Fortran order is refused). */
    record Header(DType dtype, long[] shape) {}

    /**
     * Reads a float32 or float64 array (float64 rounded to float32).
     *
     * @throws IllegalArgumentException naming the file if it is missing, truncated, corrupt, or
     *     holds another dtype
     */
    public static Array read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        String where = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            Header header = readHeader(in, where);
            if (header.dtype() != DType.F32 && header.dtype() != DType.F64) {
                throw new IllegalArgumentException(
                        where
                                + ": dtype "
                                + descr(header.dtype())
                                + " is not supported (expected little-endian float32 '<f4' or float64 '<f8')");
            }
            long n = TensorCollector.elements(header.shape(), where);
            long bytes = n * header.dtype().size();
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        where + ": " + bytes + " bytes is larger than this reader can hold");
            }
            byte[] data = in.readNBytes((int) bytes);
            if (data.length < bytes) {
                throw new IllegalArgumentException(
                        where + ": truncated data (" + data.length + " of " + bytes + " bytes)");
            }
            ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[(int) n];
            for (int i = 0; i < values.length; i++) {
                values[i] =
                        header.dtype() == DType.F32
                                ? buffer.getFloat()
                                : (float) buffer.getDouble();
            }
            return new Array(header.shape(), values);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a little-endian float32 array in C order, as {@code numpy.save} would (format 1.0).
     */
    public static void write(Path file, long[] shape, float[] values) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText =
                shape.length == 1
                        ? "(" + shape[0] + ",)"
                        : "(" + dims.substring(0, Math.max(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText + ", }";
        // The header, with its 10 preamble bytes, is padded with spaces to a multiple of 64 and
        // ends in a newline.
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
        ByteBuffer out =
                ByteBuffer.allocate(total + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            out.putFloat(v);
        }
        try {
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads the header from the start of {@code in}, leaving the stream at the first data byte. */
    static Header readHeader(InputStream in, String where) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw new IllegalArgumentException(
                    where + ": truncated .npy header (" + prefix.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new IllegalArgumentException(where + ": not a .npy file (bad magic string)");
            }
        }
        int major = prefix[6];
        int lengthBytes =
                switch (major) {
                    case 1 -> 2;
                    case 2, 3 -> 4;
                    default ->
                            throw new IllegalArgumentException(
                                    where
                                            + ": unsupported .npy format version "
                                            + major
                                            + "."
                                            + prefix[7]
                                            + " (supported: 1.0, 2.0, 3.0)");
                };
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IllegalArgumentException(where + ": truncated .npy header length");
        }
        ByteBuffer lb = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long length = lengthBytes == 2 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        if (length > MAX_HEADER) {
            throw new IllegalArgumentException(
                    where + ": .npy header length " + length + " is implausible");
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new IllegalArgumentException(
                    where
                            + ": truncated .npy header ("
                            + text.length
                            + " of "
                            + length
                            + " bytes)");
        }
        // Versions 1 and 2 are latin-1; 3 allows UTF-8 field names. Plain arrays are ASCII either
        // way.
        String dict =
                new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(dict, where);
    }

    static Header parseHeader(String dict, String where) {
        Object parsed = PyLiteral.parse(dict, where);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    where + ": .npy header is not a dict: " + dict.strip());
        }
        if (!(map.get("descr") instanceof String descr)) {
            throw new IllegalArgumentException(
                    where
                            + ": .npy descr "
                            + map.get("descr")
                            + " is not a plain dtype (structured arrays are not supported)");
        }
        if (!(map.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException(
                    where + ": .npy header has no boolean 'fortran_order'");
        }
        if (fortran) {
            throw new IllegalArgumentException(
                    where
                            + ": array is stored in Fortran order, only C order is supported"
                            + " (save np.ascontiguousarray(a) instead)");
        }
        if (!(map.get("shape") instanceof List<?> dims)) {
            throw new IllegalArgumentException(where + ": .npy header has no tuple 'shape'");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw new IllegalArgumentException(where + ": bad .npy shape " + dims);
            }
            shape[i] = d;
        }
        return new Header(dtype(descr, where), shape);
    }

    private static DType dtype(String descr, String where) {
        if (descr.length() >= 2 && descr.charAt(0) == '>' && !descr.endsWith("1")) {
            throw new IllegalArgumentException(
                    where
                            + ": big-endian dtype "
                            + descr
                            + " is not supported (save with a little-endian dtype, e.g. a.astype('<f4'))");
        }
        String kind =
                descr.length() >= 2 && "<|=>".indexOf(descr.charAt(0)) >= 0
                        ? descr.substring(1)
                        : descr;
        return switch (kind) {
            case "f4" -> DType.F32;
            case "f8" -> DType.F64;
            case "f2" -> DType.F16;
            case "i8" -> DType.I64;
            case "i4" -> DType.I32;
            case "i2" -> DType.I16;
            case "i1" -> DType.I8;
            case "u1" -> DType.U8;
            case "b1" -> DType.BOOL;
            default ->
                    throw new IllegalArgumentException(
                            where
                                    + ": unsupported dtype "
                                    + descr
                                    + " (supported: <f4, <f8, <f2, <i8, <i4, <i2, |i1, |u1, |b1)");
        };
    }

    private static String descr(DType dtype) {
        return switch (dtype) {
            case F32 -> "<f4";
            case F64 -> "<f8";
            case F16 -> "<f2";
            case I64 -> "<i8";
            case I32 -> "<i4";
            case I16 -> "<i2";
            case I8 -> "|i1";
            case U8 -> "|u1";
            case BOOL -> "|b1";
            default -> dtype.name();
        };
    }
}

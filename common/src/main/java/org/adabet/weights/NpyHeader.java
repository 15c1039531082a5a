package org.adabet.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The header of one {@code .npy} array (NumPy format versions 1.0, 2.0 and 3.0): the magic
 * {@code \x93NUMPY}, a version, a header length (2 bytes in 1.0, 4 in 2.0/3.0) and a Python dict
 * literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}.
 */
record NpyHeader(DType dtype, boolean fortranOrder, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Far above anything numpy writes for a plain array, so a corrupt length cannot allocate gigabytes. */
    private static final int MAX_HEADER = 1 << 20;

    /** Reads the header from the start of {@code in}, leaving the stream at the first data byte. */
    static NpyHeader read(InputStream in, String where) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw new IllegalArgumentException(where + ": truncated .npy header (" + prefix.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new IllegalArgumentException(where + ": bad magic, not a .npy array");
            }
        }
        int major = prefix[6];
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IllegalArgumentException(where + ": unsupported .npy format version " + major + "."
                    + prefix[7] + " (supported: 1.0, 2.0, 3.0)");
        };
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IllegalArgumentException(where + ": truncated .npy header length");
        }
        ByteBuffer lb = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long length = lengthBytes == 2 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        if (length > MAX_HEADER) {
            throw new IllegalArgumentException(where + ": .npy header length " + length + " is implausible");
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new IllegalArgumentException(where + ": truncated .npy header (" + text.length + " of " + length
                    + " bytes)");
        }
        // Versions 1 and 2 are latin-1; 3 allows UTF-8 field names. Plain arrays are ASCII either way.
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, where);
    }

    static NpyHeader parse(String dict, String where) {
        Object parsed = PyLiteral.parse(dict, where);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": .npy header is not a dict: " + dict.strip());
        }
        if (!(map.get("descr") instanceof String descr)) {
            throw new IllegalArgumentException(where + ": .npy descr " + map.get("descr")
                    + " is not a plain dtype (structured arrays are not supported)");
        }
        if (!(map.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException(where + ": .npy header has no boolean 'fortran_order'");
        }
        if (fortran) {
            throw new IllegalArgumentException(where + ": array is stored in Fortran order, only C order is supported"
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
        return new NpyHeader(dtype(descr, where), false, shape);
    }

    private static DType dtype(String descr, String where) {
        if (descr.length() >= 2 && descr.charAt(0) == '>' && !descr.endsWith("1")) {
            throw new IllegalArgumentException(where + ": big-endian dtype " + descr
                    + " is not supported (save with a little-endian dtype, e.g. a.astype('<f4'))");
        }
        String kind = descr.length() >= 2 && "<|=>".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
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
            default -> throw new IllegalArgumentException(where + ": unsupported dtype " + descr
                    + " (supported: <f4, <f8, <f2, <i8, <i4, <i2, |i1, |u1, |b1)");
        };
    }
}

package org.adabet.data.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the variables of a MATLAB level-5 MAT-file (MAT-file versions 5 to 7, compressed or not;
 * "MAT-File Format", The MathWorks, 2021) that dataset split files use: numeric arrays as {@link
 * NumericArray}, character arrays as {@link String}, cell arrays as {@link List}. Structs, objects
 * and sparse arrays are left out. Version 7.3 files are HDF5 and are refused.
 */
final class MatFile {
    /** A numeric array: dimensions and values in MATLAB's column-major order, as doubles. */
    record NumericArray(int[] dims, double[] values) {}

    private static final int HEADER = 128;
    private static final int MI_INT8 = 1,
            MI_UINT8 = 2,
            MI_INT16 = 3,
            MI_UINT16 = 4,
            MI_INT32 = 5,
            MI_UINT32 = 6,
            MI_SINGLE = 7,
            MI_DOUBLE = 9,
            MI_INT64 = 12,
            MI_UINT64 = 13,
            MI_MATRIX = 14,
            MI_COMPRESSED = 15,
            MI_UTF8 = 16,
            MI_UTF16 = 17;
    private static final int MX_CELL = 1, MX_CHAR = 4, MX_DOUBLE = 6, MX_UINT64 = 15;

    private final Path file;

    private MatFile(Path file) {
        this.file = file;
    }

    /** Variables by name, in file order. */
    static Map<String, Object> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("MAT-file " + file + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        MatFile reader = new MatFile(file);
        if (bytes.length < HEADER) {
            throw reader.error("too short for a MAT-file header (" + bytes.length + " bytes)");
        }
        String text = new String(bytes, 0, 116, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3")) {
            throw reader.error(
                    "MATLAB 7.3 (HDF5) files are not supported; save it with -v7 or scipy.io.savemat");
        }
        ByteOrder order;
        if (bytes[126] == 'I' && bytes[127] == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (bytes[126] == 'M' && bytes[127] == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw reader.error("not a level-5 MAT-file (no endian indicator)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(order);
        in.position(HEADER);
        Map<String, Object> vars = new LinkedHashMap<>();
        while (in.remaining() >= 8) {
            reader.topLevel(in, vars);
        }
        return vars;
    }

    /** A numeric variable's values. */
    static double[] numeric(Map<String, Object> vars, String name, Path file) {
        if (!(vars.get(name) instanceof NumericArray array)) {
            throw new IllegalArgumentException(
                    "MAT-file " + file + " has no numeric variable '" + name + "'");
        }
        return array.values();
    }

    /** A cell array of strings (each cell a character array). */
    static List<String> strings(Map<String, Object> vars, String name, Path file) {
        if (!(vars.get(name) instanceof List<?> cells)
                || !cells.stream().allMatch(c -> c instanceof String)) {
            throw new IllegalArgumentException(
                    "MAT-file " + file + " has no cell array of strings '" + name + "'");
        }
        return cells.stream().map(String.class::cast).toList();
    }

    /** A value that must be a whole number in [1, max], as MATLAB's 1-based ids and labels are. */
    static int oneBased(double value, int max, String what, Path file) {
        if (value != Math.rint(value) || value < 1 || value > max) {
            throw new IllegalArgumentException(
                    "MAT-file " + file + ": " + what + " " + value + " is not in 1.." + max);
        }
        return (int) value;
    }

    private void topLevel(ByteBuffer in, Map<String, Object> vars) {
        int type = in.getInt();
        int size = in.getInt();
        if (size < 0 || size > in.remaining()) {
            throw error(
                    "element of "
                            + Integer.toUnsignedString(size)
                            + " bytes at byte "
                            + (in.position() - 8)
                            + " runs past the end (truncated?)");
        }
        ByteBuffer body = in.slice(in.position(), size).order(in.order());
        in.position(in.position() + size);
        if (type == MI_COMPRESSED) {
            body = ByteBuffer.wrap(inflate(body)).order(in.order());
            type = body.getInt();
            size = body.getInt();
            if (size < 0 || size > body.remaining()) {
                throw error("compressed element is truncated");
            }
            body = body.slice(body.position(), size).order(in.order());
        }
        if (type == MI_MATRIX) {
            Named named = matrix(body);
            if (named != null && named.value() != null) {
                vars.put(named.name(), named.value());
            }
        }
    }

    private record Named(String name, Object value) {}

    /** One miMATRIX body; the value is null for classes we do not read. */
    private Named matrix(ByteBuffer m) {
        if (!m.hasRemaining()) {
            return null; // an empty element is an empty array
        }
        ByteBuffer flags = element(m).data();
        int mxClass = flags.getInt(0) & 0xff;
        boolean complex = (flags.getInt(0) & 0x800) != 0;
        ByteBuffer dimData = element(m).data();
        int[] dims = new int[dimData.remaining() / 4];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dimData.getInt(4 * i);
        }
        ByteBuffer nameData = element(m).data();
        String name = StandardCharsets.US_ASCII.decode(nameData).toString();
        int count = 1;
        for (int d : dims) {
            count = Math.multiplyExact(count, d);
        }
        if (mxClass == MX_CELL) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Element e = element(m);
                cells.add(e.type() == MI_MATRIX ? matrix(e.data()).value() : null);
            }
            return new Named(name, cells);
        }
        if (mxClass == MX_CHAR) {
            Element e = element(m);
            String s =
                    switch (e.type()) {
                        case MI_UTF8 -> StandardCharsets.UTF_8.decode(e.data()).toString();
                        case MI_UTF16 ->
                                e.data().order() == ByteOrder.LITTLE_ENDIAN
                                        ? StandardCharsets.UTF_16LE.decode(e.data()).toString()
                                        : StandardCharsets.UTF_16BE.decode(e.data()).toString();
                        default -> {
                            double[] codes = numbers(e, count);
                            StringBuilder sb = new StringBuilder();
                            for (double c : codes) {
                                sb.append((char) c);
                            }
                            yield sb.toString();
                        }
                    };
            return new Named(name, s);
        }
        if (mxClass >= MX_DOUBLE && mxClass <= MX_UINT64 && !complex) {
            return new Named(name, new NumericArray(dims, numbers(element(m), count)));
        }
        return new Named(name, null);
    }

    private record Element(int type, ByteBuffer data) {}

    /**
     * The next sub-element, in the normal or the small (4-byte) format, leaving m after its
     * padding.
     */
    private Element element(ByteBuffer m) {
        if (m.remaining() < 8) {
            throw error("truncated array element");
        }
        int first = m.getInt();
        if ((first >>> 16) != 0) {
            int type = first & 0xffff;
            int size = first >>> 16;
            if (size > 4) {
                throw error("bad small data element of " + size + " bytes");
            }
            ByteBuffer data = m.slice(m.position(), size).order(m.order());
            m.position(m.position() + 4);
            return new Element(type, data);
        }
        int size = m.getInt();
        if (size < 0 || size > m.remaining()) {
            throw error(
                    "array element of "
                            + Integer.toUnsignedString(size)
                            + " bytes runs past its matrix");
        }
        ByteBuffer data = m.slice(m.position(), size).order(m.order());
        m.position(Math.min(m.limit(), m.position() + ((size + 7) & ~7)));
        return new Element(first, data);
    }

    /** Values of a numeric sub-element, whatever storage type MATLAB chose for them. */
    private double[] numbers(Element e, int count) {
        ByteBuffer d = e.data();
        int width =
                switch (e.type()) {
                    case MI_INT8, MI_UINT8 -> 1;
                    case MI_INT16, MI_UINT16 -> 2;
                    case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
                    case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
                    default -> throw error("unsupported numeric storage type " + e.type());
                };
        if (d.remaining() != (long) count * width) {
            throw error("array of " + count + " values has " + d.remaining() + " data bytes");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] =
                    switch (e.type()) {
                        case MI_INT8 -> d.get(i);
                        case MI_UINT8 -> d.get(i) & 0xff;
                        case MI_INT16 -> d.getShort(2 * i);
                        case MI_UINT16 -> d.getShort(2 * i) & 0xffff;
                        case MI_INT32 -> d.getInt(4 * i);
                        case MI_UINT32 -> d.getInt(4 * i) & 0xffffffffL;
                        case MI_SINGLE -> d.getFloat(4 * i);
                        case MI_DOUBLE -> d.getDouble(8 * i);
                        default -> d.getLong(8 * i);
                    };
        }
        return out;
    }

    private byte[] inflate(ByteBuffer compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw error("compressed element is truncated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw error("corrupt compressed element: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("MAT-file " + file + ": " + what);
    }
}

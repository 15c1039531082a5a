package org.adabet.model.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array in NumPy's {@code .npy} format (version 1 to 3), as {@code numpy.save} writes it:
 * little-endian float32 or float64 in C order is read (float64 rounded to float32); float32 is
 * written.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array's shape and row-major values. */
    record Array(long[] shape, float[] values) {}

    private Npy() {}

    /** @throws IllegalArgumentException naming the file if it is not a float .npy array in C order */
    static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException(file + " is not a .npy file (bad magic string)");
        }
        int major = bytes[6];
        in.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : in.getInt();
        if (in.position() + headerLength > bytes.length) {
            throw new IllegalArgumentException(file + ": truncated .npy header");
        }
        String header = new String(bytes, in.position(), headerLength, StandardCharsets.ISO_8859_1);
        in.position(in.position() + headerLength);
        String descr = group(DESCR, header, file);
        if (group(FORTRAN, header, file).equals("True")) {
            throw new IllegalArgumentException(file + ": Fortran-order arrays are not supported (save a C-order copy)");
        }
        String dims = group(SHAPE, header, file).trim();
        long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        int width = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new IllegalArgumentException(file + ": dtype " + descr
                    + " is not supported (expected little-endian float32 '<f4' or float64 '<f8')");
        };
        if (in.remaining() < n * width) {
            throw new IllegalArgumentException(file + ": truncated data (" + in.remaining() + " of " + n * width
                    + " bytes)");
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 4 ? in.getFloat() : (float) in.getDouble();
        }
        return new Array(shape, values);
    }

    static void write(Path file, long[] shape, float[] values) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + dims.substring(0, Math.max(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText + ", }";
        // The header, with its 10 preamble bytes, is padded with spaces to a multiple of 64 and ends in a newline.
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(total + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
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

    private static String group(Pattern p, String header, Path file) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": malformed .npy header " + header.trim());
        }
        return m.group(1);
    }
}

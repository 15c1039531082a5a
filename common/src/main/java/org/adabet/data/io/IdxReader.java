package org.adabet.data.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and its family (LeCun, Cortes and Burges, "The MNIST database of
 * handwritten digits"; Fashion-MNIST, KMNIST and EMNIST use the same files): a big-endian 32-bit
 * magic number whose third byte is the element type (0x08: unsigned byte) and fourth the number of
 * dimensions, then each dimension as a big-endian 32-bit size, then the elements. Image files have
 * magic 0x00000803 (count, rows, columns), label files 0x00000801 (count). Files may be gzip
 * compressed ({@code .gz} or not: the gzip signature is looked for).
 *
 * <p>A missing, wrong-magic, truncated or over-long file is an {@link IllegalArgumentException}
 * naming the file.
 */
public final class IdxReader {
    /** Magic of an unsigned-byte 3-dimensional file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic of an unsigned-byte 1-dimensional file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /**
     * Images of an IDX image file.
     *
     * @param pixels count x rows x columns bytes (unsigned), row by row
     */
    public record Images(int count, int rows, int columns, byte[] pixels) {
        /** Pixel {@code (row, column)} of image {@code i}, in [0, 255]. */
        public int pixel(int i, int row, int column) {
            return pixels[(i * rows + row) * columns + column] & 0xff;
        }
    }

    /** Reads an image file (magic 0x00000803). */
    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, IMAGES_MAGIC);
            int count = dimension(file, in, "image count");
            int rows = dimension(file, in, "rows");
            int columns = dimension(file, in, "columns");
            long size = (long) count * rows * columns;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "IDX file "
                                + file
                                + ": "
                                + count
                                + " x "
                                + rows
                                + " x "
                                + columns
                                + " pixels do not fit in one array");
            }
            return new Images(count, rows, columns, body(file, in, (int) size));
        } catch (IOException e) {
            throw new UncheckedIOException("IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a label file (magic 0x00000801). */
    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, LABELS_MAGIC);
            int count = dimension(file, in, "label count");
            byte[] raw = body(file, in, count);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "IDX file " + file + " does not exist or is not a file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        // The gzip signature, 1f 8b, cannot start an IDX file (whose first two bytes are 0).
        InputStream body =
                b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
        return new DataInputStream(body);
    }

    private static void checkMagic(Path file, DataInputStream in, int expected) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    "IDX file " + file + " is truncated: shorter than its 4-byte magic");
        }
        if (magic != expected) {
            throw new IllegalArgumentException(
                    String.format(
                            "IDX file %s: magic 0x%08x, expected 0x%08x (%s)",
                            file,
                            magic,
                            expected,
                            expected == IMAGES_MAGIC
                                    ? "unsigned-byte images"
                                    : "unsigned-byte labels"));
        }
    }

    private static int dimension(Path file, DataInputStream in, String what) throws IOException {
        int d;
        try {
            d = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    "IDX file " + file + " is truncated: the header ends before the " + what);
        }
        if (d < 0) {
            throw new IllegalArgumentException(
                    "IDX file " + file + ": " + what + " is negative, " + d);
        }
        return d;
    }

    private static byte[] body(Path file, DataInputStream in, int size) throws IOException {
        byte[] out = new byte[size];
        int read = in.readNBytes(out, 0, size);
        if (read < size) {
            throw new IllegalArgumentException(
                    "IDX file " + file + " is truncated: " + read + " of " + size + " data bytes");
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException(
                    "IDX file " + file + " has bytes after its " + size + " data bytes");
        }
        return out;
    }
}

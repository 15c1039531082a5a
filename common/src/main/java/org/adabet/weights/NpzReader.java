package org.adabet.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a {@code .npz} file as {@code np.savez} and {@code np.savez_compressed} write it: a zip
 * archive (entries stored or deflated, zip64 allowed) of one {@code .npy} array per tensor; entry
 * {@code layer1.0.conv1.weight.npy} is tensor {@code layer1.0.conv1.weight}. Arrays must be C order
 * and little-endian; {@code <f4}, {@code <f8} and {@code <f2} become float32, integer and boolean
 * dtypes are handled as {@link ReadOptions} says. Tensors keep the archive's entry order.
 */
public final class NpzReader {
    private static final String NPY = ".npy";

    private NpzReader() {}

    /**
     * @throws IllegalArgumentException naming the file (and entry) if it is missing, not a zip
     *     archive, truncated, or holds an array we cannot read
     */
    public static StateDict read(Path file, ReadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("state dict file not found: " + file);
        }
        TensorCollector out = new TensorCollector(file, options);
        try (ZipFile zip = open(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String where = file + ", entry '" + entry.getName() + "'";
                if (!entry.getName().endsWith(NPY)) {
                    throw new IllegalArgumentException(
                            where + ": not a .npy array (an .npz holds only .npy entries)");
                }
                String name = entry.getName().substring(0, entry.getName().length() - NPY.length());
                try (InputStream in = zip.getInputStream(entry)) {
                    readEntry(in, name, where, out);
                } catch (ZipException e) {
                    throw new IllegalArgumentException(
                            where + ": corrupt compressed data: " + e.getMessage(), e);
                } catch (IOException e) {
                    // A truncated archive whose central directory survived fails here, mid-entry.
                    throw new IllegalArgumentException(
                            where
                                    + ": cannot read entry (truncated or corrupt file): "
                                    + e.getMessage(),
                            e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out.result();
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file
                            + ": not a zip archive, or truncated (an .npz is a zip of .npy"
                            + " arrays): "
                            + e.getMessage(),
                    e);
        }
    }

    private static void readEntry(InputStream in, String name, String where, TensorCollector out)
            throws IOException {
        Npy.Header header = Npy.readHeader(in, where);
        long bytes = TensorCollector.elements(header.shape(), where) * header.dtype().size();
        if (out.skip(name, header.dtype(), header.shape())) {
            return;
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    where + ": " + bytes + " bytes is larger than this reader can hold");
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length < bytes) {
            throw new IllegalArgumentException(
                    where + ": truncated array data (" + data.length + " of " + bytes + " bytes)");
        }
        out.add(name, header.dtype(), header.shape(), ByteBuffer.wrap(data), where);
    }
}

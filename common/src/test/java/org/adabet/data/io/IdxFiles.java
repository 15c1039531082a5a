package org.adabet.data.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small MNIST-layout IDX files for tests: 8x8 images of labels 0..5, interleaved. */
public final class IdxFiles {
    private IdxFiles() {}

    /**
     * Writes {@code train-*} and {@code t10k-*} files into {@code dir} (images gzipped, labels
     * plain); image i's pixels vary with i and its left half is brighter.
     */
    public static void write(Path dir, int trainPerLabel, int testPerLabel) throws IOException {
        split(dir, "train", trainPerLabel);
        split(dir, "t10k", testPerLabel);
    }

    private static void split(Path dir, String prefix, int perLabel) throws IOException {
        int n = 6 * perLabel;
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 64];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 6);
            for (int p = 0; p < 64; p++) {
                pixels[i * 64 + p] = (byte) ((i * 7 + p * 3 + (p % 8 < 4 ? 100 : 0)) % 256);
            }
        }
        file(
                dir.resolve(prefix + "-images-idx3-ubyte.gz"),
                0x803,
                new int[] {n, 8, 8},
                pixels,
                true);
        file(dir.resolve(prefix + "-labels-idx1-ubyte"), 0x801, new int[] {n}, labels, false);
    }

    private static void file(Path file, int magic, int[] dims, byte[] data, boolean gzip)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream body = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}

package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    /** Where Debian's dataset-fashion-mnist package puts the files. */
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    /** Two 2x3 images; a pixel above 127 checks bytes are read unsigned. */
    private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 10, 20, 30, (byte) 200, (byte) 255, 6};

    @Test
    void readsPlainAndGzippedImagesAndLabels() throws IOException {
        byte[] images = idx(IdxReader.IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS);
        byte[] labels = idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {7, (byte) 250});
        for (boolean gzip : new boolean[] {false, true}) {
            IdxReader.Images im = IdxReader.readImages(write("images-" + gzip, images, gzip));
            assertEquals(2, im.count());
            assertEquals(2, im.rows());
            assertEquals(3, im.columns());
            assertArrayEquals(PIXELS, im.pixels());
            assertEquals(5, im.pixel(0, 1, 2));
            assertEquals(200, im.pixel(1, 1, 0));
            assertEquals(255, im.pixel(1, 1, 1));
            assertArrayEquals(
                    new int[] {7, 250},
                    IdxReader.readLabels(write("labels-" + gzip, labels, gzip)));
        }
    }

    @Test
    void wrongMagicNamesTheFileAndBothMagics() throws IOException {
        Path labels =
                write(
                        "labels",
                        idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2}),
                        false);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(labels));
        assertTrue(
                e.getMessage().contains(labels.toString())
                        && e.getMessage().contains("0x00000801")
                        && e.getMessage().contains("0x00000803"),
                e.getMessage());
    }

    @Test
    void truncatedFilesNameTheFile() throws IOException {
        byte[] full = idx(IdxReader.IMAGES_MAGIC, new int[] {2, 2, 3}, PIXELS);
        Path body = write("short-body.gz", Arrays.copyOf(full, full.length - 1), true);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(body));
        assertTrue(
                e.getMessage().contains(body.toString()) && e.getMessage().contains("11 of 12"),
                e.getMessage());
        Path header = write("short-header", Arrays.copyOf(full, 10), false);
        IllegalArgumentException h =
                assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(header));
        assertTrue(
                h.getMessage().contains(header.toString()) && h.getMessage().contains("truncated"),
                h.getMessage());
        Path empty = write("empty", new byte[0], false);
        IllegalArgumentException m =
                assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(empty));
        assertTrue(m.getMessage().contains(empty.toString()), m.getMessage());
        Path longer =
                write("long", idx(IdxReader.LABELS_MAGIC, new int[] {1}, new byte[] {1, 2}), false);
        IllegalArgumentException l =
                assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(longer));
        assertTrue(
                l.getMessage().contains(longer.toString()) && l.getMessage().contains("after"),
                l.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> IdxReader.readLabels(dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
    }

    @Test
    void readsDebiansFashionMnistWhenInstalled() {
        Path trainImages = FASHION.resolve("train-images-idx3-ubyte.gz");
        assumeTrue(Files.isRegularFile(trainImages), "dataset-fashion-mnist is not installed");
        IdxReader.Images train = IdxReader.readImages(trainImages);
        assertEquals(60_000, train.count());
        assertEquals(28, train.rows());
        assertEquals(28, train.columns());
        int[] trainLabels = IdxReader.readLabels(FASHION.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(60_000, trainLabels.length);
        int[] perClass = new int[10];
        for (int label : trainLabels) {
            perClass[label]++;
        }
        // Fashion-MNIST's training split is balanced: 6,000 images of each of 10 classes.
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, perClass);
        assertEquals(
                10_000, IdxReader.readImages(FASHION.resolve("t10k-images-idx3-ubyte.gz")).count());
        assertEquals(
                10_000, IdxReader.readLabels(FASHION.resolve("t10k-labels-idx1-ubyte.gz")).length);
    }
}

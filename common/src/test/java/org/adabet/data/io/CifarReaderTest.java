package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    private static final CifarOptions RAW = new CifarOptions(Normalization.NONE, 32, 0);

    @TempDir Path dir;

    /**
     * One record: label byte(s) then R, G, B planes; pixel p of channel c is (seed + 3p + c) mod
     * 256.
     */
    private static byte[] record(int seed, int... labels) {
        byte[] r = new byte[labels.length + 3072];
        for (int i = 0; i < labels.length; i++) {
            r[i] = (byte) labels[i];
        }
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                r[labels.length + c * 1024 + p] = (byte) (seed + 3 * p + c);
            }
        }
        return r;
    }

    private static void write(Path file, byte[]... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        Files.write(file, out.toByteArray());
    }

    /** Batches 1..5 hold labels (2b, 2b+1) for batch b = 0..4; the test batch labels 9, 0, 5. */
    private Path cifar10() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int b = 0; b < 5; b++) {
            write(
                    root.resolve("data_batch_" + (b + 1) + ".bin"),
                    record(b, 2 * b),
                    record(b + 50, 2 * b + 1));
        }
        write(root.resolve("test_batch.bin"), record(100, 9), record(101, 0), record(102, 5));
        Files.writeString(
                root.resolve("batches.meta.txt"),
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        return root;
    }

    private Path cifar100() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-100-binary"));
        write(root.resolve("train.bin"), record(1, 4, 30), record(2, 19, 99), record(3, 4, 30));
        write(root.resolve("test.bin"), record(4, 0, 7));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add("class" + i);
        }
        Files.write(root.resolve("fine_label_names.txt"), names);
        return root;
    }

    @Test
    void cifar10LabelsAndChwPixelsComeStraightFromTheRecords() throws IOException {
        LoadedDataset d = CifarReader.readCifar10(cifar10(), RAW);
        assertEquals(LoadedDataset.Layout.CIFAR_10, d.layout());
        assertEquals("cat", d.classNames().get(3));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.train().labels());
        assertArrayEquals(new int[] {9, 0, 5}, d.test().labels());
        assertEquals(3, d.train().channels());
        assertEquals(32, d.train().height());
        assertEquals(32, d.train().width());
        // record 1 of batch 1 (seed 50): R plane first, then G, then B.
        int at = d.train().imageLength();
        assertEquals(50 / 255f, d.train().pixels()[at], 1e-7f);
        assertEquals(((50 + 3 * 5) & 0xff) / 255f, d.train().pixels()[at + 5], 1e-7f);
        assertEquals(51 / 255f, d.train().pixels()[at + 1024], 1e-7f);
        assertEquals(52 / 255f, d.train().pixels()[at + 2048], 1e-7f);
        assertEquals(13, d.report().imagesRead());
        assertEquals(0, d.report().skipped().size());
    }

    @Test
    void cifar100UsesFineLabels() throws IOException {
        LoadedDataset d = CifarReader.read(cifar100());
        assertEquals(LoadedDataset.Layout.CIFAR_100, d.layout());
        assertEquals(100, d.numClasses());
        assertArrayEquals(new int[] {30, 99, 30}, d.train().labels());
        assertArrayEquals(new int[] {7}, d.test().labels());
        float expected = (float) ((1 / 255.0 - 0.5071) / 0.2673);
        assertEquals(expected, d.train().pixels()[0], 1e-5f);
    }

    @Test
    void readDetectsCifar10AndAppliesItsStatistics() throws IOException {
        LoadedDataset d = CifarReader.read(cifar10());
        assertEquals(LoadedDataset.Layout.CIFAR_10, d.layout());
        assertEquals((float) ((0 - 0.4914) / 0.2470), d.train().pixels()[0], 1e-5f);
    }

    @Test
    void capAndResizeAreApplied() throws IOException {
        LoadedDataset d =
                CifarReader.readCifar100(cifar100(), new CifarOptions(Normalization.NONE, 48, 1));
        assertArrayEquals(new int[] {30, 99}, d.train().labels());
        assertEquals(48, d.train().height());
        assertEquals(2 * 3 * 48 * 48, d.train().pixels().length);
    }

    @Test
    void aFileOfTheWrongSizeIsAnErrorNamingPathAndSize() throws IOException {
        Path root = cifar10();
        Path bad = root.resolve("data_batch_3.bin");
        Files.write(bad, new byte[3073 * 2 - 1]);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> CifarReader.readCifar10(root, RAW));
        assertEquals(
                "cifar-10 file "
                        + bad
                        + " has 6145 bytes, not a whole number of 3073-byte records"
                        + " (truncated or wrong file?)",
                e.getMessage());
    }

    @Test
    void aCifar10FileIsTheWrongSizeForCifar100() throws IOException {
        Path root = cifar100();
        write(root.resolve("test.bin"), record(4, 7));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CifarReader.read(root));
        assertTrue(
                e.getMessage()
                        .contains(
                                root.resolve("test.bin")
                                        + " has 3073 bytes, not a whole number of"
                                        + " 3074-byte records"),
                e.getMessage());
    }

    @Test
    void missingFilesAreErrorsNamingThem() throws IOException {
        Path root = cifar10();
        Files.delete(root.resolve("test_batch.bin"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> CifarReader.readCifar10(root, RAW));
        assertEquals(
                "cifar-10 file " + root.resolve("test_batch.bin") + " is missing", e.getMessage());
        Path hundred = cifar100();
        Files.delete(hundred.resolve("fine_label_names.txt"));
        e = assertThrows(IllegalArgumentException.class, () -> CifarReader.read(hundred));
        assertEquals(
                "cifar-100 class name file "
                        + hundred.resolve("fine_label_names.txt")
                        + " is missing",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CifarReader.read(dir.resolve("nothing")));
        assertEquals("CIFAR folder " + dir.resolve("nothing") + " does not exist", e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> CifarReader.read(empty));
        assertTrue(
                e.getMessage().startsWith("CIFAR folder " + empty + " has neither"),
                e.getMessage());
    }

    @Test
    void labelsOutOfRangeAndWrongNameCountsAreErrors() throws IOException {
        Path root = cifar10();
        write(root.resolve("data_batch_2.bin"), record(0, 3), record(0, 12));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> CifarReader.readCifar10(root, RAW));
        assertEquals(
                "cifar-10 file "
                        + root.resolve("data_batch_2.bin")
                        + ": record 1 has label 12, outside [0, 10)",
                e.getMessage());
        Files.writeString(root.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        e = assertThrows(IllegalArgumentException.class, () -> CifarReader.readCifar10(root, RAW));
        assertTrue(
                e.getMessage().endsWith("batches.meta.txt has 2 names, expected 10"),
                e.getMessage());
    }
}

package org.adabet.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adabet.data.ImageSet;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100 (Krizhevsky, "Learning Multiple Layers of
 * Features from Tiny Images", 2009) as their archives unpack:
 *
 * <ul>
 *   <li>CIFAR-10 ({@code cifar-10-batches-bin/}): {@code data_batch_1.bin} .. {@code
 *       data_batch_5.bin}, {@code test_batch.bin}, {@code batches.meta.txt} (class names); each
 *       record is 1 label byte and 3072 pixel bytes, the 32x32 R, G and B planes row by row.
 *   <li>CIFAR-100 ({@code cifar-100-binary/}): {@code train.bin}, {@code test.bin}, {@code
 *       fine_label_names.txt}; each record is a coarse label byte, a fine label byte and 3072 pixel
 *       bytes. The 100 fine labels are used.
 * </ul>
 *
 * A missing file, or one whose size is not a whole number of records, is an {@link
 * IllegalArgumentException} naming the path (and size).
 */
public final class CifarReader {
    /** CIFAR's image side. */
    public static final int SIDE = 32;

    private static final int PIXELS = 3 * SIDE * SIDE;

    private CifarReader() {}

    private record Variant(
            LoadedDataset.Layout layout,
            String name,
            List<String> trainFiles,
            String testFile,
            String namesFile,
            int classes,
            int labelBytes) {
        int recordSize() {
            return labelBytes + PIXELS;
        }
    }

    private static final Variant CIFAR10 =
            new Variant(
                    LoadedDataset.Layout.CIFAR_10,
                    "cifar-10",
                    List.of(
                            "data_batch_1.bin",
                            "data_batch_2.bin",
                            "data_batch_3.bin",
                            "data_batch_4.bin",
                            "data_batch_5.bin"),
                    "test_batch.bin",
                    "batches.meta.txt",
                    10,
                    1);
    private static final Variant CIFAR100 =
            new Variant(
                    LoadedDataset.Layout.CIFAR_100,
                    "cifar-100",
                    List.of("train.bin"),
                    "test.bin",
                    "fine_label_names.txt",
                    100,
                    2);

    /**
     * CIFAR-10 or CIFAR-100 with its own default options, told apart by the files in {@code dir}.
     */
    public static LoadedDataset read(Path dir) {
        ClassFolders.requireDirectory(dir, "CIFAR folder");
        if (Files.exists(dir.resolve(CIFAR100.trainFiles().get(0)))) {
            return readCifar100(dir, CifarOptions.cifar100());
        }
        if (Files.exists(dir.resolve(CIFAR10.trainFiles().get(0)))) {
            return readCifar10(dir, CifarOptions.cifar10());
        }
        throw new IllegalArgumentException(
                "CIFAR folder "
                        + dir
                        + " has neither data_batch_1.bin (CIFAR-10) nor"
                        + " train.bin (CIFAR-100)");
    }

    /**
     * CIFAR-10 from {@code cifar-10-batches-bin/}: 50,000 training and 10,000 test images of 10
     * classes.
     */
    public static LoadedDataset readCifar10(Path dir, CifarOptions options) {
        return read(dir, CIFAR10, options);
    }

    /**
     * CIFAR-100 from {@code cifar-100-binary/}: 50,000 training and 10,000 test images, 100 fine
     * labels.
     */
    public static LoadedDataset readCifar100(Path dir, CifarOptions options) {
        return read(dir, CIFAR100, options);
    }

    private static LoadedDataset read(Path dir, Variant v, CifarOptions options) {
        ClassFolders.requireDirectory(dir, v.name() + " folder");
        List<Path> trainFiles = v.trainFiles().stream().map(dir::resolve).toList();
        Path testFile = dir.resolve(v.testFile());
        // Check every file before reading any, so a bad download fails at once.
        for (Path f : trainFiles) {
            checkSize(f, v);
        }
        checkSize(testFile, v);
        List<String> names = classNames(dir.resolve(v.namesFile()), v);
        ImageSet train = decode(v.name() + "/train", trainFiles, v, options);
        ImageSet test = decode(v.name() + "/test", List.of(testFile), v, options);
        LoadReport report = new LoadReport(v.name(), train.size(), test.size(), List.of());
        return new LoadedDataset(v.name(), v.layout(), train, test, names, report);
    }

    private static void checkSize(Path file, Variant v) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(v.name() + " file " + file + " is missing");
        }
        try {
            long size = Files.size(file);
            if (size == 0 || size % v.recordSize() != 0) {
                throw new IllegalArgumentException(
                        v.name()
                                + " file "
                                + file
                                + " has "
                                + size
                                + " bytes, not a whole number of "
                                + v.recordSize()
                                + "-byte records (truncated or wrong file?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> classNames(Path file, Variant v) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    v.name() + " class name file " + file + " is missing");
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (names.size() != v.classes()) {
            throw new IllegalArgumentException(
                    v.name()
                            + " class name file "
                            + file
                            + " has "
                            + names.size()
                            + " names, expected "
                            + v.classes());
        }
        return names;
    }

    private static ImageSet decode(String name, List<Path> files, Variant v, CifarOptions options) {
        List<byte[]> contents = new ArrayList<>();
        List<int[]> selected = new ArrayList<>(); // {file index, record index}
        int[] perClass = new int[v.classes()];
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = readAll(files.get(f));
            contents.add(bytes);
            for (int r = 0; r < bytes.length / v.recordSize(); r++) {
                int label = bytes[r * v.recordSize() + v.labelBytes() - 1] & 0xff;
                if (label >= v.classes()) {
                    throw new IllegalArgumentException(
                            v.name()
                                    + " file "
                                    + files.get(f)
                                    + ": record "
                                    + r
                                    + " has label "
                                    + label
                                    + ", outside [0, "
                                    + v.classes()
                                    + ")");
                }
                if (options.maxPerClass() == 0 || perClass[label] < options.maxPerClass()) {
                    perClass[label]++;
                    selected.add(new int[] {f, r});
                }
            }
        }
        int side = options.size();
        int len = 3 * side * side;
        if ((long) selected.size() * len > ImageSetBuilder.MAX_VALUES) {
            throw new IllegalArgumentException(
                    "image set '"
                            + name
                            + "': "
                            + selected.size()
                            + " images of 3x"
                            + side
                            + "x"
                            + side
                            + " are more than one image set can hold; set maxPerClass or a smaller size");
        }
        float[] pixels = new float[selected.size() * len];
        int[] labels = new int[selected.size()];
        float[][] planes = new float[3][SIDE * SIDE];
        Resampler resampler = new Resampler(SIDE, SIDE, side, side, 0, side, 0, side);
        for (int i = 0; i < selected.size(); i++) {
            byte[] bytes = contents.get(selected.get(i)[0]);
            int at = selected.get(i)[1] * v.recordSize();
            labels[i] = bytes[at + v.labelBytes() - 1] & 0xff;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < SIDE * SIDE; p++) {
                    planes[c][p] = (bytes[at + v.labelBytes() + c * SIDE * SIDE + p] & 0xff) / 255f;
                }
                float[] plane = side == SIDE ? planes[c] : resampler.apply(planes[c]);
                System.arraycopy(plane, 0, pixels, i * len + c * side * side, side * side);
                options.normalization().apply(c, pixels, i * len + c * side * side, side * side);
            }
        }
        return new ImageSet(name, 3, side, side, pixels, labels, v.classes());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

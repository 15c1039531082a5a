package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.adabet.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    static final int RED = 0xd01010;
    static final int GREEN = 0x10d010;
    static final int BLUE = 0x1010d0;

    /** Small, unnormalised output so tests can read colours back. */
    private static final Preprocessing SMALL = new Preprocessing(12, 8, Normalization.NONE);

    @TempDir Path tmp;

    /**
     * bird (blue, PNG in upper case), cat (red, PNG, plus an empty .png), dog (green, JPEG, one
     * nested, plus a corrupt .jpg).
     */
    private Path dataset(Path root, int perClass, boolean reverse) throws IOException {
        clean(root, perClass, reverse);
        Files.write(root.resolve("cat/empty.png"), new byte[0]);
        Files.write(root.resolve("dog/corrupt.jpg"), "this is not a JPEG at all".getBytes());
        return root;
    }

    /** The same three classes without unreadable files. */
    private Path clean(Path root, int perClass, boolean reverse) throws IOException {
        for (int k = 0; k < perClass; k++) {
            int i = reverse ? perClass - 1 - k : k;
            Images.write(root.resolve("bird/b" + i + ".PNG"), Images.solid(20, 14, BLUE, i));
            Images.write(root.resolve("cat/c" + i + ".png"), Images.solid(14, 20, RED, i));
            String dog = i == 0 ? "dog/puppies/d0.jpeg" : "dog/d" + i + ".jpg";
            Images.write(root.resolve(dog), Images.solid(16, 16, GREEN, i));
        }
        Files.writeString(root.resolve("dog/notes.txt"), "ignored: not an image name");
        Files.createDirectories(root.resolve(".hidden"));
        return root;
    }

    static ImageFolderOptions options(long seed) {
        return new ImageFolderOptions(SMALL, 0.2, seed, 0, 1);
    }

    /** The colour channel that dominates image i: 0 red, 1 green, 2 blue. */
    static int dominant(ImageSet set, int i) {
        int plane = set.height() * set.width();
        double[] sums = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                sums[c] += set.pixels()[i * set.imageLength() + c * plane + p];
            }
        }
        return sums[0] > sums[1] && sums[0] > sums[2] ? 0 : sums[1] > sums[2] ? 1 : 2;
    }

    @Test
    void classesAreSortedFolderNamesAndLabelsMatchTheImages() throws IOException {
        LoadedDataset d =
                ImageFolderReader.read(dataset(tmp.resolve("pets"), 10, false), options(1));
        assertEquals("pets", d.name());
        assertEquals(LoadedDataset.Layout.IMAGE_FOLDER, d.layout());
        assertEquals(List.of("bird", "cat", "dog"), d.classNames());
        int[] colourOfClass = {2, 0, 1};
        for (ImageSet set : List.of(d.train(), d.test())) {
            assertEquals(3, set.channels());
            assertEquals(8, set.height());
            assertEquals(8, set.width());
            assertEquals(3, set.numClasses());
            for (int i = 0; i < set.size(); i++) {
                assertEquals(
                        colourOfClass[set.labels()[i]],
                        dominant(set, i),
                        "image " + i + " of " + set.name());
            }
        }
    }

    @Test
    void splitIsStratifiedAndTheSameForTheSameSeed() throws IOException {
        Path root = clean(tmp.resolve("pets"), 10, false);
        LoadedDataset a = ImageFolderReader.read(root, options(7));
        LoadedDataset b = ImageFolderReader.read(root, options(7));
        assertArrayEquals(new int[] {8, 8, 8}, counts(a.train()));
        assertArrayEquals(new int[] {2, 2, 2}, counts(a.test()));
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.test().labels(), b.test().labels());
        boolean differs = false;
        for (long seed = 8; seed < 12 && !differs; seed++) {
            differs =
                    !Arrays.equals(
                            a.test().pixels(),
                            ImageFolderReader.read(root, options(seed)).test().pixels());
        }
        assertTrue(differs, "another seed should hold out other images");
    }

    @Test
    void resultDoesNotDependOnFileCreationOrderOrThreads() throws IOException {
        LoadedDataset forward =
                ImageFolderReader.read(dataset(tmp.resolve("a/pets"), 6, false), options(3));
        LoadedDataset reverse =
                ImageFolderReader.read(
                        dataset(tmp.resolve("b/pets"), 6, true), options(3).withThreads(2));
        assertArrayEquals(forward.train().pixels(), reverse.train().pixels());
        assertArrayEquals(forward.train().labels(), reverse.train().labels());
        assertArrayEquals(forward.test().pixels(), reverse.test().pixels());
    }

    @Test
    void trainingOrderMixesClasses() throws IOException {
        int[] labels =
                ImageFolderReader.read(dataset(tmp.resolve("pets"), 10, false), options(1))
                        .train()
                        .labels();
        assertFalse(
                Arrays.equals(labels, Arrays.stream(labels).sorted().toArray()),
                Arrays.toString(labels));
    }

    @Test
    void corruptAndEmptyFilesAreSkippedAndReported() throws IOException {
        Path root = dataset(tmp.resolve("pets"), 4, false);
        LoadReport report = ImageFolderReader.read(root, options(1)).report();
        assertEquals("pets", report.dataset());
        assertEquals(12, report.imagesRead());
        assertEquals(2, report.skipped().size());
        assertEquals(root.resolve("cat/empty.png").toString(), report.skipped().get(0).path());
        assertEquals("empty file", report.skipped().get(0).reason());
        assertEquals(root.resolve("dog/corrupt.jpg").toString(), report.skipped().get(1).path());
        assertTrue(
                report.skipped().get(1).reason().contains("not a JPEG or PNG"),
                report.skipped().get(1).reason());
        assertTrue(report.summary().startsWith("pets: 12 images read ("), report.summary());
        assertTrue(report.summary().endsWith(", 2 skipped"), report.summary());
    }

    @Test
    void aTruncatedJpegIsSkippedThoughTheDecoderOnlyWarns() throws IOException {
        Path root = clean(tmp.resolve("pets"), 2, false);
        Path big = Images.write(root.resolve("dog/big.jpg"), Images.solid(640, 480, GREEN, 0));
        byte[] all = Files.readAllBytes(big);
        Files.write(big, Arrays.copyOf(all, all.length * 8 / 10));
        LoadReport report = ImageFolderReader.read(root, options(1)).report();
        assertEquals(1, report.skipped().size());
        assertEquals(big.toString(), report.skipped().get(0).path());
        assertTrue(
                report.skipped().get(0).reason().startsWith("truncated JPG file"),
                report.skipped().get(0).reason());
    }

    @Test
    void perClassCapLimitsEachSplit() throws IOException {
        LoadedDataset d =
                ImageFolderReader.read(
                        clean(tmp.resolve("pets"), 10, false),
                        new ImageFolderOptions(SMALL, 0.3, 1, 2, 1));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.train()));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.test()));
    }

    @Test
    void splitFilesInTheRootDecideTheSplit() throws IOException {
        Path root = dataset(tmp.resolve("pets"), 3, false);
        Files.writeString(
                root.resolve("train.txt"),
                "# train\nbird/b0.PNG\nbird/b1.PNG\ncat/c0.png\n\ndog/d1.jpg\n");
        Files.writeString(
                root.resolve("test.txt"),
                "bird/b2.PNG\ncat/c1.png\n./dog/puppies/d0.jpeg\ndog/corrupt.jpg\n");
        LoadedDataset d = ImageFolderReader.read(root, options(1));
        assertEquals(LoadedDataset.Layout.IMAGE_FOLDER_SPLIT_FILES, d.layout());
        assertArrayEquals(new int[] {2, 1, 1}, counts(d.train()));
        assertArrayEquals(new int[] {1, 1, 1}, counts(d.test()));
        assertEquals(1, d.report().skipped().size());
    }

    @Test
    void splitFileErrorsNameTheFileAndLine() throws IOException {
        Path root = dataset(tmp.resolve("pets"), 2, false);
        Files.writeString(root.resolve("train.txt"), "bird/b0.PNG\n");
        assertError(root, root.resolve("test.txt") + " is missing");
        Files.writeString(root.resolve("test.txt"), "cat/c0.png\nfish/f0.png\n");
        assertError(
                root,
                root.resolve("test.txt") + " line 2: 'fish/f0.png' is not inside a class folder");
        Files.writeString(root.resolve("test.txt"), "cat/c0.png\n../x.png\n");
        assertError(root, "line 2: '../x.png' must be a path relative to the root");
        Files.writeString(root.resolve("test.txt"), "bird/b0.PNG\n");
        assertError(
                root,
                root.resolve("test.txt")
                        + " line 1: 'bird/b0.PNG' is already listed at "
                        + root.resolve("train.txt")
                        + " line 1");
        Files.writeString(root.resolve("test.txt"), "bird/b1.PNG\n");
        assertError(root, "class folder " + root.resolve("cat") + " has no image listed");
    }

    @Test
    void symlinkedClassFoldersAreFollowed() throws IOException {
        Path elsewhere = clean(tmp.resolve("store"), 3, false);
        Path root = Files.createDirectories(tmp.resolve("linked"));
        for (String c : List.of("bird", "cat", "dog")) {
            Files.createSymbolicLink(root.resolve(c), elsewhere.resolve(c));
        }
        LoadedDataset linked = ImageFolderReader.read(root, options(2));
        LoadedDataset direct = ImageFolderReader.read(elsewhere, options(2));
        assertEquals(9, linked.report().imagesRead());
        assertArrayEquals(direct.train().pixels(), linked.train().pixels());
    }

    @Test
    void aListedFileThatDoesNotExistIsSkippedAndReported() throws IOException {
        Path root = clean(tmp.resolve("pets"), 2, false);
        Files.writeString(
                root.resolve("train.txt"), "bird/b0.PNG\ncat/c0.png\ndog/d1.jpg\ncat/gone.png\n");
        Files.writeString(root.resolve("test.txt"), "bird/b1.PNG\n");
        LoadReport report = ImageFolderReader.read(root, options(1)).report();
        assertEquals(
                List.of(
                        new LoadReport.SkippedImage(
                                root.resolve("cat/gone.png").toString(),
                                "file not found or not readable")),
                report.skipped());
        assertEquals(3, report.trainImages());
    }

    @Test
    void missingOrEmptyRootsAreErrorsNamingThePath() throws IOException {
        assertError(
                tmp.resolve("absent"), "dataset root " + tmp.resolve("absent") + " does not exist");
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertError(file, "dataset root " + file + " is not a folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("stray.jpg"), "x");
        assertError(empty, "dataset root " + empty + " has no class folders");
    }

    @Test
    void anEmptyClassFolderIsAnErrorNamingIt() throws IOException {
        Path root = dataset(tmp.resolve("pets"), 2, false);
        Files.createDirectories(root.resolve("zebra/sub"));
        Files.writeString(root.resolve("zebra/readme.txt"), "no images here");
        assertError(
                root,
                "class folder " + root.resolve("zebra") + " has no .jpg, .jpeg or .png images");
    }

    @Test
    void aClassWithOnlyUnreadableImagesIsAnErrorNamingIt() throws IOException {
        Path root = dataset(tmp.resolve("pets"), 2, false);
        Files.createDirectories(root.resolve("zebra"));
        Files.write(
                root.resolve("zebra/z0.jpg"),
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        Files.write(root.resolve("zebra/z1.png"), new byte[0]);
        assertError(
                root,
                "class 'zebra' ("
                        + root.resolve("zebra")
                        + ") has no readable image: 2 skipped, e.g. "
                        + root.resolve("zebra"));
    }

    @Test
    void invalidOptionsNameTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageFolderOptions.defaults(1).withTestFraction(1.0));
        assertEquals("testFraction must be in [0, 1), was 1.0", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageFolderOptions.defaults(1).withMaxPerClass(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageFolderOptions.defaults(1).withThreads(0));
    }

    static int[] counts(ImageSet set) {
        int[] counts = new int[set.numClasses()];
        for (int label : set.labels()) {
            counts[label]++;
        }
        return counts;
    }

    static void assertError(Path root, String expected) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageFolderReader.read(root, options(1)));
        assertTrue(
                e.getMessage().contains(expected),
                "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}

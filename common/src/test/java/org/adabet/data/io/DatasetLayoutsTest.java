package org.adabet.data.io;

import static org.adabet.data.io.ImageFolderReaderTest.BLUE;
import static org.adabet.data.io.ImageFolderReaderTest.GREEN;
import static org.adabet.data.io.ImageFolderReaderTest.RED;
import static org.adabet.data.io.ImageFolderReaderTest.assertError;
import static org.adabet.data.io.ImageFolderReaderTest.counts;
import static org.adabet.data.io.ImageFolderReaderTest.dominant;
import static org.adabet.data.io.ImageFolderReaderTest.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datasets' own split layouts: CUB-200-2011, Oxford-IIIT Pets, Flowers-102, Stanford Dogs. */
class DatasetLayoutsTest {
    @TempDir Path tmp;

    @Test
    void cubLayoutUsesItsOwnSplitAndClassList() throws IOException {
        Path root = tmp.resolve("CUB_200_2011");
        String[] classes = {"001.Black_footed_Albatross", "002.Laysan_Albatross"};
        StringBuilder images = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        StringBuilder split = new StringBuilder();
        int id = 1;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 3; i++, id++) {
                String rel = classes[c] + "/img_" + i + ".jpg";
                Images.write(
                        root.resolve("images").resolve(rel),
                        Images.solid(10, 12, c == 0 ? RED : BLUE, i));
                images.append(id).append(' ').append(rel).append('\n');
                labels.append(id).append(' ').append(c + 1).append('\n');
                split.append(id).append(' ').append(i == 0 ? 0 : 1).append('\n');
            }
        }
        Files.writeString(
                root.resolve("classes.txt"), "1 " + classes[0] + "\n2 " + classes[1] + "\n");
        Files.writeString(root.resolve("images.txt"), images);
        Files.writeString(root.resolve("image_class_labels.txt"), labels);
        Files.writeString(root.resolve("train_test_split.txt"), split);
        LoadedDataset d = ImageFolderReader.read(root, options(1));
        assertEquals(LoadedDataset.Layout.CUB_200_2011, d.layout());
        assertEquals(List.of(classes), d.classNames());
        assertArrayEquals(new int[] {2, 2}, counts(d.train()));
        assertArrayEquals(new int[] {1, 1}, counts(d.test()));
        for (int i = 0; i < d.train().size(); i++) {
            assertEquals(d.train().labels()[i] == 0 ? 0 : 2, dominant(d.train(), i));
        }

        Files.writeString(
                root.resolve("train_test_split.txt"), split.toString().replace("6 1", "6 2"));
        assertError(root, root.resolve("train_test_split.txt") + ": image 6 has split flag '2'");
        Files.writeString(root.resolve("train_test_split.txt"), split);
        Files.delete(root.resolve("classes.txt"));
        assertError(root, "CUB-200-2011 file " + root.resolve("classes.txt") + " is missing");
    }

    @Test
    void oxfordPetsLayoutUsesItsAnnotationsSplit() throws IOException {
        Path root = tmp.resolve("oxford-iiit-pet");
        StringBuilder trainval = new StringBuilder();
        StringBuilder test = new StringBuilder();
        String[] breeds = {"Abyssinian", "american_bulldog"};
        for (int c = 0; c < 2; c++) {
            for (int i = 1; i <= 3; i++) {
                String name = breeds[c] + "_" + i;
                Images.write(
                        root.resolve("images/" + name + ".jpg"),
                        Images.solid(12, 10, c == 0 ? RED : GREEN, i));
                (i == 3 ? test : trainval)
                        .append(name)
                        .append(' ')
                        .append(c + 1)
                        .append(' ')
                        .append(2 - c)
                        .append(" 1\n");
            }
        }
        Files.createDirectories(root.resolve("annotations"));
        Files.writeString(root.resolve("annotations/trainval.txt"), trainval);
        Files.writeString(root.resolve("annotations/test.txt"), test);
        LoadedDataset d = ImageFolderReader.read(root, options(1));
        assertEquals(LoadedDataset.Layout.OXFORD_IIIT_PETS, d.layout());
        assertEquals(List.of(breeds), d.classNames());
        assertArrayEquals(new int[] {2, 2}, counts(d.train()));
        assertArrayEquals(new int[] {1, 1}, counts(d.test()));
        for (int i = 0; i < d.train().size(); i++) {
            assertEquals(d.train().labels()[i] == 0 ? 0 : 1, dominant(d.train(), i));
        }

        Files.writeString(root.resolve("annotations/test.txt"), test + "Abyssinian_9 2 1 1\n");
        assertError(
                root,
                root.resolve("annotations/test.txt")
                        + " line 3: class id 2 is 'american_bulldog'"
                        + " elsewhere but 'Abyssinian' here");
        Files.writeString(root.resolve("annotations/test.txt"), "Bengal_1 4 1 1\n");
        assertError(root, "use class ids [1, 2, 4], which are not 1..3");
    }

    @Test
    void flowersLayoutUsesSetidWithTrainAndValidForTraining() throws Exception {
        Path root = tmp.resolve("flowers-102");
        Files.createDirectories(root);
        for (String f : List.of("imagelabels.mat", "setid.mat")) {
            Files.copy(MatFileTest.resource("flowers/" + f), root.resolve(f));
        }
        // labels 1, 2, 1, 2, 1, 2; trnid 1, 2; valid 3, 4; tstid 6, 5
        for (int i = 1; i <= 6; i++) {
            Images.write(
                    root.resolve(String.format("jpg/image_%05d.jpg", i)),
                    Images.solid(10, 10, i % 2 == 1 ? RED : BLUE, i));
        }
        LoadedDataset d = ImageFolderReader.read(root, options(1));
        assertEquals(LoadedDataset.Layout.FLOWERS_102, d.layout());
        assertEquals(List.of("1", "2"), d.classNames());
        assertArrayEquals(new int[] {2, 2}, counts(d.train()));
        assertArrayEquals(new int[] {1, 1}, counts(d.test()));
        for (int i = 0; i < d.test().size(); i++) {
            assertEquals(d.test().labels()[i] == 0 ? 0 : 2, dominant(d.test(), i));
        }
        Files.delete(root.resolve("jpg/image_00005.jpg"));
        assertEquals(
                List.of(
                        new LoadReport.SkippedImage(
                                root.resolve("jpg/image_00005.jpg").toString(),
                                "file not found or not readable")),
                ImageFolderReader.read(root, options(1)).report().skipped());
    }

    @Test
    void stanfordDogsLayoutUsesItsListFiles() throws Exception {
        Path root = tmp.resolve("stanford-dogs");
        Files.createDirectories(root);
        for (String f : List.of("train_list.mat", "test_list.mat")) {
            Files.copy(MatFileTest.resource("dogs/" + f), root.resolve(f));
        }
        String c = "n02085620-Chihuahua";
        String j = "n02085782-Japanese_spaniel";
        for (int i = 1; i <= 3; i++) {
            Images.write(
                    root.resolve("Images/" + c + "/c_" + i + ".jpg"), Images.solid(10, 10, RED, i));
            Images.write(
                    root.resolve("Images/" + j + "/j_" + i + ".jpg"),
                    Images.solid(10, 10, GREEN, i));
        }
        Images.write(
                root.resolve("Images/" + j + "/j_4.jpg"),
                Images.solid(10, 10, GREEN, 4)); // in no list
        LoadedDataset d = ImageFolderReader.read(root, options(1));
        assertEquals(LoadedDataset.Layout.STANFORD_DOGS, d.layout());
        assertEquals(List.of(c, j), d.classNames());
        assertArrayEquals(new int[] {2, 2}, counts(d.train()));
        assertArrayEquals(new int[] {1, 1}, counts(d.test()));
        for (int i = 0; i < d.train().size(); i++) {
            assertEquals(d.train().labels()[i], dominant(d.train(), i));
        }
        assertEquals(
                List.of(c, j),
                ImageFolderReader.read(root.resolve("Images"), options(1)).classNames());
    }
}

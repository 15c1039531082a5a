package org.adabet.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Oxford Flowers-102 as its files unpack: {@code jpg/image_00001.jpg ...}, {@code imagelabels.mat}
 * (variable {@code labels}: class 1..102 of each image) and {@code setid.mat} ({@code trnid},
 * {@code valid}, {@code tstid}: 1-based image numbers). Training uses {@code trnid} and {@code
 * valid} together (10 + 10 images per class), testing {@code tstid}. The dataset names no classes,
 * so class i is called {@code "i"}.
 */
final class FlowersLayout {
    static final String LABELS = "imagelabels.mat";
    static final String SETID = "setid.mat";
    static final String IMAGES = "jpg";

    private FlowersLayout() {}

    static boolean present(Path root) {
        return Files.isRegularFile(root.resolve(LABELS))
                && Files.isRegularFile(root.resolve(SETID));
    }

    static FolderListing read(Path root) {
        Path labelFile = root.resolve(LABELS);
        Path setFile = root.resolve(SETID);
        double[] labels = MatFile.numeric(MatFile.read(labelFile), "labels", labelFile);
        Map<String, Object> sets = MatFile.read(setFile);
        int classes = 0;
        for (double l : labels) {
            classes = Math.max(classes, MatFile.oneBased(l, Integer.MAX_VALUE, "label", labelFile));
        }
        int[] perClass = new int[classes];
        for (double l : labels) {
            perClass[(int) l - 1]++;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (perClass[c] == 0) {
                throw new IllegalArgumentException(
                        "MAT-file " + labelFile + " has no image of class " + (c + 1));
            }
            names.add(Integer.toString(c + 1));
        }
        Path images = root.resolve(IMAGES);
        ClassFolders.requireDirectory(images, "Flowers-102 image folder");
        List<LabelledFile> train = new ArrayList<>();
        for (String set : List.of("trnid", "valid")) {
            train.addAll(files(MatFile.numeric(sets, set, setFile), labels, images, setFile));
        }
        List<LabelledFile> test =
                files(MatFile.numeric(sets, "tstid", setFile), labels, images, setFile);
        return new FolderListing(
                LoadedDataset.Layout.FLOWERS_102,
                names,
                Collections.nCopies(classes, images),
                train,
                test);
    }

    private static List<LabelledFile> files(
            double[] ids, double[] labels, Path images, Path setFile) {
        List<LabelledFile> out = new ArrayList<>();
        for (double v : ids) {
            int id = MatFile.oneBased(v, labels.length, "image number", setFile);
            out.add(
                    new LabelledFile(
                            images.resolve(String.format("image_%05d.jpg", id)),
                            (int) labels[id - 1] - 1));
        }
        return out;
    }
}

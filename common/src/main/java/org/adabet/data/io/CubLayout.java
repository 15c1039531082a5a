package org.adabet.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CUB-200-2011 as its archive unpacks ({@code CUB_200_2011/}): {@code classes.txt} ({@code <class
 * id> <name>}), {@code images.txt} ({@code <image id> <path under images/>}), {@code
 * image_class_labels.txt} ({@code <image id> <class id>}) and {@code train_test_split.txt} ({@code
 * <image id> <1 = train, 0 = test>}). Labels follow class ids in ascending order.
 */
final class CubLayout {
    static final String CLASSES = "classes.txt";
    static final String IMAGES = "images.txt";
    static final String LABELS = "image_class_labels.txt";
    static final String SPLIT = "train_test_split.txt";
    static final String IMAGE_FOLDER = "images";

    private CubLayout() {}

    /**
     * A root with CUB's image list and split file is read as CUB (the other two files then must
     * exist).
     */
    static boolean present(Path root) {
        return Files.isRegularFile(root.resolve(IMAGES))
                && Files.isRegularFile(root.resolve(SPLIT));
    }

    static FolderListing read(Path root) {
        Map<String, String> classTable = table(root.resolve(CLASSES));
        Map<String, String> images = table(root.resolve(IMAGES));
        Map<String, String> imageLabels = table(root.resolve(LABELS));
        Map<String, String> split = table(root.resolve(SPLIT));
        // Class ids are numbers; order them numerically so "10" follows "9".
        TreeMap<Long, String> byId = new TreeMap<>();
        for (Map.Entry<String, String> e : classTable.entrySet()) {
            byId.put(number(e.getKey(), root.resolve(CLASSES)), e.getValue());
        }
        List<String> names = new ArrayList<>(byId.values());
        Map<Long, Integer> labelOf = new LinkedHashMap<>();
        for (Long id : byId.keySet()) {
            labelOf.put(id, labelOf.size());
        }
        Path imageRoot = root.resolve(IMAGE_FOLDER);
        ClassFolders.requireDirectory(imageRoot, "CUB image folder");
        List<LabelledFile> train = new ArrayList<>();
        List<LabelledFile> test = new ArrayList<>();
        int[] perClass = new int[names.size()];
        for (Map.Entry<String, String> e : images.entrySet()) {
            String id = e.getKey();
            String classId = require(imageLabels, id, root.resolve(LABELS));
            Integer label = labelOf.get(number(classId, root.resolve(LABELS)));
            if (label == null) {
                throw new IllegalArgumentException(
                        root.resolve(LABELS)
                                + ": image "
                                + id
                                + " has class "
                                + classId
                                + ", which "
                                + root.resolve(CLASSES)
                                + " does not define");
            }
            String isTrain = require(split, id, root.resolve(SPLIT));
            if (!isTrain.equals("1") && !isTrain.equals("0")) {
                throw new IllegalArgumentException(
                        root.resolve(SPLIT)
                                + ": image "
                                + id
                                + " has split flag '"
                                + isTrain
                                + "', expected 1 (train) or 0 (test)");
            }
            LabelledFile file = new LabelledFile(imageRoot.resolve(e.getValue()), label);
            (isTrain.equals("1") ? train : test).add(file);
            perClass[label]++;
        }
        List<Path> classPaths = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            classPaths.add(imageRoot.resolve(names.get(c)));
            if (perClass[c] == 0) {
                throw new IllegalArgumentException(
                        root.resolve(IMAGES) + " lists no image of class '" + names.get(c) + "'");
            }
        }
        return new FolderListing(LoadedDataset.Layout.CUB_200_2011, names, classPaths, train, test);
    }

    /** A two-column file as id -> rest of line, in file order. */
    private static Map<String, String> table(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CUB-200-2011 file " + file + " is missing");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(
                        file
                                + " line "
                                + (i + 1)
                                + ": expected '<id> <value>', was '"
                                + line
                                + "'");
            }
            if (out.put(parts[0], parts[1].strip()) != null) {
                throw new IllegalArgumentException(
                        file + " line " + (i + 1) + ": id " + parts[0] + " appears twice");
            }
        }
        return out;
    }

    private static String require(Map<String, String> table, String id, Path file) {
        String value = table.get(id);
        if (value == null) {
            throw new IllegalArgumentException(file + " has no line for image " + id);
        }
        return value;
    }

    private static long number(String id, Path file) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": id '" + id + "' is not a number");
        }
    }
}

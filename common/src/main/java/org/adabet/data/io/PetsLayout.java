package org.adabet.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Oxford-IIIT Pets as its two archives unpack side by side: {@code images/<Breed_name>_<n>.jpg} and
 * {@code annotations/trainval.txt} / {@code annotations/test.txt}, whose lines are {@code <image
 * name> <class id 1..37> <species> <breed id>}. Labels follow class ids; a class's name is its
 * images' name without the trailing {@code _<n>}. The official trainval/test split is used.
 */
final class PetsLayout {
    static final String TRAIN = "annotations/trainval.txt";
    static final String TEST = "annotations/test.txt";
    static final String IMAGES = "images";

    private PetsLayout() {}

    static boolean present(Path root) {
        return Files.isRegularFile(root.resolve(TRAIN))
                && Files.isRegularFile(root.resolve(TEST))
                && Files.isDirectory(root.resolve(IMAGES));
    }

    static FolderListing read(Path root) {
        Map<Integer, String> names = new TreeMap<>();
        List<int[]> trainIds = new ArrayList<>();
        List<int[]> testIds = new ArrayList<>();
        List<String> trainFiles = new ArrayList<>();
        List<String> testFiles = new ArrayList<>();
        parse(root.resolve(TRAIN), names, trainIds, trainFiles);
        parse(root.resolve(TEST), names, testIds, testFiles);
        int expected = 1;
        for (int id : names.keySet()) {
            if (id != expected++) {
                throw new IllegalArgumentException(
                        root.resolve(TRAIN)
                                + " and "
                                + TEST
                                + " use class ids "
                                + names.keySet()
                                + ", which are not 1.."
                                + names.size());
            }
        }
        Path images = root.resolve(IMAGES);
        List<Path> classPaths = new ArrayList<>();
        for (String name : names.values()) {
            classPaths.add(images.resolve(name + "_*.jpg"));
        }
        return new FolderListing(
                LoadedDataset.Layout.OXFORD_IIIT_PETS,
                List.copyOf(names.values()),
                classPaths,
                files(images, trainIds, trainFiles),
                files(images, testIds, testFiles));
    }

    private static List<LabelledFile> files(Path images, List<int[]> ids, List<String> names) {
        List<LabelledFile> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new LabelledFile(images.resolve(names.get(i) + ".jpg"), ids.get(i)[0] - 1));
        }
        return out;
    }

    private static void parse(
            Path file, Map<Integer, String> names, List<int[]> ids, List<String> files) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] parts = line.split("\\s+");
            int underscore = parts[0].lastIndexOf('_');
            if (parts.length < 2 || underscore < 1 || parts[0].contains("/")) {
                throw new IllegalArgumentException(
                        where + ": expected '<Breed_name>_<n> <class id> ...', was '" + line + "'");
            }
            int classId;
            try {
                classId = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        where + ": class id '" + parts[1] + "' is not a number");
            }
            if (classId < 1) {
                throw new IllegalArgumentException(
                        where + ": class id " + classId + " must be at least 1");
            }
            String name = parts[0].substring(0, underscore);
            String previous = names.putIfAbsent(classId, name);
            if (previous != null && !previous.equals(name)) {
                throw new IllegalArgumentException(
                        where
                                + ": class id "
                                + classId
                                + " is '"
                                + previous
                                + "' elsewhere but '"
                                + name
                                + "' here");
            }
            ids.add(new int[] {classId});
            files.add(parts[0]);
        }
    }
}

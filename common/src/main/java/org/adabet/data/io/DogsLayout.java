package org.adabet.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stanford Dogs as its archives unpack side by side: {@code Images/<wnid>-<Breed>/<image>.jpg} and
 * the lists {@code train_list.mat} / {@code test_list.mat} (variables {@code file_list}: paths
 * under {@code Images/}; {@code labels}: class 1..120). The official split is used; a class's name
 * is its folder's ({@code n02085620-Chihuahua}), so labels agree with reading {@code Images/} as a
 * plain image folder.
 */
final class DogsLayout {
    static final String TRAIN = "train_list.mat";
    static final String TEST = "test_list.mat";
    static final String IMAGES = "Images";

    private DogsLayout() {}

    static boolean present(Path root) {
        return Files.isRegularFile(root.resolve(TRAIN))
                && Files.isRegularFile(root.resolve(TEST))
                && Files.isDirectory(root.resolve(IMAGES));
    }

    static FolderListing read(Path root) {
        Map<Integer, String> names = new TreeMap<>();
        List<String[]> train = list(root.resolve(TRAIN), names);
        List<String[]> test = list(root.resolve(TEST), names);
        int expected = 1;
        for (int id : names.keySet()) {
            if (id != expected++) {
                throw new IllegalArgumentException(
                        root.resolve(TRAIN)
                                + " and "
                                + TEST
                                + " use labels "
                                + names.keySet()
                                + ", which are not 1.."
                                + names.size());
            }
        }
        Path images = root.resolve(IMAGES);
        List<Path> classPaths = names.values().stream().map(images::resolve).toList();
        return new FolderListing(
                LoadedDataset.Layout.STANFORD_DOGS,
                List.copyOf(names.values()),
                classPaths,
                files(images, train),
                files(images, test));
    }

    /** Each entry as {path, 1-based label}; records each label's folder name in {@code names}. */
    private static List<String[]> list(Path file, Map<Integer, String> names) {
        Map<String, Object> vars = MatFile.read(file);
        List<String> paths = MatFile.strings(vars, "file_list", file);
        double[] labels = MatFile.numeric(vars, "labels", file);
        if (paths.size() != labels.length) {
            throw new IllegalArgumentException(
                    "MAT-file "
                            + file
                            + " has "
                            + paths.size()
                            + " files but "
                            + labels.length
                            + " labels");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i).replace('\\', '/');
            int slash = path.indexOf('/');
            if (slash < 1 || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
                throw new IllegalArgumentException(
                        "MAT-file "
                                + file
                                + ": file_list entry "
                                + (i + 1)
                                + " '"
                                + path
                                + "' is not <class folder>/<image>");
            }
            int label = MatFile.oneBased(labels[i], Integer.MAX_VALUE, "label", file);
            String folder = path.substring(0, slash);
            String previous = names.putIfAbsent(label, folder);
            if (previous != null && !previous.equals(folder)) {
                throw new IllegalArgumentException(
                        "MAT-file "
                                + file
                                + ": label "
                                + label
                                + " is folder '"
                                + previous
                                + "' elsewhere but '"
                                + folder
                                + "' for entry "
                                + (i + 1));
            }
            out.add(new String[] {path, Integer.toString(label)});
        }
        return out;
    }

    private static List<LabelledFile> files(Path images, List<String[]> entries) {
        return entries.stream()
                .map(e -> new LabelledFile(images.resolve(e[0]), Integer.parseInt(e[1]) - 1))
                .toList();
    }
}

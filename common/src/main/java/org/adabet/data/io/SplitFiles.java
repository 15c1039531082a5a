package org.adabet.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A split given as two files in the dataset root, {@code train.txt} and {@code test.txt}: one image
 * path per line, relative to the root, whose first folder is the class ({@code cat/0001.jpg});
 * blank lines and lines starting with {@code #} are ignored. Images in class folders that neither
 * file lists are not used.
 */
final class SplitFiles {
    static final String TRAIN = "train.txt";
    static final String TEST = "test.txt";

    private SplitFiles() {}

    static boolean present(Path root) {
        return Files.exists(root.resolve(TRAIN)) || Files.exists(root.resolve(TEST));
    }

    static FolderListing read(Path root) {
        for (String name : List.of(TRAIN, TEST)) {
            if (!Files.isRegularFile(root.resolve(name))) {
                throw new IllegalArgumentException(
                        "split file "
                                + root.resolve(name)
                                + " is missing (a split given by"
                                + " files needs both "
                                + TRAIN
                                + " and "
                                + TEST
                                + ")");
            }
        }
        List<Path> folders = ClassFolders.list(root);
        Map<String, Integer> labels = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Path f : folders) {
            labels.put(f.getFileName().toString(), names.size());
            names.add(f.getFileName().toString());
        }
        Map<String, String> seen = new HashMap<>();
        List<LabelledFile> train = entries(root, root.resolve(TRAIN), labels, seen);
        List<LabelledFile> test = entries(root, root.resolve(TEST), labels, seen);
        int[] perClass = new int[names.size()];
        train.forEach(f -> perClass[f.label()]++);
        test.forEach(f -> perClass[f.label()]++);
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0) {
                throw new IllegalArgumentException(
                        "class folder "
                                + folders.get(c)
                                + " has no image listed in "
                                + root.resolve(TRAIN)
                                + " or "
                                + TEST);
            }
        }
        return new FolderListing(
                LoadedDataset.Layout.IMAGE_FOLDER_SPLIT_FILES, names, folders, train, test);
    }

    private static List<LabelledFile> entries(
            Path root, Path splitFile, Map<String, Integer> labels, Map<String, String> seen) {
        List<String> lines;
        try {
            lines = Files.readAllLines(splitFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read split file " + splitFile, e);
        }
        List<LabelledFile> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = splitFile + " line " + (i + 1);
            String rel = line.replace('\\', '/');
            while (rel.startsWith("./")) {
                rel = rel.substring(2);
            }
            if (rel.startsWith("/")
                    || rel.contains(":")
                    || List.of(rel.split("/")).contains("..")) {
                throw new IllegalArgumentException(
                        where
                                + ": '"
                                + line
                                + "' must be a path relative to the root,"
                                + " inside it");
            }
            int slash = rel.indexOf('/');
            Integer label = slash < 0 ? null : labels.get(rel.substring(0, slash));
            if (label == null) {
                throw new IllegalArgumentException(
                        where + ": '" + line + "' is not inside a class folder of " + root);
            }
            String previous = seen.putIfAbsent(rel, where);
            if (previous != null) {
                throw new IllegalArgumentException(
                        where + ": '" + line + "' is already listed at " + previous);
            }
            out.add(new LabelledFile(root.resolve(rel), label));
        }
        return out;
    }
}

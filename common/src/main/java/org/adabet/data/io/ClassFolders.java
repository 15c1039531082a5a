package org.adabet.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * torchvision {@code ImageFolder}'s conventions: every non-hidden sub-folder of the root is a
 * class, classes sorted by name give the label order, and a class's images are the {@code .jpg},
 * {@code .jpeg} and {@code .png} files anywhere below its folder (any case).
 */
final class ClassFolders {
    private ClassFolders() {}

    /** The root itself must exist and hold at least one class folder. */
    static List<Path> list(Path root) {
        requireDirectory(root, "dataset root");
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .forEach(classes::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(
                    "dataset root "
                            + root
                            + " has no class folders (expected root/<class>/<image>.jpg|.jpeg|.png)");
        }
        return classes;
    }

    /**
     * Image files below a class folder, sorted by their path relative to it (so listing order never
     * matters).
     */
    static List<Path> images(Path classFolder) {
        // Followed like torchvision's os.walk(followlinks=True): class folders are often symlinks.
        try (Stream<Path> files = Files.walk(classFolder, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> images =
                    files.filter(Files::isRegularFile)
                            .filter(ClassFolders::isImageName)
                            .sorted(Comparator.comparing(p -> relative(classFolder, p)))
                            .toList();
            if (images.isEmpty()) {
                throw new IllegalArgumentException(
                        "class folder " + classFolder + " has no .jpg, .jpeg or .png images");
            }
            return images;
        } catch (IOException | UncheckedIOException e) {
            // Files.walk reports a symlink loop or an unreadable sub-folder mid-stream, unchecked.
            throw new IllegalArgumentException(
                    "cannot list class folder " + classFolder + ": " + e.getMessage(), e);
        }
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".")
                && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }

    /** A path relative to a folder, with '/' separators on every platform. */
    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    static void requireDirectory(Path dir, String what) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(what + " " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + " " + dir + " is not a folder");
        }
    }
}

package org.adabet.data.io;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adabet.data.ValidationSplit;
import org.adabet.seed.Seeds;

/**
 * The seeded choices of {@link ImageFolderReader}: a stratified train/test split, a per-class cap
 * and the image order. Every generator derives from (seed, a key naming the choice and the class),
 * so a class's split depends only on its own sorted file list: adding a class or listing files in
 * another order changes nothing else.
 */
final class SeededSplit {
    private SeededSplit() {}

    record Split(List<LabelledFile> train, List<LabelledFile> test) {}

    /**
     * Holds out {@code round(n * testFraction)} images of each class of n images, at least one and
     * leaving at least one for training when n >= 2 and testFraction > 0.
     */
    static Split stratified(
            List<LabelledFile> all, List<String> classNames, double testFraction, long seed) {
        List<LabelledFile> train = new ArrayList<>();
        List<LabelledFile> test = new ArrayList<>();
        List<List<LabelledFile>> byClass = byClass(all, classNames.size());
        for (int c = 0; c < byClass.size(); c++) {
            List<LabelledFile> files = new ArrayList<>(byClass.get(c));
            int n = files.size();
            int held = ValidationSplit.heldOut(n, testFraction);
            shuffle(files, Seeds.random(seed, "image-folder-split|" + classNames.get(c)));
            test.addAll(files.subList(0, held));
            train.addAll(files.subList(held, n));
        }
        return new Split(train, test);
    }

    /**
     * At most {@code max} files of each class, chosen by seed; {@code split} names the split in the
     * key.
     */
    static List<LabelledFile> cap(
            List<LabelledFile> files, List<String> classNames, int max, long seed, String split) {
        List<LabelledFile> out = new ArrayList<>();
        List<List<LabelledFile>> byClass = byClass(files, classNames.size());
        for (int c = 0; c < byClass.size(); c++) {
            List<LabelledFile> members = new ArrayList<>(byClass.get(c));
            if (members.size() > max) {
                shuffle(
                        members,
                        Seeds.random(seed, "image-folder-cap|" + split + "|" + classNames.get(c)));
                members = members.subList(0, max);
            }
            out.addAll(members);
        }
        return out;
    }

    /**
     * The split in a seeded random order. Classes are mixed because the pipeline reads the first
     * batches unshuffled for its statistics; class-by-class order would show it one class.
     */
    static List<LabelledFile> ordered(List<LabelledFile> files, long seed, String split) {
        List<LabelledFile> out = new ArrayList<>(files);
        shuffle(out, Seeds.random(seed, "image-folder-order|" + split));
        return out;
    }

    private static List<List<LabelledFile>> byClass(List<LabelledFile> files, int classes) {
        List<List<LabelledFile>> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(new ArrayList<>());
        }
        for (LabelledFile f : files) {
            out.get(f.label()).add(f);
        }
        return out;
    }

    /** Fisher-Yates. */
    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

package org.adabet.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.adabet.data.ImageSet;

/**
 * Reads an image dataset from a folder. Layouts recognised, checked in this order:
 *
 * <ol>
 *   <li><b>CUB-200-2011</b> as unpacked: {@code images.txt} and {@code train_test_split.txt} in the
 *       root (with {@code classes.txt}, {@code image_class_labels.txt} and {@code images/}); its
 *       own train/test split is used ({@code CubLayout}).
 *   <li><b>Oxford-IIIT Pets</b> as its two archives unpack side by side: {@code images/} and {@code
 *       annotations/trainval.txt}, {@code annotations/test.txt}; its trainval/test split is used
 *       ({@code PetsLayout}).
 *   <li><b>Flowers-102</b> as unpacked: {@code jpg/}, {@code imagelabels.mat}, {@code setid.mat};
 *       train = {@code trnid} + {@code valid}, test = {@code tstid} ({@code FlowersLayout}).
 *   <li><b>Stanford Dogs</b> as unpacked: {@code Images/}, {@code train_list.mat}, {@code
 *       test_list.mat}; its split is used ({@code DogsLayout}).
 *   <li><b>Image folder with split files</b>: {@code root/<class>/<image>} plus {@code train.txt}
 *       and {@code test.txt} in the root, one path relative to the root per line ({@code
 *       SplitFiles}).
 *   <li><b>Image folder</b> as torchvision's {@code ImageFolder}: {@code root/<class>/<image>}
 *       ({@code .jpg}, {@code .jpeg}, {@code .png} in any case, in sub-folders too), classes sorted
 *       by name = label order; a stratified split is drawn by seed ({@link
 *       ImageFolderOptions#testFraction()} of each class held out). Stanford Dogs' {@code Images/}
 *       folder alone is this layout.
 * </ol>
 *
 * A split is chosen from the file lists before any image is decoded, so a corrupt file never shifts
 * which other files are held out. Each split is then capped per class ({@link
 * ImageFolderOptions#maxPerClass()}), put in a seeded order and decoded with {@link Preprocessing}.
 * A file that cannot be decoded is skipped and listed in the {@link LoadReport}; a missing root, a
 * root without class folders, an empty class folder or a class none of whose images can be read is
 * an {@link IllegalArgumentException} naming the path.
 */
public final class ImageFolderReader {
    private ImageFolderReader() {}

    /** Reads the dataset at {@code root}; its folder name is the dataset's name. */
    public static LoadedDataset read(Path root, ImageFolderOptions options) {
        ClassFolders.requireDirectory(root, "dataset root");
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        FolderListing listing = list(root);
        List<String> classes = listing.classNames();
        List<LabelledFile> train;
        List<LabelledFile> test;
        if (listing.splitGiven()) {
            train = listing.train();
            test = listing.test();
        } else {
            SeededSplit.Split split =
                    SeededSplit.stratified(
                            listing.train(), classes, options.testFraction(), options.seed());
            train = split.train();
            test = split.test();
        }
        if (options.maxPerClass() > 0) {
            train = SeededSplit.cap(train, classes, options.maxPerClass(), options.seed(), "train");
            test = SeededSplit.cap(test, classes, options.maxPerClass(), options.seed(), "test");
        }
        train = SeededSplit.ordered(train, options.seed(), "train");
        test = SeededSplit.ordered(test, options.seed(), "test");

        ImageSetBuilder.Built builtTrain =
                ImageSetBuilder.build(
                        name + "/train",
                        train,
                        classes.size(),
                        options.preprocessing(),
                        options.threads());
        ImageSetBuilder.Built builtTest =
                ImageSetBuilder.build(
                        name + "/test",
                        test,
                        classes.size(),
                        options.preprocessing(),
                        options.threads());
        List<LoadReport.SkippedImage> skipped = new ArrayList<>();
        int[] read = new int[classes.size()];
        int[] failed = new int[classes.size()];
        String[] firstReason = new String[classes.size()];
        collect(train, builtTrain.reasons(), skipped, read, failed, firstReason);
        collect(test, builtTest.reasons(), skipped, read, failed, firstReason);
        for (int c = 0; c < classes.size(); c++) {
            if (read[c] == 0) {
                throw new IllegalArgumentException(
                        "class '"
                                + classes.get(c)
                                + "' ("
                                + listing.classPaths().get(c)
                                + ") has no readable image: "
                                + (failed[c] == 0
                                        ? "none is listed in either split"
                                        : failed[c] + " skipped, e.g. " + firstReason[c]));
            }
        }
        // Listing order is the seeded image order; a report reads better sorted by path.
        skipped.sort(Comparator.comparing(LoadReport.SkippedImage::path));
        ImageSet trainSet = builtTrain.images();
        ImageSet testSet = builtTest.images();
        LoadReport report = new LoadReport(name, trainSet.size(), testSet.size(), skipped);
        return new LoadedDataset(name, listing.layout(), trainSet, testSet, classes, report);
    }

    private static FolderListing list(Path root) {
        if (CubLayout.present(root)) {
            return CubLayout.read(root);
        }
        if (PetsLayout.present(root)) {
            return PetsLayout.read(root);
        }
        if (FlowersLayout.present(root)) {
            return FlowersLayout.read(root);
        }
        if (DogsLayout.present(root)) {
            return DogsLayout.read(root);
        }
        if (SplitFiles.present(root)) {
            return SplitFiles.read(root);
        }
        List<Path> folders = ClassFolders.list(root);
        List<String> names = new ArrayList<>();
        List<LabelledFile> all = new ArrayList<>();
        for (Path folder : folders) {
            for (Path image : ClassFolders.images(folder)) {
                all.add(new LabelledFile(image, names.size()));
            }
            names.add(folder.getFileName().toString());
        }
        return new FolderListing(LoadedDataset.Layout.IMAGE_FOLDER, names, folders, all, null);
    }

    private static void collect(
            List<LabelledFile> files,
            String[] reasons,
            List<LoadReport.SkippedImage> skipped,
            int[] read,
            int[] failed,
            String[] firstReason) {
        for (int i = 0; i < files.size(); i++) {
            int label = files.get(i).label();
            if (reasons[i] == null) {
                read[label]++;
            } else {
                failed[label]++;
                if (firstReason[label] == null) {
                    firstReason[label] = files.get(i).path() + ": " + reasons[i];
                }
                skipped.add(new LoadReport.SkippedImage(files.get(i).path(), reasons[i]));
            }
        }
    }
}

package org.adabet.data.io;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of a dataset before decoding.
 *
 * @param classPaths where each class's images live, for error messages
 * @param train the training files, or every file when {@code test} is null (no split given)
 * @param test the test files, or null when the split is to be drawn by seed
 */
record FolderListing(
        LoadedDataset.Layout layout,
        List<String> classNames,
        List<Path> classPaths,
        List<LabelledFile> train,
        List<LabelledFile> test) {

    boolean splitGiven() {
        return test != null;
    }
}

package org.adabet.data.io;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.adabet.data.DomainData;
import org.adabet.data.ImageSet;

/**
 * A dataset read from disk: both splits as normalised NCHW images, the class names (label i is
 * {@code classNames.get(i)}), which layout was recognised, and the load report.
 */
public record LoadedDataset(
        String name,
        Layout layout,
        ImageSet train,
        ImageSet test,
        List<String> classNames,
        LoadReport report)
        implements Serializable {

    /** The on-disk layouts the readers recognise. */
    public enum Layout {
        /** {@code root/<class>/<image>} with a split drawn by seed ({@link ImageFolderReader}). */
        IMAGE_FOLDER,
        /** {@code root/<class>/<image>} with {@code train.txt} and {@code test.txt} in the root. */
        IMAGE_FOLDER_SPLIT_FILES,
        /** CUB-200-2011's own files: {@code images.txt}, {@code train_test_split.txt}, ... */
        CUB_200_2011,
        /**
         * Oxford-IIIT Pets' own files: {@code images/} and {@code annotations/trainval.txt}, {@code
         * test.txt}.
         */
        OXFORD_IIIT_PETS,
        /** Flowers-102's own files: {@code jpg/}, {@code imagelabels.mat}, {@code setid.mat}. */
        FLOWERS_102,
        /**
         * Stanford Dogs' own files: {@code Images/}, {@code train_list.mat}, {@code test_list.mat}.
         */
        STANFORD_DOGS,
        /** CIFAR-10 binary version ({@link CifarReader}). */
        CIFAR_10,
        /** CIFAR-100 binary version, fine labels. */
        CIFAR_100
    }

    public LoadedDataset {
        Objects.requireNonNull(layout, "layout");
        classNames = List.copyOf(classNames);
        if (train.numClasses() != classNames.size() || test.numClasses() != classNames.size()) {
            throw new IllegalArgumentException(
                    "dataset '"
                            + name
                            + "': "
                            + classNames.size()
                            + " class names for "
                            + train.numClasses()
                            + " / "
                            + test.numClasses()
                            + " classes in the train / test sets");
        }
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The splits as the pipeline's domain type. */
    public DomainData toDomainData() {
        return new DomainData(name, train, test);
    }
}

package org.adabet.data.io;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What loading one dataset read and what it skipped. Unreadable images are skipped, never fatal, so
 * a sweep goes on; this report is how a run tells how much data it actually used.
 *
 * @param dataset the dataset's name
 * @param trainImages images read into the training split
 * @param testImages images read into the test split
 * @param skipped every file that was listed but could not be used, in listing order
 */
public record LoadReport(
        String dataset, int trainImages, int testImages, List<SkippedImage> skipped)
        implements Serializable {

    /** A file left out, and why (e.g. "corrupt or truncated JPEG file: ..."). */
    public record SkippedImage(String path, String reason) implements Serializable {
        public SkippedImage {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        SkippedImage(Path path, String reason) {
            this(path.toString(), reason);
        }
    }

    public LoadReport {
        Objects.requireNonNull(dataset, "dataset");
        if (trainImages < 0 || testImages < 0) {
            throw new IllegalArgumentException(
                    "dataset '"
                            + dataset
                            + "': image counts must be >= 0, were "
                            + trainImages
                            + " and "
                            + testImages);
        }
        skipped = List.copyOf(skipped);
    }

    /** Images read into either split. */
    public int imagesRead() {
        return trainImages + testImages;
    }

    /** One line, e.g. {@code cub200: 11786 images read (5994 train, 5792 test), 2 skipped}. */
    public String summary() {
        return dataset
                + ": "
                + imagesRead()
                + " images read ("
                + trainImages
                + " train, "
                + testImages
                + " test), "
                + skipped.size()
                + " skipped";
    }
}

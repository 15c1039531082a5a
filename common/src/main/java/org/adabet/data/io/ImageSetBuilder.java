package org.adabet.data.io;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.adabet.data.ImageSet;

/**
 * Decodes and preprocesses a split's files into one {@link ImageSet}, skipping (and recording)
 * every file that cannot be used. The result does not depend on the number of threads: each file
 * has its own slot, and slots are compacted in listing order afterwards.
 */
final class ImageSetBuilder {
    /** The most values one Java array (hence one ImageSet) can hold. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private ImageSetBuilder() {}

    /** A built split and, per file in listing order, why it was skipped (null if read). */
    record Built(ImageSet images, String[] reasons) {}

    static Built build(
            String name,
            List<LabelledFile> files,
            int numClasses,
            Preprocessing preprocessing,
            int threads) {
        int len = preprocessing.imageLength();
        long values = (long) files.size() * len;
        if (values > MAX_VALUES) {
            throw new IllegalArgumentException(
                    "image set '"
                            + name
                            + "': "
                            + files.size()
                            + " images of "
                            + Preprocessing.CHANNELS
                            + "x"
                            + preprocessing.cropTo()
                            + "x"
                            + preprocessing.cropTo()
                            + " need "
                            + values
                            + " values, more than one image set can hold ("
                            + MAX_VALUES
                            + "); set maxPerClass or a smaller crop");
        }
        float[] pixels = new float[(int) values];
        String[] reasons = new String[files.size()];
        IntStream indices = IntStream.range(0, files.size());
        if (threads == 1) {
            indices.forEach(
                    i -> reasons[i] = decodeInto(files.get(i), preprocessing, pixels, i * len));
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(
                                () ->
                                        indices.parallel()
                                                .forEach(
                                                        i ->
                                                                reasons[i] =
                                                                        decodeInto(
                                                                                files.get(i),
                                                                                preprocessing,
                                                                                pixels,
                                                                                i * len)))
                        .get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while reading image set '" + name + "'", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "reading image set '" + name + "' failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        int kept = 0;
        int[] labels = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            if (reasons[i] == null) {
                if (kept != i) {
                    System.arraycopy(pixels, i * len, pixels, kept * len, len);
                }
                labels[kept++] = files.get(i).label();
            }
        }
        float[] keptPixels = kept == files.size() ? pixels : Arrays.copyOf(pixels, kept * len);
        ImageSet set =
                new ImageSet(
                        name,
                        Preprocessing.CHANNELS,
                        preprocessing.cropTo(),
                        preprocessing.cropTo(),
                        keptPixels,
                        Arrays.copyOf(labels, kept),
                        numClasses);
        return new Built(set, reasons);
    }

    /** Returns null on success, else why the file was skipped. */
    private static String decodeInto(
            LabelledFile file, Preprocessing preprocessing, float[] out, int offset) {
        try {
            var image = ImageDecoder.read(file.path());
            preprocessing.apply(
                    ImageDecoder.rgbPlanes(image),
                    image.getWidth(),
                    image.getHeight(),
                    out,
                    offset);
            return null;
        } catch (ImageDecoder.UnreadableImageException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "cannot preprocess: " + e.getMessage();
        }
    }
}

package org.adabet.data;

import java.io.Serializable;

/**
 * Labelled images in NCHW float32 layout, already normalised.
 *
 * @param pixels {@code size * channels * height * width} values, image after image
 */
public record ImageSet(
        String name,
        int channels,
        int height,
        int width,
        float[] pixels,
        int[] labels,
        int numClasses)
        implements Serializable {

    public ImageSet {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "image set '"
                            + name
                            + "': "
                            + pixels.length
                            + " pixel values for "
                            + labels.length
                            + " images of "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + " (expected "
                            + expected
                            + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "image set '"
                                + name
                                + "': label "
                                + labels[i]
                                + " of image "
                                + i
                                + " is outside [0, "
                                + numClasses
                                + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Values per image. */
    public int imageLength() {
        return channels * height * width;
    }

    /** Copies images {@code order[from .. from+count)} into one NCHW batch. */
    public float[] gather(int[] order, int from, int count) {
        int len = imageLength();
        float[] batch = new float[count * len];
        for (int i = 0; i < count; i++) {
            System.arraycopy(pixels, order[from + i] * len, batch, i * len, len);
        }
        return batch;
    }

    /** The labels of images {@code order[from .. from+count)}. */
    public int[] gatherLabels(int[] order, int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[order[from + i]];
        }
        return out;
    }

    /** The images at {@code indices}, in that order, as a new set named {@code name}. */
    public ImageSet subset(String name, int[] indices) {
        return new ImageSet(
                name,
                channels,
                height,
                width,
                gather(indices, 0, indices.length),
                gatherLabels(indices, 0, indices.length),
                numClasses);
    }

    /** The identity order 0..size-1. */
    public int[] naturalOrder() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}

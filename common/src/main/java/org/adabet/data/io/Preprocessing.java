package org.adabet.data.io;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.Objects;

/**
 * torchvision's evaluation preprocessing for ImageNet models: {@code Resize(resizeTo)} (the shorter
 * side becomes {@code resizeTo}, the longer side {@code floor(resizeTo * long / short)}), {@code
 * CenterCrop(cropTo)} (offsets rounded half to even, as Python's {@code round}), {@code ToTensor()}
 * (RGB scaled to [0, 1], CHW) and {@code Normalize(mean, std)}. Resizing is Pillow's antialiased
 * bilinear ({@code Resampler}).
 *
 * @param resizeTo target length of the shorter side, at least {@code cropTo}
 * @param cropTo side of the square centre crop: the output resolution
 */
public record Preprocessing(int resizeTo, int cropTo, Normalization normalization)
        implements Serializable {
    /**
     * Resize 256, centre crop 224, ImageNet statistics: torchvision's ResNet, VGG, MobileNetV2 and
     * ViT-B/16 weights.
     */
    public static final Preprocessing IMAGENET =
            new Preprocessing(256, 224, Normalization.IMAGENET);

    /** Channels of every output image (RGB). */
    public static final int CHANNELS = 3;

    public Preprocessing {
        if (cropTo < 1) {
            throw new IllegalArgumentException(
                    "preprocessing cropTo must be positive, was " + cropTo);
        }
        if (resizeTo < cropTo) {
            throw new IllegalArgumentException(
                    "preprocessing resizeTo must be at least cropTo ("
                            + cropTo
                            + "), was "
                            + resizeTo);
        }
        Objects.requireNonNull(normalization, "normalization");
    }

    /** ImageNet preprocessing at another resolution, keeping torchvision's crop ratio 224/256. */
    public static Preprocessing imagenet(int cropTo) {
        return new Preprocessing(
                (int) Math.round(cropTo * 256.0 / 224.0), cropTo, Normalization.IMAGENET);
    }

    /** Values per output image. */
    public int imageLength() {
        return CHANNELS * cropTo * cropTo;
    }

    /** The image as normalised CHW float32, {@link #imageLength()} values. */
    public float[] apply(BufferedImage image) {
        float[] out = new float[imageLength()];
        apply(ImageDecoder.rgbPlanes(image), image.getWidth(), image.getHeight(), out, 0);
        return out;
    }

    /**
     * Writes the preprocessed image into {@code out} from {@code offset}.
     *
     * @param rgb three row-major planes of {@code width x height} values in [0, 1]
     */
    void apply(float[][] rgb, int width, int height, float[] out, int offset) {
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        int newLong = (int) ((double) resizeTo * longer / shorter);
        int newWidth = width <= height ? resizeTo : newLong;
        int newHeight = width <= height ? newLong : resizeTo;
        if ((long) newWidth * newHeight > ImageDecoder.MAX_PIXELS) {
            throw new IllegalArgumentException(
                    "a "
                            + width
                            + "x"
                            + height
                            + " image resized to "
                            + newWidth
                            + "x"
                            + newHeight
                            + " would exceed "
                            + ImageDecoder.MAX_PIXELS
                            + " pixels");
        }
        int top = (int) Math.rint((newHeight - cropTo) / 2.0);
        int left = (int) Math.rint((newWidth - cropTo) / 2.0);
        int plane = cropTo * cropTo;
        Resampler resampler =
                new Resampler(width, height, newWidth, newHeight, left, cropTo, top, cropTo);
        for (int c = 0; c < CHANNELS; c++) {
            int base = offset + c * plane;
            System.arraycopy(resampler.apply(rgb[c]), 0, out, base, plane);
            normalization.apply(c, out, base, plane);
        }
    }
}

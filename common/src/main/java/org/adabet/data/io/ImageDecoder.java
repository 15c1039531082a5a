package org.adabet.data.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with javax.imageio (JPEG, PNG, and whatever else it sniffs) into RGB planes.
 */
final class ImageDecoder {
    /**
     * Pillow's decompression-bomb limit: larger images are refused before their pixels are
     * allocated.
     */
    static final long MAX_PIXELS = 178_956_970L;

    private ImageDecoder() {}

    /** Why one file could not be used; the reader records it and goes on. */
    static final class UnreadableImageException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableImageException(String reason) {
            super(reason);
        }
    }

    /** Decodes a file, judging its format by content, not by extension. */
    static BufferedImage read(Path file) throws UnreadableImageException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableImageException("file not found or not readable");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadableImageException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(
                        Files.size(file) == 0
                                ? "empty file"
                                : "not a JPEG or PNG image (no decoder recognises its content)");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UnreadableImageException(
                            reader.getWidth(0)
                                    + "x"
                                    + reader.getHeight(0)
                                    + " pixels is more than "
                                    + MAX_PIXELS
                                    + " (decompression bomb?)");
                }
                BufferedImage image = reader.read(0);
                // The JPEG decoder fills a truncated file's missing part with grey and only warns;
                // Pillow refuses such files ("image file is truncated"), and so do we.
                for (String w : warnings) {
                    String lower = w.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("truncated")) {
                        throw new UnreadableImageException(
                                "truncated " + formatOf(file) + " (" + w + ")");
                    }
                }
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new UnreadableImageException("decoder returned no pixels");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableImageException(
                    "corrupt or truncated " + formatOf(file) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Decoders throw unchecked exceptions on some malformed files (bad ICC profiles, odd
            // JPEG colour models); one bad file must never stop a sweep.
            throw new UnreadableImageException("decoder failed on " + formatOf(file) + ": " + e);
        }
    }

    /**
     * The image as three row-major planes R, G, B in [0, 1]. Grey and RGB images are read from the
     * raster (grey values are taken as-is, as Pillow's {@code convert("RGB")} does, where {@code
     * getRGB} would apply a linear-to-sRGB curve); palettes and other colour spaces go through
     * {@code getRGB}. Alpha is dropped.
     */
    static float[][] rgbPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] rgb = new float[3][w * h];
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        boolean direct = !(cm instanceof IndexColorModel) && !cm.isAlphaPremultiplied();
        int colourType = cm.getColorSpace().getType();
        if (direct && colourType == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2) {
            readBand(raster, 0, rgb[0]);
            System.arraycopy(rgb[0], 0, rgb[1], 0, w * h);
            System.arraycopy(rgb[0], 0, rgb[2], 0, w * h);
        } else if (direct && cm.getColorSpace().isCS_sRGB() && raster.getNumBands() >= 3) {
            // Band c of an sRGB model is colour component c (R, G, B) whatever the byte order.
            for (int c = 0; c < 3; c++) {
                readBand(raster, c, rgb[c]);
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    rgb[0][y * w + x] = ((p >>> 16) & 0xff) / 255f;
                    rgb[1][y * w + x] = ((p >>> 8) & 0xff) / 255f;
                    rgb[2][y * w + x] = (p & 0xff) / 255f;
                }
            }
        }
        return rgb;
    }

    private static void readBand(Raster raster, int band, float[] out) {
        int w = raster.getWidth();
        float max = (float) ((1L << raster.getSampleModel().getSampleSize(band)) - 1);
        int[] row = new int[w];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, band, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = row[x] / max;
            }
        }
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "image" : name.substring(dot + 1).toUpperCase(Locale.ROOT) + " file";
    }
}

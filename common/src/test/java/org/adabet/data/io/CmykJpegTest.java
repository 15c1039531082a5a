package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web-scraped datasets hold CMYK JPEGs (Photoshop exports); they must load, not be skipped. */
class CmykJpegTest {
    @TempDir Path tmp;

    /**
     * A four-channel baseline JPEG with an Adobe APP14 marker (transform 0: CMYK), as Photoshop
     * writes them: the JDK's writer encodes the four-band raster, then the marker goes in after
     * SOI.
     */
    static void writeCmyk(Path file, int width, int height) throws IOException {
        WritableRaster raster =
                Raster.createInterleavedRaster(
                        java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {30 + x, 200, 40 + y, 10});
            }
        }
        ImageWriter writer = jdkWriter();
        Files.createDirectories(file.getParent());
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = Files.readAllBytes(file);
        byte[] adobe = {
            (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
        };
        byte[] out = new byte[jpeg.length + adobe.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(adobe, 0, out, 2, adobe.length);
        System.arraycopy(jpeg, 2, out, 2 + adobe.length, jpeg.length - 2);
        Files.write(file, out);
    }

    private static ImageWriter jdkWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) {
                return w;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer is not registered");
    }

    @Test
    void theTwelveMonkeysPluginIsTheDecoderImageIoPicks() throws IOException {
        Path file = tmp.resolve("cmyk.jpg");
        writeCmyk(file, 24, 18);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext());
            String first = readers.next().getClass().getName();
            assertTrue(first.startsWith("com.twelvemonkeys.imageio.plugins.jpeg"), first);
        }
    }

    @Test
    void aCmykJpegIsDecodedToRgbAndLoaded() throws Exception {
        Path file = tmp.resolve("cmyk.jpg");
        writeCmyk(file, 24, 18);
        BufferedImage image = ImageDecoder.read(file);
        assertEquals(24, image.getWidth());
        assertEquals(18, image.getHeight());
        assertEquals(3, ImageDecoder.rgbPlanes(image).length);

        Path root = tmp.resolve("shop");
        for (int i = 0; i < 3; i++) {
            Images.write(
                    root.resolve("cat/c" + i + ".png"),
                    Images.solid(14, 20, ImageFolderReaderTest.RED, i));
            Images.write(
                    root.resolve("dog/d" + i + ".jpg"),
                    Images.solid(16, 16, ImageFolderReaderTest.GREEN, i));
        }
        writeCmyk(root.resolve("dog/photoshop.jpg"), 32, 32);
        LoadedDataset d = ImageFolderReader.read(root, ImageFolderReaderTest.options(1));
        assertEquals(0, d.report().skipped().size(), () -> d.report().skipped().toString());
        assertEquals(7, d.report().imagesRead());
    }
}

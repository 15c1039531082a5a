package org.adabet.data.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small real JPEG and PNG files for the tests. */
final class Images {
    private Images() {}

    /**
     * A solid-colour RGB image with a faint gradient, so files differ while their colour is
     * unmistakable.
     */
    static BufferedImage solid(int width, int height, int rgb, int variant) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int shade = (x + y + variant) % 16;
                int r = Math.min(255, ((rgb >> 16) & 0xff) + shade);
                int g = Math.min(255, ((rgb >> 8) & 0xff) + shade);
                int b = Math.min(255, (rgb & 0xff) + shade);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /**
     * Writes the image in the format named by the file's extension (jpg, jpeg or png, any case).
     */
    static Path write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString().toLowerCase();
        String format = name.endsWith(".png") ? "png" : "jpg";
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }
}

package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Resampler} and {@link Preprocessing} with Pillow, from {@code
 * data-io/pillow_golden.txt} ({@code make_pillow_golden.py} beside it states the tolerances and how
 * it was made).
 */
class PillowGoldenTest {
    private record Case(String[] spec, float[] values) {}

    private static List<Case> cases() throws IOException {
        try (InputStream in =
                PillowGoldenTest.class.getResourceAsStream("/data-io/pillow_golden.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    lines.add(line);
                }
            }
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += 2) {
                String[] numbers = lines.get(i + 1).trim().split(" ");
                float[] values = new float[numbers.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = Float.parseFloat(numbers[k]);
                }
                cases.add(new Case(lines.get(i).split(" "), values));
            }
            return cases;
        }
    }

    @Test
    void bilinearResizeMatchesPillowOnFloatImages() throws IOException {
        int checked = 0;
        for (Case c : cases()) {
            if (!c.spec()[0].equals("resize")) {
                continue;
            }
            int w = Integer.parseInt(c.spec()[1]);
            int h = Integer.parseInt(c.spec()[2]);
            float[] src = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    src[y * w + x] = (float) (((x * 7 + y * 13) % 101) / 100.0);
                }
            }
            float[] out =
                    Resampler.resize(
                            src,
                            w,
                            h,
                            Integer.parseInt(c.spec()[3]),
                            Integer.parseInt(c.spec()[4]));
            assertClose(c.values(), out, 1e-5f, String.join(" ", c.spec()));
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void torchvisionPipelineMatchesPillowWithinOneGreyLevel() throws IOException {
        int checked = 0;
        for (Case c : cases()) {
            if (!c.spec()[0].equals("pipeline")) {
                continue;
            }
            int w = Integer.parseInt(c.spec()[1]);
            int h = Integer.parseInt(c.spec()[2]);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r = (3 * x + 5 * y) % 256;
                    int g = (x * y) % 256;
                    int b = (7 * x + 11 * y * y) % 256;
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            Preprocessing p =
                    new Preprocessing(
                            Integer.parseInt(c.spec()[3]),
                            Integer.parseInt(c.spec()[4]),
                            Normalization.NONE);
            assertClose(c.values(), p.apply(image), 1.5f / 255, String.join(" ", c.spec()));
            checked++;
        }
        assertEquals(2, checked);
    }

    private static void assertClose(
            float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + ": value " + i);
        }
    }
}

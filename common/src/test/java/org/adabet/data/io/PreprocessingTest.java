package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    @Test
    void imagenetDefaultsAreTorchvisions() {
        assertEquals(256, Preprocessing.IMAGENET.resizeTo());
        assertEquals(224, Preprocessing.IMAGENET.cropTo());
        assertEquals(List.of(0.485, 0.456, 0.406), Preprocessing.IMAGENET.normalization().mean());
        assertEquals(List.of(0.229, 0.224, 0.225), Preprocessing.IMAGENET.normalization().std());
        assertEquals(
                new Preprocessing(128, 112, Normalization.IMAGENET), Preprocessing.imagenet(112));
    }

    @Test
    void solidColourBecomesItsNormalisedValueEverywhereInChwOrder() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, (128 << 16) | (64 << 8) | 255);
            }
        }
        float[] out = Preprocessing.IMAGENET.apply(image);
        assertEquals(3 * 224 * 224, out.length);
        float[] expected = {
            (128 / 255f - 0.485f) / 0.229f, (64 / 255f - 0.456f) / 0.224f, (1 - 0.406f) / 0.225f
        };
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 224 * 224; i++) {
                assertEquals(expected[c], out[c * 224 * 224 + i], 1e-5f);
            }
        }
    }

    @Test
    void centreCropRoundsHalfOffsetsToEvenAsPython() {
        // 7x4 with shorter side already 4: no resampling; left offset (7 - 2) / 2 = 2.5 rounds to
        // 2.
        BufferedImage image = new BufferedImage(7, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, (x * 30 << 16) | (y * 60 << 8));
            }
        }
        float[] out = new Preprocessing(4, 2, Normalization.NONE).apply(image);
        assertArrayEquals(
                new float[] {60 / 255f, 90 / 255f, 60 / 255f, 90 / 255f},
                java.util.Arrays.copyOf(out, 4));
        assertArrayEquals(
                new float[] {60 / 255f, 60 / 255f, 120 / 255f, 120 / 255f},
                java.util.Arrays.copyOfRange(out, 4, 8));
    }

    @Test
    void greyImagesKeepTheirValuesInAllThreeChannels() {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        float[] out = new Preprocessing(4, 4, Normalization.NONE).apply(grey);
        for (float v : out) {
            assertEquals(100 / 255f, v, 1e-6f);
        }
    }

    @Test
    void rasterReadsAgreeWithGetRgbForEveryCommonImageType() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int type :
                new int[] {
                    BufferedImage.TYPE_3BYTE_BGR,
                    BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_INT_ARGB,
                    BufferedImage.TYPE_4BYTE_ABGR,
                    BufferedImage.TYPE_INT_BGR,
                    BufferedImage.TYPE_BYTE_INDEXED
                }) {
            BufferedImage image = new BufferedImage(7, 5, type);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    image.setRGB(x, y, 0xff000000 | random.nextInt(1 << 24));
                }
            }
            float[][] planes = ImageDecoder.rgbPlanes(image);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    int p = image.getRGB(x, y);
                    String where = "type " + type + " at " + x + "," + y;
                    assertEquals(((p >> 16) & 0xff) / 255f, planes[0][y * 7 + x], 1e-6f, where);
                    assertEquals(((p >> 8) & 0xff) / 255f, planes[1][y * 7 + x], 1e-6f, where);
                    assertEquals((p & 0xff) / 255f, planes[2][y * 7 + x], 1e-6f, where);
                }
            }
        }
    }

    @Test
    void aCropWindowEqualsTheSameWindowOfTheWholeResize() {
        float[] plane = new float[37 * 23];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (i * 7919 % 101) / 100f;
        }
        float[] whole = Resampler.resize(plane, 37, 23, 30, 19);
        float[] window = new Resampler(37, 23, 30, 19, 4, 11, 3, 9).apply(plane);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 11; x++) {
                assertEquals(whole[(3 + y) * 30 + 4 + x], window[y * 11 + x], 1e-6f);
            }
        }
        assertThrows(
                IllegalArgumentException.class, () -> new Resampler(37, 23, 30, 19, 25, 11, 3, 9));
    }

    @Test
    void antialiasedShrinkAveragesWithTheWidenedTriangle() {
        // Pillow's coefficients for 4 -> 2: output 0 centred at 1.0, support 2: weights .75, .75,
        // .25.
        float[] out = Resampler.resize(new float[] {0, 1, 2, 3}, 4, 1, 2, 1);
        assertEquals(1.25f / 1.75f, out[0], 1e-6f);
        assertEquals((1 * 0.25f + 2 * 0.75f + 3 * 0.75f) / 1.75f, out[1], 1e-6f);
    }

    @Test
    void enlargingInterpolatesLinearlyAwayFromTheBorder() {
        float[] ramp = {0, 1, 2, 3, 4, 5, 6, 7};
        float[] out = Resampler.resize(ramp, 8, 1, 16, 1);
        for (int i = 2; i < 14; i++) {
            assertEquals((i + 0.5f) / 2 - 0.5f, out[i], 1e-5f);
        }
        assertArrayEquals(ramp, Resampler.resize(ramp, 8, 1, 8, 1));
    }

    @Test
    void invalidSettingsNameTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Preprocessing(100, 224, Normalization.IMAGENET));
        assertTrue(
                e.getMessage().contains("resizeTo must be at least cropTo (224), was 100"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Normalization.of(0, 0, 0, 1, 0, 1));
        assertTrue(e.getMessage().contains("std must be positive"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Normalization(List.of(0.5), List.of(0.2)));
    }
}

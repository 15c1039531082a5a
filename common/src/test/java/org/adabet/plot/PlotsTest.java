package org.adabet.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every plot from fixed rows: deterministic bytes, labelled axes, the right size, a drawn front.
 */
class PlotsTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static List<MethodPoint> points() {
        return List.of(
                new MethodPoint("adabet", "rho=0.1", 61.0, 58.0, 63.5, 3_000_000),
                new MethodPoint("adabet", "rho=0.3", 70.0, 68.0, 71.0, 9_000_000),
                new MethodPoint("full", "-", 72.0, 71.0, 74.0, 40_000_000),
                new MethodPoint("last_layer", "-", 50.0, Double.NaN, Double.NaN, 400_000),
                new MethodPoint("random", "rho=0.3", 65.0, 60.0, 69.0, 12_000_000));
    }

    static LayerProfile profile() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("adabet", new double[] {0.1, 0.4, 0.2, 0.9, 0.3});
        scores.put("fisher", new double[] {5, 3, 8, 1, 2});
        scores.put("random", new double[] {1, 1, 1, 1, 1});
        return new LayerProfile(
                "convnet_s/corrupted",
                List.of("a", "b", "c", "d", "e"),
                scores,
                new double[] {1.5, 4.0, Double.NaN, 7.25, -0.5},
                Map.of("adabet", Set.of(3), "fisher", Set.of(2)),
                "rho=0.3");
    }

    static List<Figure> figures() {
        return List.of(
                AccuracyMemoryPlot.of("convnet_s/corrupted", points(), "min-max over seeds"),
                LayerProfilePlot.of(profile()),
                AgreementHeatmap.of(
                        List.of(
                                new AgreementCell("convnet_s/corrupted", "adabet", 0.4),
                                new AgreementCell("convnet_s/corrupted", "fisher", -0.7),
                                new AgreementCell("convnet_s/new_classes", "adabet", 0.9),
                                new AgreementCell("convnet_s/new_classes", "fisher", Double.NaN))),
                SelectionTimePlot.of(
                        List.of(
                                new SelectionTime("convnet_s/corrupted", "adabet", 812.5),
                                new SelectionTime("convnet_s/corrupted", "fisher", 95.0),
                                new SelectionTime("convnet_s/corrupted", "full", 0.0),
                                new SelectionTime("convnet_s/new_classes", "adabet", 790.0))));
    }

    @Test
    void theSameRowsGiveTheSameBytesInPngAndSvg() throws Exception {
        List<Figure> a = figures();
        List<Figure> b = figures();
        Path out = Path.of("target", "plots-test");
        Files.createDirectories(out);
        for (int i = 0; i < a.size(); i++) {
            byte[] png = a.get(i).png();
            assertArrayEquals(png, b.get(i).png(), a.get(i).name() + ".png");
            assertArrayEquals(a.get(i).svg(), b.get(i).svg(), a.get(i).name() + ".svg");
            // Kept for a look: target/plots-test/*.png.
            Files.write(out.resolve(a.get(i).name() + ".png"), png);
            Files.write(out.resolve(a.get(i).name() + ".svg"), a.get(i).svg());
        }
    }

    @Test
    void pngHasTheFiguresSizeAndIsNotBlank() throws Exception {
        for (Figure f : figures()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
            assertEquals(f.width(), img.getWidth(), f.name());
            assertEquals(f.height(), img.getHeight(), f.name());
            long nonWhite = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    nonWhite += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
                }
            }
            assertTrue(nonWhite > 1000, f.name() + ": only " + nonWhite + " sampled pixels drawn");
        }
    }

    @Test
    void axesAreLabelledWithUnits() {
        Map<String, List<String>> expected =
                Map.of(
                        "accuracy_memory-convnet_s_corrupted",
                                List.of(
                                        "peak training memory (MiB, log scale)",
                                        "test accuracy (%)"),
                        "layer_profile-convnet_s_corrupted",
                                List.of(
                                        "candidate layer index",
                                        "score, min-max normalised per method (unitless)",
                                        "gain (percentage points)"),
                        "agreement_heatmap",
                                List.of("pair (architecture/target)", "scoring method"),
                        "selection_time", List.of("selection method", "selection time (ms)"));
        for (Figure f : figures()) {
            String svg = new String(f.svg(), StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), f.name());
            List<String> titles = new java.util.ArrayList<>();
            for (var panel : f.panels()) {
                var axes = (org.knowm.xchart.internal.chartpart.AxesChart<?, ?>) panel;
                titles.add(axes.getXAxisTitle());
                titles.add(axes.getYAxisTitle());
            }
            for (String label : expected.get(f.name())) {
                assertTrue(
                        titles.stream().anyMatch(t -> t.startsWith(label)),
                        f.name() + " lacks axis label '" + label + "': " + titles);
            }
        }
    }

    @Test
    void memoryIsOnALogAxisOnlyWhenItSpansMoreThanADecade() {
        assertTrue(AccuracyMemoryPlot.logScale(points()));
        assertEquals(
                false,
                AccuracyMemoryPlot.logScale(
                        List.of(
                                new MethodPoint("a", "-", 1, Double.NaN, Double.NaN, 100),
                                new MethodPoint("b", "-", 2, Double.NaN, Double.NaN, 900))));
    }

    @Test
    void theParetoFrontKeepsOnlyUnbeatenPoints() {
        List<MethodPoint> front = Pareto.front(points());
        assertEquals(
                List.of("last_layer -", "adabet rho=0.1", "adabet rho=0.3", "full -"),
                front.stream().map(p -> p.method() + " " + p.budget()).toList());
    }

    @Test
    void normalisationMapsEachProfileOntoZeroToOne() {
        assertArrayEquals(
                new double[] {0.5, 0.0, 1.0},
                LayerProfilePlot.normalised(new double[] {2, 1, 3}),
                1e-12);
        assertArrayEquals(
                new double[] {0.5, 0.5}, LayerProfilePlot.normalised(new double[] {4, 4}), 0);
    }

    @Test
    void badRowsAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new MethodPoint("full", "-", 50, Double.NaN, Double.NaN, 0));
        assertEquals("peak memory of full - must be > 0, was 0", e.getMessage());
        Supplier<LayerProfile> wrong =
                () ->
                        new LayerProfile(
                                "p",
                                List.of("a", "b"),
                                Map.of("adabet", new double[] {1}),
                                null,
                                Map.of(),
                                "rho=0.1");
        e = assertThrows(IllegalArgumentException.class, wrong::get);
        assertEquals("pair p: method adabet scores 1 layers, the pair has 2", e.getMessage());
    }
}

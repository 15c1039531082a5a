package org.adabet.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Colours, markers and fonts shared by the plots: fixed, so a method keeps its colour from one plot
 * (and one run) to the next. Fonts are Java's logical "SansSerif", which the JDK maps through
 * fontconfig (DejaVu Sans on Debian with {@code fonts-dejavu-core}).
 */
final class Palette {
    private Palette() {}

    /** Okabe-Ito colours (distinguishable with colour blindness), then a few darker ones. */
    private static final List<Color> COLORS =
            List.of(
                    new Color(0, 114, 178),
                    new Color(213, 94, 0),
                    new Color(0, 158, 115),
                    new Color(204, 121, 167),
                    new Color(230, 159, 0),
                    new Color(86, 180, 233),
                    new Color(0, 0, 0),
                    new Color(240, 228, 66),
                    new Color(120, 60, 20),
                    new Color(90, 90, 160),
                    new Color(60, 120, 60),
                    new Color(150, 40, 60),
                    new Color(120, 120, 120));

    private static final List<Marker> MARKERS =
            List.of(
                    SeriesMarkers.CIRCLE,
                    SeriesMarkers.SQUARE,
                    SeriesMarkers.DIAMOND,
                    SeriesMarkers.TRIANGLE_UP,
                    SeriesMarkers.TRIANGLE_DOWN);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The i-th colour, cycling. */
    static Color color(int i) {
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    /** The i-th marker shape, cycling. */
    static Marker marker(int i) {
        return MARKERS.get(Math.floorMod(i, MARKERS.size()));
    }

    /** White backgrounds and the fonts above on any chart's styler. */
    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setChartTitleFont(TITLE);
        s.setLegendFont(LEGEND);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
    }
}

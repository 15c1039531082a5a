package org.adabet.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Host selection time per method, one bar per pair: what the method's statistics cost (AdaBet: its
 * forward passes and persistence; gradient methods: one forward and one backward pass; fixed rules:
 * nothing).
 */
public final class SelectionTimePlot {
    private SelectionTimePlot() {}

    public static Figure of(List<SelectionTime> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no selection times to plot");
        }
        List<String> pairs = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (SelectionTime t : times) {
            if (!pairs.contains(t.pair())) {
                pairs.add(t.pair());
            }
            if (!methods.contains(t.method())) {
                methods.add(t.method());
            }
        }
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(Math.max(900, 120 + 70 * methods.size()))
                        .height(520)
                        .title("Selection time per method (host wall time)")
                        .xAxisTitle("selection method")
                        .yAxisTitle("selection time (ms)")
                        .build();
        Palette.style(chart.getStyler());
        chart.getStyler().setAxisTitleFont(Palette.AXIS_TITLE);
        chart.getStyler().setAxisTickLabelsFont(Palette.TICKS);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        java.awt.Color[] colours = new java.awt.Color[pairs.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = Palette.color(i);
        }
        chart.getStyler().setSeriesColors(colours);
        for (String pair : pairs) {
            List<Double> ms = new ArrayList<>();
            for (String m : methods) {
                ms.add(
                        times.stream()
                                .filter(t -> t.pair().equals(pair) && t.method().equals(m))
                                .map(SelectionTime::millis)
                                .findFirst()
                                .orElse(null));
            }
            chart.addSeries(pair, methods, ms);
        }
        return new Figure("selection_time", "Selection time per method", List.of(chart));
    }
}

package org.adabet.plot;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per pair: test accuracy (epoch chosen on validation) against peak training memory, one marker per
 * method and budget (colour = method, shape = budget, in the order budgets first appear), a
 * vertical bar for each point's interval, and the Pareto front as a dashed step line. Memory is on
 * a log axis when it spans more than a decade (full fine-tuning and a bias-only run often differ by
 * orders of magnitude).
 */
public final class AccuracyMemoryPlot {
    private AccuracyMemoryPlot() {}

    /**
     * A log memory axis when the memories span more than a decade; within one, XChart's log axis
     * would show no tick label at all.
     */
    static boolean logScale(List<MethodPoint> points) {
        long min = points.stream().mapToLong(MethodPoint::peakBytes).min().orElse(1);
        long max = points.stream().mapToLong(MethodPoint::peakBytes).max().orElse(1);
        return max > 10 * min;
    }

    /**
     * @param pair the pair, {@code <architecture>/<target>}
     * @param points one per method and budget, in the order the legend lists them
     * @param intervalLabel what the bars are, e.g. "95% CI over seeds" (shown under the title)
     */
    public static Figure of(String pair, List<MethodPoint> points, String intervalLabel) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no successful runs to plot for pair " + pair);
        }
        boolean bars = points.stream().anyMatch(MethodPoint::hasInterval);
        XYChart chart =
                new XYChartBuilder()
                        .width(1100)
                        .height(620)
                        .title(
                                "Accuracy vs peak training memory: "
                                        + pair
                                        + (bars ? " (bars: " + intervalLabel + ")" : ""))
                        .xAxisTitle(
                                "peak training memory (MiB"
                                        + (logScale(points) ? ", log scale)" : ")"))
                        .yAxisTitle("test accuracy (%)")
                        .build();
        Palette.style(chart.getStyler());
        chart.getStyler().setAxisTitleFont(Palette.AXIS_TITLE);
        chart.getStyler().setAxisTickLabelsFont(Palette.TICKS);
        chart.getStyler().setXAxisLogarithmic(logScale(points));
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        // Accuracy lives in [0, 100]: a t interval over two or three seeds can reach past either
        // end, and its bar is cut at the plot's edge rather than stretching the axis beyond it.
        if (points.stream().anyMatch(p -> p.hasInterval() && p.low() < 0)) {
            chart.getStyler().setYAxisMin(0.0);
        }
        if (points.stream().anyMatch(p -> p.hasInterval() && p.high() > 100)) {
            chart.getStyler().setYAxisMax(100.0);
        }

        Map<String, Integer> methods = new LinkedHashMap<>();
        Map<String, Integer> budgets = new LinkedHashMap<>();
        for (MethodPoint p : points) {
            methods.putIfAbsent(p.method(), methods.size());
            budgets.putIfAbsent(p.budget(), budgets.size());
        }
        List<MethodPoint> front = Pareto.front(points);
        double[] fx = new double[front.size() * 2 - 1];
        double[] fy = new double[fx.length];
        for (int i = 0; i < front.size(); i++) {
            // A step: memory grows first, then accuracy, so the line never cuts under a point.
            fx[2 * i] = front.get(i).peakMiB();
            fy[2 * i] = front.get(i).accuracy();
            if (i + 1 < front.size()) {
                fx[2 * i + 1] = front.get(i + 1).peakMiB();
                fy[2 * i + 1] = front.get(i).accuracy();
            }
        }
        XYSeries frontSeries = chart.addSeries("Pareto front", fx, fy);
        frontSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        frontSeries.setMarker(SeriesMarkers.NONE);
        frontSeries.setLineColor(java.awt.Color.GRAY);
        frontSeries.setLineStyle(
                new BasicStroke(
                        1.5f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {6f, 4f},
                        0f));

        List<String> names = new ArrayList<>();
        for (MethodPoint p : points) {
            String name = p.method() + " " + p.budget();
            if (names.contains(name)) {
                throw new IllegalArgumentException("pair " + pair + " has two points for " + name);
            }
            names.add(name);
            int colour = methods.get(p.method());
            XYSeries s =
                    chart.addSeries(name, new double[] {p.peakMiB()}, new double[] {p.accuracy()});
            s.setMarker(Palette.marker(budgets.get(p.budget())));
            s.setMarkerColor(Palette.color(colour));
            if (p.hasInterval()) {
                XYSeries bar =
                        chart.addSeries(
                                name + " interval",
                                new double[] {p.peakMiB(), p.peakMiB()},
                                new double[] {p.low(), p.high()});
                bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(Palette.color(colour));
                bar.setLineStyle(new BasicStroke(1.5f));
                bar.setShowInLegend(false);
            }
        }
        return new Figure(
                "accuracy_memory-" + FileNames.safe(pair),
                "Accuracy vs peak training memory, " + pair,
                List.of(chart));
    }
}

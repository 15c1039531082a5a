package org.adabet.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per pair: the score profile of every scoring method over the candidate layers (top panel) and the
 * oracle's accuracy gain per layer (bottom panel), with the layers each method selected marked by
 * large filled markers. Scores of different methods live on unrelated scales (beta1 counts, Fisher
 * information, gradient ratios), so each method's profile is min-max normalised to [0, 1]: the
 * shapes, and so the rankings, stay comparable.
 */
public final class LayerProfilePlot {
    private LayerProfilePlot() {}

    public static Figure of(LayerProfile p) {
        if (p.scores().isEmpty()) {
            throw new IllegalArgumentException("pair " + p.pair() + " has no layer scores to plot");
        }
        int n = p.layers().size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        XYChart scores =
                new XYChartBuilder()
                        .width(1100)
                        .height(480)
                        .title(
                                "Layer score profiles: "
                                        + p.pair()
                                        + " (markers: layers selected at "
                                        + p.selectedBudget()
                                        + ")")
                        .xAxisTitle("candidate layer index (0 = nearest the input)")
                        .yAxisTitle("score, min-max normalised per method (unitless)")
                        .build();
        Palette.style(scores.getStyler());
        scores.getStyler().setAxisTitleFont(Palette.AXIS_TITLE);
        scores.getStyler().setAxisTickLabelsFont(Palette.TICKS);
        scores.getStyler().setMarkerSize(11);
        scores.getStyler().setYAxisMin(-0.05);
        scores.getStyler().setYAxisMax(1.05);
        scores.getStyler().setXAxisDecimalPattern("0");
        int colour = 0;
        for (Map.Entry<String, double[]> e : p.scores().entrySet()) {
            double[] y = normalised(e.getValue());
            XYSeries line = scores.addSeries(e.getKey(), x, y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(Palette.color(colour));
            line.setMarkerColor(Palette.color(colour));
            // Only the selected layers carry markers, so they stand out.
            line.setMarker(SeriesMarkers.NONE);
            Set<Integer> chosen = p.selected().getOrDefault(e.getKey(), Set.of());
            List<Integer> idx = chosen.stream().filter(i -> i >= 0 && i < n).sorted().toList();
            if (!idx.isEmpty()) {
                double[] sx = new double[idx.size()];
                double[] sy = new double[idx.size()];
                for (int k = 0; k < idx.size(); k++) {
                    sx[k] = idx.get(k);
                    sy[k] = y[idx.get(k)];
                }
                XYSeries marks = scores.addSeries(e.getKey() + " selected", sx, sy);
                marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                marks.setMarker(SeriesMarkers.DIAMOND);
                marks.setMarkerColor(Palette.color(colour));
                marks.setShowInLegend(false);
            }
            colour++;
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        panels.add(scores);
        if (p.hasOracle()) {
            CategoryChart gain =
                    new CategoryChartBuilder()
                            .width(1100)
                            .height(300)
                            .title("Oracle: accuracy gain of retraining each layer alone")
                            .xAxisTitle("candidate layer index")
                            .yAxisTitle("gain (percentage points)")
                            .build();
            Palette.style(gain.getStyler());
            gain.getStyler().setAxisTitleFont(Palette.AXIS_TITLE);
            gain.getStyler().setAxisTickLabelsFont(Palette.TICKS);
            gain.getStyler()
                    .setSeriesColors(new java.awt.Color[] {new java.awt.Color(120, 120, 120)});
            List<Integer> idx = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                idx.add(i);
                // A failed oracle run has no gain: drawn as 0 would claim one, so it is left out.
                values.add(Double.isFinite(p.oracleGain()[i]) ? p.oracleGain()[i] : null);
            }
            gain.addSeries("oracle gain", idx, values);
            gain.getStyler().setAvailableSpaceFill(0.6);
            panels.add(gain);
        }
        return new Figure(
                "layer_profile-" + FileNames.safe(p.pair()),
                "Layer score profiles and oracle gains, " + p.pair(),
                panels);
    }

    /** (s - min) / (max - min); all 0.5 when the method gives every layer the same score. */
    static double[] normalised(double[] s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                out[i] = Double.NaN;
            } else {
                out[i] = max > min ? (s[i] - min) / (max - min) : 0.5;
            }
        }
        return out;
    }
}

package org.adabet.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Rank agreement between each scoring method (rows) and the oracle on each pair (columns): the
 * Spearman correlation of the method's layer scores with the oracle's per-layer gains, on a
 * diverging scale from -1 (blue, opposite ranking) through 0 (white) to +1 (red, the same). A cell
 * whose correlation is undefined (constant scores) is left empty.
 */
public final class AgreementHeatmap {
    private AgreementHeatmap() {}

    public static Figure of(List<AgreementCell> cells) {
        List<String> pairs = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (AgreementCell c : cells) {
            if (!pairs.contains(c.pair())) {
                pairs.add(c.pair());
            }
            if (!methods.contains(c.method())) {
                methods.add(c.method());
            }
        }
        List<Number[]> heat = new ArrayList<>();
        for (AgreementCell c : cells) {
            if (Double.isFinite(c.spearman())) {
                heat.add(
                        new Number[] {
                            pairs.indexOf(c.pair()), methods.indexOf(c.method()), c.spearman()
                        });
            }
        }
        if (heat.isEmpty()) {
            throw new IllegalArgumentException(
                    "no defined rank correlation to plot (" + cells.size() + " cells)");
        }
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(Math.max(700, 260 + 170 * pairs.size()))
                        .height(Math.max(360, 160 + 34 * methods.size()))
                        .title("Rank agreement with the oracle (Spearman rho)")
                        .xAxisTitle("pair (architecture/target)")
                        .yAxisTitle("scoring method")
                        .build();
        Palette.style(chart.getStyler());
        chart.getStyler().setAxisTitleFont(Palette.AXIS_TITLE);
        chart.getStyler().setAxisTickLabelsFont(Palette.TICKS);
        chart.getStyler().setMin(-1);
        chart.getStyler().setMax(1);
        chart.getStyler()
                .setRangeColors(
                        new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setValueFont(Palette.TICKS);
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.addSeries("Spearman rho (unitless, -1 to 1)", pairs, methods, heat);
        return new Figure("agreement_heatmap", "Rank agreement with the oracle", List.of(chart));
    }
}

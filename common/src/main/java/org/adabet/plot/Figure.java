package org.adabet.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One plot: a file name (without extension) and one or more XChart panels stacked top to bottom,
 * all of the same width. Rendered to PNG by the JDK's ImageIO and to SVG by VectorGraphics2D;
 * neither writes a time stamp, so the bytes depend on the charts (and the fonts installed) only.
 *
 * @param name file name without extension, e.g. {@code accuracy_memory-convnet_s_corrupted}
 * @param title what the plot shows, for the report's caption
 * @param panels the charts, top to bottom; each is drawn at its own width and height
 */
public record Figure(String name, String title, List<Chart<?, ?>> panels) {
    public Figure {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "figure name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("figure '" + name + "' has no panels");
        }
        panels = List.copyOf(panels);
    }

    /** Width in pixels (the widest panel). */
    public int width() {
        return panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
    }

    /** Height in pixels (the panels' heights added). */
    public int height() {
        return panels.stream().mapToInt(Chart::getHeight).sum();
    }

    /** The figure as PNG (8-bit RGB, antialiased). */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure '" + name + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /** The figure as SVG (UTF-8 text: shapes as paths, labels as SVG text). */
    public byte[] svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        Document doc =
                new SVGProcessor()
                        .getDocument(g.getCommands(), new PageSize(0, 0, width(), height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure '" + name + "' as SVG", e);
        }
        return out.toByteArray();
    }

    private void paint(Graphics2D g) {
        AffineTransform origin = g.getTransform();
        int y = 0;
        for (Chart<?, ?> panel : panels) {
            g.setTransform(origin);
            g.translate(0, y);
            panel.paint(g, panel.getWidth(), panel.getHeight());
            y += panel.getHeight();
        }
        g.setTransform(origin);
    }
}

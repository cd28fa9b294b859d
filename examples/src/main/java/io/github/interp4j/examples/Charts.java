package io.github.interp4j.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;

/**
 * The charts' common parts (jfreechart): headless rendering, one light theme, PNG output, and a
 * perceptually ordered colour scale for heatmaps. Used by {@code demo} (its result chart) and
 * {@code gallery}.
 */
final class Charts {
    /** Width of every chart, pixels. */
    static final int WIDTH = 600;
    /** Height of every chart, pixels. */
    static final int HEIGHT = 400;

    private static final Color GRID = new Color(0xDDDDDD);

    private Charts() {}

    /**
     * Switches AWT to headless before any AWT class starts (charts render into images; no display is
     * needed, and a container has none).
     */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Styles and writes a chart as a {@link #WIDTH} x {@link #HEIGHT} PNG, creating the directory.
     *
     * @param chart the chart
     * @param file  the PNG file
     * @throws IOException if it cannot be written
     */
    static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot) {
            ((XYPlot) plot).setDomainGridlinePaint(GRID);
            ((XYPlot) plot).setRangeGridlinePaint(GRID);
        } else if (plot instanceof CategoryPlot) {
            ((CategoryPlot) plot).setRangeGridlinePaint(GRID);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A line stroke of the given width. */
    static BasicStroke stroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Viridis-like colour scale over {@code [lo, hi]} (linear interpolation between five anchor colours),
     * in {@link #LEVELS} bands (contour-like, and small PNGs); NaN paints grey.
     */
    static final class Viridis implements PaintScale {
        private static final int[] ANCHORS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};
        static final int LEVELS = 40;
        private final double lo;
        private final double hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi > lo ? hi : lo + 1;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return Color.LIGHT_GRAY;
            }
            double u = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            double t = Math.min(Math.floor(u * LEVELS), LEVELS - 1) / (LEVELS - 1) * (ANCHORS.length - 1);
            int i = Math.min((int) t, ANCHORS.length - 2);
            double f = t - i;
            return new Color(mix(ANCHORS[i] >> 16, ANCHORS[i + 1] >> 16, f),
                    mix(ANCHORS[i] >> 8, ANCHORS[i + 1] >> 8, f), mix(ANCHORS[i], ANCHORS[i + 1], f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        }
    }
}

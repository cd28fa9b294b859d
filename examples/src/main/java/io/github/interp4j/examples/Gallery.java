package io.github.interp4j.examples;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.CloughTocher2DInterpolator;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.Interpolant1D;
import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.NaturalNeighborInterpolator;
import io.github.interp4j.interpolate.NearestNDInterpolator;
import io.github.interp4j.interpolate.PchipInterpolator;
import io.github.interp4j.interpolate.RBFInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code gallery --out DIR}: one PNG per interpolation method, every method of a family on the same data,
 * so their shapes can be compared: the 1-D methods on one step-like data set (where overshoot shows),
 * plus an overlay of all of them; the 2-D methods as heatmaps of one function sampled on one
 * rectilinear grid (the grid methods read it as a grid, the scattered methods as its nodes).
 */
final class Gallery {
    /** The 1-D data: flat, a rise, a peak, flat (overshoot and monotonicity show). */
    static final double[] X1 = {0, 1, 2, 3, 4, 4.5, 6, 7, 8, 9, 10};
    static final double[] Y1 = {0, 0, 0.1, 0.4, 2.0, 2.1, 2.1, 1.0, 0.2, 0.3, 0.3};
    /** The 2-D grid axes (uneven spacing) on the unit square. */
    static final double[] GX = {0, 0.1, 0.25, 0.4, 0.5, 0.65, 0.85, 1};
    static final double[] GY = {0, 0.15, 0.3, 0.5, 0.7, 0.8, 1};
    /** Heatmap raster. */
    private static final int NX = 120;
    private static final int NY = 80;
    private static final int CURVE_POINTS = 801;

    private Gallery() {}

    /** The 2-D test function: a wave plus a bump. */
    static double surface(double x, double y) {
        return Math.sin(3 * x) * Math.cos(2.5 * y) + 0.8 * Math.exp(-((x - 0.65) * (x - 0.65) + (y - 0.4) * (y - 0.4)) / 0.02);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                dir = Paths.get(args[++i]);
            } else {
                err.println("unknown option for gallery: " + args[i]);
                return 2;
            }
        }
        if (dir == null) {
            err.println("gallery needs --out DIR");
            return 2;
        }
        Charts.headless();
        try {
            List<Path> written = write(dir);
            for (Path p : written) {
                out.println("wrote " + p);
            }
            return 0;
        } catch (IOException e) {
            err.println("gallery: cannot write into " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    /** The 1-D methods, in display order: file stem and label to fit. */
    static Map<String, Supplier<Interpolant1D>> methods1d() {
        Map<String, Supplier<Interpolant1D>> m = new LinkedHashMap<>();
        m.put("1d-linear|Interp1d linear", () -> new Interp1d(X1, Y1, Interp1d.Kind.LINEAR));
        m.put("1d-cubic|CubicSpline (not-a-knot)", () -> new CubicSpline(X1, Y1));
        m.put("1d-pchip|PchipInterpolator", () -> new PchipInterpolator(X1, Y1));
        m.put("1d-akima|Akima1DInterpolator (akima)", () -> new Akima1DInterpolator(X1, Y1));
        m.put("1d-makima|Akima1DInterpolator (makima)",
                () -> new Akima1DInterpolator(X1, Y1, Akima1DInterpolator.Method.MAKIMA));
        m.put("1d-bspline|BSpline.makeInterpSpline (k = 5)", () -> BSpline.makeInterpSpline(X1, Y1, 5));
        return m;
    }

    /** The 2-D methods: file stem and label to fit, all on the grid {@link #GX} x {@link #GY}. */
    static Map<String, Supplier<InterpolantND>> methods2d() {
        double[] values = new double[GX.length * GY.length];
        double[][] nodes = new double[values.length][];
        for (int i = 0; i < GX.length; i++) {
            for (int j = 0; j < GY.length; j++) {
                values[i * GY.length + j] = surface(GX[i], GY[j]);
                nodes[i * GY.length + j] = new double[] {GX[i], GY[j]};
            }
        }
        Map<String, Supplier<InterpolantND>> m = new LinkedHashMap<>();
        for (RegularGridInterpolator.Method method : RegularGridInterpolator.Method.values()) {
            m.put("2d-grid-" + method.scipyName() + "|RegularGridInterpolator " + method.scipyName(),
                    () -> new RegularGridInterpolator(new double[][] {GX, GY}, values, method));
        }
        m.put("2d-linearnd|LinearNDInterpolator", () -> new LinearNDInterpolator(nodes, values));
        m.put("2d-clough-tocher|CloughTocher2DInterpolator", () -> new CloughTocher2DInterpolator(nodes, values));
        m.put("2d-natural-neighbor|NaturalNeighborInterpolator (Sibson)",
                () -> new NaturalNeighborInterpolator(nodes, values));
        m.put("2d-nearestnd|NearestNDInterpolator", () -> new NearestNDInterpolator(nodes, values));
        m.put("2d-rbf|RBFInterpolator (thin-plate spline)", () -> new RBFInterpolator(nodes, values));
        return m;
    }

    /**
     * Writes every plot into {@code dir}.
     *
     * @param dir the directory (created)
     * @return the files written, in order
     * @throws IOException if a file cannot be written
     */
    static List<Path> write(Path dir) throws IOException {
        Charts.headless();
        List<Path> written = new ArrayList<>();
        double[] t = new double[CURVE_POINTS];
        for (int i = 0; i < t.length; i++) {
            t[i] = X1[0] + (X1[X1.length - 1] - X1[0]) * i / (t.length - 1);
        }
        XYSeriesCollection all = new XYSeriesCollection();
        for (Map.Entry<String, Supplier<Interpolant1D>> e : methods1d().entrySet()) {
            String[] stemLabel = e.getKey().split("\\|");
            double[] v = new double[t.length];
            e.getValue().get().values(t, v);
            XYSeries curve = series(stemLabel[1], t, v);
            all.addSeries(series(stemLabel[1], t, v));
            XYSeriesCollection one = new XYSeriesCollection(curve);
            one.addSeries(series("data", X1, Y1));
            written.add(save1d(one, stemLabel[1], dir.resolve(stemLabel[0] + ".png"), 1));
        }
        all.addSeries(series("data", X1, Y1));
        written.add(save1d(all, "1-D methods on the same data", dir.resolve("1d-all.png"), all.getSeriesCount() - 1));

        double[] query = new double[NX * NY * 2];
        double[][] xyz = new double[3][NX * NY];
        for (int a = 0; a < NX; a++) {
            for (int b = 0; b < NY; b++) {
                int k = a * NY + b;
                double x = (a + 0.5) / NX;
                double y = (b + 0.5) / NY;
                query[2 * k] = x;
                query[2 * k + 1] = y;
                xyz[0][k] = x;
                xyz[1][k] = y;
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < NX * NY; k++) {
            double s = surface(query[2 * k], query[2 * k + 1]);
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        // one colour scale for every heatmap (values beyond it, e.g. overshoot, saturate)
        double[] truth = new double[NX * NY];
        for (int k = 0; k < truth.length; k++) {
            truth[k] = surface(query[2 * k], query[2 * k + 1]);
        }
        written.add(saveHeatmap(new double[][] {xyz[0], xyz[1], truth}, "The function (dots: the data all 2-D methods get)",
                lo, hi, dir.resolve("2d-function.png")));
        for (Map.Entry<String, Supplier<InterpolantND>> e : methods2d().entrySet()) {
            String[] stemLabel = e.getKey().split("\\|");
            double[] v = e.getValue().get().values(query);
            double[][] data = {xyz[0], xyz[1], v};
            written.add(saveHeatmap(data, stemLabel[1], lo, hi, dir.resolve(stemLabel[0] + ".png")));
        }
        return written;
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    /** Curves (series before {@code dataSeries}) as lines, the last series as data markers. */
    private static Path save1d(XYSeriesCollection ds, String title, Path file, int dataSeries) throws IOException {
        NumberAxis xAxis = new NumberAxis("x");
        NumberAxis yAxis = new NumberAxis("y");
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] palette = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B)};
        for (int s = 0; s < dataSeries; s++) {
            r.setSeriesPaint(s, palette[s % palette.length]);
            r.setSeriesStroke(s, Charts.stroke(2f));
        }
        r.setSeriesLinesVisible(dataSeries, false);
        r.setSeriesShapesVisible(dataSeries, true);
        r.setSeriesShape(dataSeries, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(dataSeries, Color.BLACK);
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.save(chart, file);
        return file;
    }

    private static Path saveHeatmap(double[][] data, String title, double lo, double hi, Path file) throws IOException {
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("f", data);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(1.0 / NX);
        r.setBlockHeight(1.0 / NY);
        r.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        Charts.Viridis scale = new Charts.Viridis(lo, hi);
        r.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis("x");
        NumberAxis yAxis = new NumberAxis("y");
        xAxis.setRange(0, 1);
        yAxis.setRange(0, 1);
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, r);
        // the data: the grid nodes
        XYSeries nodes = new XYSeries("data", false, true);
        for (double x : GX) {
            for (double y : GY) {
                nodes.add(x, y);
            }
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dots.setSeriesPaint(0, Color.WHITE);
        plot.setDataset(1, new XYSeriesCollection(nodes));
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        NumberAxis legendAxis = new NumberAxis();
        legendAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        Charts.save(chart, file);
        return file;
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d 1-D methods on %d points, %d 2-D methods on a %dx%d grid",
                methods1d().size(), X1.length, methods2d().size(), GX.length, GY.length);
    }
}

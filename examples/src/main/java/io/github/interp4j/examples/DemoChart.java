package io.github.interp4j.examples;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** The demo's results as a bar chart: seconds per variant, here and inside the 1-CPU quota. */
final class DemoChart {
    private DemoChart() {}

    /**
     * Writes the chart. A run over the cap is drawn at the cap (and said so in the subtitle); a failed
     * run has no bar.
     *
     * @param file     the PNG file
     * @param variants the rows of the table
     * @param here     outcomes on this machine
     * @param quoted   outcomes inside the quota, or null
     * @param cap      the cap, seconds
     * @param workload the workload's description
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, List<Demo.Variant> variants, List<Demo.Outcome> here, List<Demo.Outcome> quoted,
                      double cap, String workload) throws IOException {
        Charts.headless();
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        Map<String, String> labels = new HashMap<>();
        boolean capped = false;
        for (int i = 0; i < variants.size(); i++) {
            capped |= add(ds, labels, here.get(i), "here", variants.get(i).label, cap);
            if (quoted != null) {
                capped |= add(ds, labels, quoted.get(i), "inside a 1-CPU quota", variants.get(i).label, cap);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("interp4j demo: seconds per run (lower is better)", null,
                "seconds", ds, PlotOrientation.HORIZONTAL, true, false, false);
        chart.addSubtitle(new TextTitle(workload + (capped
                ? String.format(Locale.ROOT, "; a bar at %.0f s hit the cap", cap) : ""),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(CategoryDataset data, int row, int column) {
                return labels.get(data.getRowKey(row) + "|" + data.getColumnKey(column));
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        plot.getRangeAxis().setUpperMargin(0.3);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x1F77B4));
        r.setSeriesPaint(1, new Color(0xFF7F0E));
        Charts.save(chart, file);
    }

    private static boolean add(DefaultCategoryDataset ds, Map<String, String> labels, Demo.Outcome o, String series,
                               String variant, double cap) {
        labels.put(series + "|" + variant, o.cell(cap).startsWith("failed") ? "failed" : o.cell(cap));
        if (o.seconds != null) {
            ds.addValue(o.seconds, series, variant);
            return false;
        }
        boolean overCap = o.note == null;
        ds.addValue(overCap ? Double.valueOf(cap) : null, series, variant);
        return overCap;
    }
}

package io.github.interp4j.examples;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small demo run (no cgroup): three child JVMs, a row each, the automatic one timed; progress and chart. */
class DemoTest {

    @Test
    void smallDemoPrintsTheBudgetAndARowPerVariant(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path chart = dir.resolve("demo.png");
        int code = Main.run(new String[] {"demo", "--no-quota", "--points", "200", "--fits", "1", "--queries", "500",
                "--cap-seconds", "20", "--chart", chart.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + err);
        assertTrue(text.contains("CPU budget detected here: "), text);
        assertTrue(Pattern.compile("interp4j automatic budget\\s+[0-9.]+ s").matcher(text).find(), text);
        assertTrue(Pattern.compile("unmanaged \\(OpenBLAS default\\)\\s+([0-9.]+ s|> 20 s cap)").matcher(text).find(),
                text);
        assertTrue(Pattern.compile("16 BLAS threads\\s+([0-9.]+ s|> 20 s cap)").matcher(text).find(), text);
        assertTrue(text.contains("skipped the 1-CPU quota runs (--no-quota)"), text);
        // progress on stderr: each cell as it starts and as it ends, with the elapsed time
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("\\[1/3\\] here, interp4j automatic budget: running \\(elapsed [0-9.]+ s\\)")
                .matcher(progress).find(), progress);
        assertTrue(Pattern.compile("\\[3/3\\] here, 16 BLAS threads: ([0-9.]+ s|> 20 s cap) \\(elapsed [0-9.]+ s\\)")
                .matcher(progress).find(), progress);
        // the chart beside the table
        assertTrue(text.contains("chart: " + chart.toAbsolutePath()), text);
        BufferedImage img = ImageIO.read(chart.toFile());
        assertNotNull(img, "the chart is a readable PNG");
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
    }

    @Test
    void childRunsReportTheirConfiguration() {
        Demo.Outcome o = Demo.runChild(Demo.VARIANTS.get(0), java.util.List.of("--points", "100", "--fits", "1",
                "--queries", "100"), null, 20);
        assertTrue(o.seconds != null, "the automatic run failed: " + o.note);
    }
}

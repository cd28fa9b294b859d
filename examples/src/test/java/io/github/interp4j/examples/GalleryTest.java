package io.github.interp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gallery --out DIR} writes one readable 600x400 PNG per method (plus the overlay and the function). */
class GalleryTest {

    @Test
    void writesAValidPngPerMethod(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"gallery", "--out", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Set<String> expected = new HashSet<>();
        for (String key : Gallery.methods1d().keySet()) {
            expected.add(key.split("\\|")[0] + ".png");
        }
        for (String key : Gallery.methods2d().keySet()) {
            expected.add(key.split("\\|")[0] + ".png");
        }
        expected.add("1d-all.png");
        expected.add("2d-function.png");
        assertTrue(expected.size() >= 6 + 6 + 5 + 2, "every family is drawn: " + expected);
        Set<String> found = new HashSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(p -> found.add(p.getFileName().toString()));
        }
        assertEquals(expected, found);
        for (String name : expected) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertNotNull(img, name + " is not a readable image");
            assertEquals(Charts.WIDTH, img.getWidth(), name);
            assertEquals(Charts.HEIGHT, img.getHeight(), name);
            assertTrue(distinctColours(img) > 8, name + " is (nearly) blank");
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("wrote "), "names the files it wrote");
    }

    @Test
    void refusesToRunWithoutAnOutputDirectory() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"gallery"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out"));
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

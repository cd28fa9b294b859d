package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index lists every family; every 1-D fixture parses, carries its provenance, and has consistent
 * lengths (the N-D families' fixtures are checked by their agreement tests, which size every array).
 */
class ScipyFixtureLoaderTest {
    /** The families whose fixtures share the 1-D keys (query, value, selfdiff_rel, max_abs_y, oor). */
    static final List<String> ONE_D = List.of("cubic_spline", "pchip", "akima", "hermite", "ppoly",
            "make_interp_spline", "bspline", "interp1d");

    static Stream<ScipyFixture> all() {
        return ScipyFixture.index().stream().filter(p -> ONE_D.contains(p.substring(0, p.indexOf('/'))))
                .map(ScipyFixture::load);
    }

    @Test
    void indexCoversEveryFamily() {
        List<String> index = ScipyFixture.index();
        for (String family : ONE_D) {
            assertTrue(index.stream().anyMatch(p -> p.startsWith(family + "/")), family);
        }
        for (String family : new String[] {"rbf", "regular_grid"}) {
            assertTrue(index.stream().anyMatch(p -> p.startsWith(family + "/")), family);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void parsesWithProvenance(ScipyFixture f) {
        for (String key : new String[] {"scipy", "numpy", "date", "seed", "call"}) {
            assertTrue(f.header().containsKey(key), f.name() + " header lacks " + key);
        }
        assertEquals(f.path(), f.name() + ".txt");
        assertEquals(f.family(), f.get("family"), f.name());
        assertTrue(f.has("method"), f.name() + " lacks method");
        if (f.expectsError()) {
            return;
        }
        int nq = f.doubles("query").length;
        assertTrue(nq > 0, f.name());
        for (String key : new String[] {"value", "d1", "d2", "anti"}) {
            if (f.has(key)) {
                assertEquals(nq, f.doubles(key).length, f.name() + " " + key);
            }
        }
        assertTrue(f.has("selfdiff_rel"), f.name());
        assertFalse(Double.isNaN(f.number("max_abs_y")), f.name());
        f.oor();
        if (f.has("x") && f.has("y")) {
            assertEquals(f.doubles("x").length, f.doubles("y").length, f.name());
        }
        if (f.has("bc_left")) {
            f.bcLeft();
            f.bcRight();
        }
    }
}

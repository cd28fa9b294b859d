package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture listed in the index parses, carries its provenance, and has consistent lengths. */
class ScipyFixtureLoaderTest {

    static Stream<ScipyFixture> all() {
        return ScipyFixture.index().stream().map(ScipyFixture::load);
    }

    @Test
    void indexCoversEveryFamily() {
        List<String> index = ScipyFixture.index();
        for (String family : new String[] {"cubic_spline", "pchip", "akima", "hermite", "ppoly",
                "make_interp_spline", "bspline", "interp1d"}) {
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

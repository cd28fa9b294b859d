package io.github.interp4j.interpolate.internal.delaunay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.scipy.ScipyFixture;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DelaunayBuilder} against {@code scipy.spatial.Delaunay} (fixtures in {@code scipy-fixtures/delaunay/},
 * generator {@code fixturegen/delaunay.py}): on point sets in general position the Delaunay triangulation is
 * unique, so the simplices must be the same, compared as sorted vertex tuples; so must the number of hull
 * facets. The result is also checked exactly by {@link TriangulationChecker}.
 */
class DelaunayBuilderAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("delaunay");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void sameSimplicesAsScipy(ScipyFixture f) {
        int n = f.integer("n");
        int d = f.integer("d");
        double[] points = f.doubles("points");
        assertEquals(n * d, points.length);
        double[] expected = f.doubles("simplices");
        assertEquals(f.integer("s") * (d + 1), expected.length);

        Mesh m = DelaunayBuilder.build(points, d);
        TriangulationChecker.check(m);
        assertEquals(0, m.leftOut().length);
        assertEquals(sortedTuples(toInts(expected), d + 1), sortedTuples(m.simplices(), d + 1));
        int hull = 0;
        for (int nb : m.neighbors()) {
            hull += nb < 0 ? 1 : 0;
        }
        assertEquals(f.integer("hull_facets"), hull);
    }

    private static int[] toInts(double[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
            assertEquals(a[i], out[i]);
        }
        return out;
    }

    private static Set<String> sortedTuples(int[] s, int d1) {
        Set<String> out = new TreeSet<>();
        for (int t = 0; t < s.length / d1; t++) {
            int[] v = Arrays.copyOfRange(s, t * d1, t * d1 + d1);
            Arrays.sort(v);
            out.add(Arrays.toString(v));
        }
        assertEquals(s.length / d1, out.size(), "repeated simplex");
        return out;
    }
}

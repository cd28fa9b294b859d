package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.BoundaryCondition;
import io.github.interp4j.interpolate.OutOfRange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scipy agreement fixture of any family: a text file under {@code scipy-fixtures/<family>/} on the
 * test classpath, written by {@value #GENERATOR} and listed in {@code scipy-fixtures/index.txt}. Every
 * family's agreement test reads its fixtures through this class ({@link #family(String)}).
 *
 * <p>Format: {@code # key: value} lines are the provenance header (generator, scipy/numpy/python
 * versions, date, seed, the exact scipy call), other '#' lines are notes; every other line is
 * {@code key: value}, a key may repeat (all its values are kept, {@link #get(String)} gives the last),
 * values are space-separated tokens, numbers are Python {@code repr()} of float64 (exact round trip)
 * with {@code nan}, {@code inf}, {@code -inf}. Each family's keys are documented in its generator
 * module ({@code scipy-fixtures/fixturegen/<family>.py}; the 1-D families' in {@code oned.py}).
 *
 * <p>Immutable after loading; {@link #toString()} is the case name, which JUnit shows for each
 * parameterized invocation.
 */
public final class ScipyFixture {
    /** The classpath folder holding the fixtures and their index. */
    public static final String ROOT = "/scipy-fixtures/";
    /** The script that writes the fixtures, named when one is missing. */
    public static final String GENERATOR = "core/src/test/resources/scipy-fixtures/generate.py";
    /** The provenance header entries every fixture must carry. */
    private static final String[] PROVENANCE = {"scipy", "numpy", "call", "seed"};

    private final String path;
    private final Map<String, List<String>> entries;
    private final Map<String, String> header;

    private ScipyFixture(String path, Map<String, List<String>> entries, Map<String, String> header) {
        this.path = path;
        this.entries = entries;
        this.header = header;
    }

    /** @return every fixture path listed in {@code index.txt}, relative to {@link #ROOT} */
    public static List<String> index() {
        List<String> out = new ArrayList<>();
        for (String line : lines(ROOT + "index.txt")) {
            String s = line.trim();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * @param family a folder name, e.g. {@code cubic_spline}, {@code rbf}, {@code regular_grid}
     * @return the fixtures of that family, loaded, in index order
     */
    public static Stream<ScipyFixture> family(String family) {
        List<ScipyFixture> out = new ArrayList<>();
        for (String p : index()) {
            if (p.startsWith(family + "/")) {
                out.add(load(p));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no fixtures for family " + family + " in " + ROOT + "index.txt");
        }
        return out.stream();
    }

    /**
     * @param path a path relative to {@link #ROOT}
     * @return the parsed fixture
     * @throws IllegalArgumentException if a line is malformed, or the case name or a provenance entry
     *                                  (scipy, numpy, call, seed) is missing
     */
    public static ScipyFixture load(String path) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String line : lines(ROOT + path)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String body = line.substring(1).trim();
                int c = body.indexOf(':');
                if (c > 0) {
                    header.putIfAbsent(body.substring(0, c).trim(), body.substring(c + 1).trim());
                }
                continue;
            }
            int c = line.indexOf(':');
            if (c <= 0) {
                throw new IllegalArgumentException(path + ": malformed line: " + line);
            }
            entries.computeIfAbsent(line.substring(0, c).trim(), k -> new ArrayList<>())
                    .add(line.substring(c + 1).trim());
        }
        if (!entries.containsKey("case")) {
            throw new IllegalArgumentException(path + ": missing key case");
        }
        for (String h : PROVENANCE) {
            if (!header.containsKey(h)) {
                throw new IllegalArgumentException(path + ": provenance header lacks '" + h + "'");
            }
        }
        return new ScipyFixture(path, entries, header);
    }

    /**
     * @param resource a class-path resource
     * @return its lines
     * @throws IllegalStateException if it is missing
     */
    private static List<String> lines(String resource) {
        InputStream in = ScipyFixture.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource + " (run " + GENERATOR + ")");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                lines.add(s);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the path relative to {@link #ROOT} */
    public String path() {
        return path;
    }

    /** @return the family: the folder the fixture is in, e.g. {@code cubic_spline} */
    public String family() {
        return path.substring(0, path.indexOf('/'));
    }

    /** @return the case name, e.g. {@code cubic_spline/natural_n50_r1e3_smooth} */
    public String name() {
        return get("case");
    }

    /** @return the exact scipy call from the provenance header */
    public String call() {
        return header.getOrDefault("call", "?");
    }

    /** @return the provenance header entries (scipy, numpy, python, date, seed, call, ...) */
    public Map<String, String> header() {
        return Collections.unmodifiableMap(header);
    }

    /**
     * @param key a key
     * @return whether the fixture has it
     */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * @param key a key that appears once
     * @return its value text
     */
    public String get(String key) {
        List<String> v = entries.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path + ": no key " + key);
        }
        return v.get(v.size() - 1);
    }

    /**
     * @param key a key that may repeat
     * @return all its values, in file order (empty if absent)
     */
    public List<String> all(String key) {
        return entries.getOrDefault(key, List.of());
    }

    /**
     * @param key a key whose value is numbers
     * @return the numbers
     */
    public double[] doubles(String key) {
        return parseDoubles(get(key));
    }

    /**
     * @param key a key whose value is one number
     * @return the number
     */
    public double number(String key) {
        return parseDouble(get(key).trim());
    }

    /**
     * @param key a key whose value is one integer
     * @return the integer
     */
    public int integer(String key) {
        return Integer.parseInt(get(key).trim());
    }

    /**
     * A row-major matrix; its size is asserted.
     *
     * @param key  a key whose value is {@code rows * cols} numbers, row-major
     * @param rows the number of rows
     * @param cols the number of columns
     * @return the rows
     */
    public double[][] matrix(String key, int rows, int cols) {
        double[] flat = doubles(key);
        assertEquals((long) rows * cols, flat.length, name() + ": " + key + " size");
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /**
     * @param key a repeated key whose values are numbers (coef, integral, solve)
     * @return one array per occurrence
     */
    public List<double[]> rows(String key) {
        List<double[]> out = new ArrayList<>();
        for (String s : all(key)) {
            out.add(parseDoubles(s));
        }
        return out;
    }

    /** @return whether scipy rejected this input (the Java constructor must throw) */
    public boolean expectsError() {
        return has("expect_error");
    }

    /**
     * scipy's disagreement with itself on the mirrored problem, relative to the per-query scale
     * (see {@link Agreement}); NaN where no mirrored call measures it.
     *
     * @param quantity value, d1, d2, anti, integral, roots or solve
     * @return the relative self-disagreement, NaN if unknown
     */
    public double selfdiffRel(String quantity) {
        return namedNumbers("selfdiff_rel").getOrDefault(quantity, Double.NaN);
    }

    /**
     * @param quantity as {@link #selfdiffRel(String)}
     * @return the absolute self-disagreement (max abs difference), NaN if unknown
     */
    public double selfdiffAbs(String quantity) {
        return namedNumbers("selfdiff").getOrDefault(quantity, Double.NaN);
    }

    private Map<String, Double> namedNumbers(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!has(key)) {
            return out;
        }
        String[] t = get(key).trim().split("\\s+");
        for (int i = 0; i + 1 < t.length; i += 2) {
            out.put(t[i], parseDouble(t[i + 1]));
        }
        return out;
    }

    /** @return the fixture's out-of-range mode ({@code oor:}) */
    public OutOfRange oor() {
        return parseOor(get("oor"));
    }

    /** @return scipy's default out-of-range mode for the constructor call ({@code default_oor:}) */
    public OutOfRange defaultOor() {
        return parseOor(get("default_oor"));
    }

    /**
     * @param token extrapolate | nan | periodic | raise | clamp | fill below above | fill value (one value:
     *              both sides; {@code fill nan} is the NaN mode)
     * @return the mode
     */
    public static OutOfRange parseOor(String token) {
        String[] t = token.trim().split("\\s+");
        switch (t[0]) {
            case "extrapolate":
                return OutOfRange.extrapolate();
            case "nan":
                return OutOfRange.nan();
            case "periodic":
                return OutOfRange.periodic();
            case "raise":
                return OutOfRange.raise();
            case "clamp":
                return OutOfRange.clamp();
            case "fill":
                if (t.length == 2) {
                    double v = parseDouble(t[1]);
                    return Double.isNaN(v) ? OutOfRange.nan() : OutOfRange.fill(v);
                }
                return OutOfRange.fill(parseDouble(t[1]), parseDouble(t[2]));
            default:
                throw new IllegalArgumentException("unknown out-of-range token " + token);
        }
    }

    /** @return the left boundary condition ({@code bc_left:}) */
    public BoundaryCondition bcLeft() {
        return parseBc(get("bc_left"));
    }

    /** @return the right boundary condition ({@code bc_right:}) */
    public BoundaryCondition bcRight() {
        return parseBc(get("bc_right"));
    }

    /**
     * @param token not-a-knot | natural | clamped | periodic | first v | second v
     * @return the condition
     */
    public static BoundaryCondition parseBc(String token) {
        String[] t = token.trim().split("\\s+");
        switch (t[0]) {
            case "not-a-knot":
            case "none":
                return BoundaryCondition.notAKnot();
            case "natural":
                return BoundaryCondition.natural();
            case "clamped":
                return BoundaryCondition.clamped();
            case "periodic":
                return BoundaryCondition.periodic();
            case "first":
                return BoundaryCondition.firstDerivative(parseDouble(t[1]));
            case "second":
                return BoundaryCondition.secondDerivative(parseDouble(t[1]));
            default:
                throw new IllegalArgumentException("unknown boundary condition token " + token);
        }
    }

    /**
     * @param s space-separated numbers in Python repr (nan, inf, -inf allowed)
     * @return the numbers
     */
    public static double[] parseDoubles(String s) {
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        return Arrays.stream(trimmed.split("\\s+")).mapToDouble(ScipyFixture::parseDouble).toArray();
    }

    /**
     * @param t one number in Python repr
     * @return its value
     */
    public static double parseDouble(String t) {
        switch (t) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(t);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}

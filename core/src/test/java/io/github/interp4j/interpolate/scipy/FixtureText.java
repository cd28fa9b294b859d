package io.github.interp4j.interpolate.scipy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text layout every scipy fixture family shares: {@code # key: value} provenance header lines,
 * then {@code key: value} lines (a key may repeat). Each family's test gives the entries its meaning.
 */
final class FixtureText {
    /** Header fields, first occurrence of each ({@code scipy}, {@code numpy}, {@code call}, {@code seed}, ...). */
    final Map<String, String> header;
    /** Body entries in file order; repeated keys keep every value. */
    final Map<String, List<String>> entries;

    private FixtureText(Map<String, String> header, Map<String, List<String>> entries) {
        this.header = header;
        this.entries = entries;
    }

    /** @return the last value of each body key (for families whose keys do not repeat) */
    Map<String, String> lastValues() {
        Map<String, String> kv = new LinkedHashMap<>();
        entries.forEach((k, v) -> kv.put(k, v.get(v.size() - 1)));
        return kv;
    }

    /**
     * @param resource  the class-path resource
     * @param generator the script that makes it, named in the error when it is missing
     * @return the parsed text
     */
    static FixtureText read(String resource, String generator) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String line : lines(resource, generator)) {
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
                throw new IllegalArgumentException(resource + ": malformed line: " + line);
            }
            entries.computeIfAbsent(line.substring(0, c).trim(), k -> new ArrayList<>())
                    .add(line.substring(c + 1).trim());
        }
        return new FixtureText(header, entries);
    }

    /**
     * @param resource  the class-path resource
     * @param generator the script that makes it, named in the error when it is missing
     * @return its lines
     */
    static List<String> lines(String resource, String generator) {
        InputStream in = FixtureText.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource + " (run " + generator + ")");
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
}

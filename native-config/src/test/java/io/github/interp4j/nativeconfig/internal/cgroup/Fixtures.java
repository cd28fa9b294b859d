package io.github.interp4j.nativeconfig.internal.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the fixture trees under {@code src/test/resources/cgroup-fixtures}: one mini root per case. */
final class Fixtures {
    private Fixtures() {}

    /** @return the directory holding all fixture cases */
    static Path base() {
        URL url = Fixtures.class.getClassLoader().getResource("cgroup-fixtures");
        if (url == null) {
            throw new IllegalStateException("cgroup-fixtures not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the root of one fixture case, standing for {@code /} */
    static Path root(String name) {
        Path p = base().resolve(name);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return p;
    }

    /** @return the names of all fixture cases, sorted */
    static List<String> names() {
        try (Stream<Path> s = Files.list(base())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the relative paths ({@code /} separated) of all regular files below {@code root} */
    static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

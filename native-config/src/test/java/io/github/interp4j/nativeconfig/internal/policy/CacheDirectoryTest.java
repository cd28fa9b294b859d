package io.github.interp4j.nativeconfig.internal.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheDirectoryTest {

    @Test
    void aDirectorySetByTheUserIsKept() {
        assertEquals(Optional.empty(), CacheDirectory.choose(Map.of(CacheDirectory.PROPERTY, "/x"), d -> false));
        assertEquals(Optional.empty(), CacheDirectory.choose(Map.of(CacheDirectory.LEGACY_PROPERTY, "/x"), d -> false));
    }

    @Test
    void homeFirstThenTmpWithTheUserName() {
        Map<String, String> props = Map.of("user.home", "/home/a", "user.name", "a b", "java.io.tmpdir", "/tmp");
        CacheDirectory.Choice home = CacheDirectory.choose(props, d -> true).orElseThrow();
        assertEquals(Paths.get("/home/a/.javacpp/cache"), home.dir());
        assertFalse(home.fallback());
        CacheDirectory.Choice tmp = CacheDirectory.choose(props, d -> d.startsWith("/tmp")).orElseThrow();
        assertEquals(Paths.get("/tmp/interp4j-javacpp-a_b/cache"), tmp.dir());
        assertTrue(tmp.fallback());
        assertEquals(Paths.get("/home/a/.javacpp/cache"), tmp.preferred());
    }

    @Test
    void noWritableCandidateNamesThePropertyToSet() {
        Map<String, String> props = Map.of("user.home", "/proc/interp4j-no-such-home",
                "java.io.tmpdir", "/proc/interp4j-no-such-tmp");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CacheDirectory.choose(props, CacheDirectory::writable));
        assertTrue(e.getMessage().contains("org.bytedeco.javacpp.cachedir"), e.getMessage());
        assertTrue(e.getMessage().contains("/proc/interp4j-no-such-home"), e.getMessage());
    }

    @Test
    void writableProbesAndCreates(@TempDir Path tmp) {
        Path dir = tmp.resolve("a/b");
        assertTrue(CacheDirectory.writable(dir));
        assertTrue(Files.isDirectory(dir));
        assertFalse(CacheDirectory.writable(Paths.get("/proc/interp4j-no-such-dir")));
    }
}

package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasInfo;
import io.github.interp4j.nativeconfig.internal.jni.BlasFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlasDescriptionTest {

    @Test
    void versionIsTheSecondWordOfAnOpenBlasConfig() {
        assertEquals("0.3.31", BlasDescription.version("OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"));
        assertEquals("unknown", BlasDescription.version("OpenBLAS "));
        assertEquals("unknown", BlasDescription.version("MKL 2024"));
        assertEquals("unknown", BlasDescription.version("unknown"));
    }

    @Test
    void threadingModels() {
        assertEquals("sequential", BlasDescription.threadingModel(0));
        assertEquals("pthreads", BlasDescription.threadingModel(1));
        assertEquals("OpenMP", BlasDescription.threadingModel(2));
        assertEquals("unknown (7)", BlasDescription.threadingModel(7));
        assertEquals("unknown", BlasDescription.threadingModel(null));
    }

    @Test
    void describesMissingFunctionsAsUnknownAndMklFromTheLoadProperty() {
        BlasInfo none = BlasDescription.describe(new BlasFacts(List.of("/a.so"), null, null, null, -1), null, 3, false);
        assertEquals("OpenBLAS", none.backend());
        assertEquals("unknown", none.version());
        assertEquals("unknown", none.coreName());
        assertEquals("unknown", none.config());
        assertEquals(-1, none.threads());
        assertEquals(3, none.threadsAddedByLoad());
        assertFalse(none.loadedBeforeConfiguration());
        assertEquals(List.of("/a.so"), none.libraries());
        BlasInfo mkl = BlasDescription.describe(new BlasFacts(List.of(), null, null, null, 4), "mkl_rt", -1, true);
        assertEquals("MKL", mkl.backend());
        assertTrue(mkl.loadedBeforeConfiguration());
    }

    @Test
    void theOpenBlasArtifactComesFromTheBuild() {
        assertTrue(BuildInfo.OPENBLAS_ARTIFACT.matches("org\\.bytedeco:openblas:[0-9][^$]*"), BuildInfo.OPENBLAS_ARTIFACT);
    }
}
